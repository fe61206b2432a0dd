/**
 * Removes what Readability keeps but a reader does not count as the article: bylines and
 * datelines, photo credits, repeated blocks (captions shown twice), and lists of links to other
 * stories with their heading ("You may also like…").
 */

const BLOCKS = 'p, li, h2, h3, h4, h5, h6, blockquote, figcaption, div, address';

const BYLINE = /^(by|par|von|door|di|por|de|text:|texte\s*:)\s+\p{Lu}/iu;
const DATELINE = /\b(published|updated|posted|publié|mis à jour|actualisé|aktualisiert|veröffentlicht|gepubliceerd|bijgewerkt|pubblicato|aggiornato|publicado|actualizado)\b/i;
const CREDIT = /^(photo|foto|fotografía|credit|crédit|image|bild|picture|illustration|©|copyright)\b\s*[:©/]?|\/\s*(afp|reuters|ap|epa|dpa|anp|ansa|efe|getty images|associated press)\s*$/i;

const RELATED = /\b(also|more|related|read|recommended|popular|trending|latest|top stories|lire|aussi|à lire|voir|weitere|mehr|auch|lees|ook|meer|anche|leggi|altri|también|más|relacionad|te puede)\b/i;

/** True when nothing with text follows `el` inside `root`. */
function isLast(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) if (norm(next.textContent ?? '')) return false;
  }
  return true;
}

// Calls to action and site notices that sit between paragraphs; short blocks only.
const BOILERPLATE = /(click(ing)? here|continue reading|read more|see more|sign up|subscribe|newsletter|all rights reserved|requires javascript|uses cookies|follow us|share this|lire la suite|abonnez|inscrivez|tous droits réservés|weiterlesen|jetzt abonnieren|alle rechte|lees (ook|meer)|abonneer|leggi (anche|tutto)|iscriviti|riproduzione riservata|leer más|suscríbete|todos los derechos)/i;

// A block that is only an address: the page's own URL, an e-mail, a social handle.
const ADDRESS_ONLY = /^(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|@\w+|(twitter|x|facebook|instagram)\.com\/\S+)$/i;

const WORD = /[\p{L}\p{N}]+/gu;

/** The number of words in `s`, counted no further than `cap`: only short blocks are judged by it. */
function wordsUpTo(s: string, cap: number): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < cap && WORD.exec(s)) n++;
  return n;
}

// The largest word count any of the short-block rules below accepts.
const SHORT_BLOCK_WORDS = 20;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function linkTextShare(el: Element): number {
  const all = norm(el.textContent ?? '').length;
  if (!all) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += norm(a.textContent ?? '').length;
  return linked / all;
}

function isLeafBlock(el: Element): boolean {
  return !el.querySelector('p, li, h2, h3, h4, h5, h6, blockquote, figcaption, div, ul, ol, table');
}

export function pruneContent(content: Element): number {
  const doomed = new Set<Element>();
  const seen = new Set<string>();
  for (const el of Array.from(content.querySelectorAll(BLOCKS))) {
    if (!isLeafBlock(el)) continue;
    const text = norm(el.textContent ?? '');
    if (!text) continue;
    const words = wordsUpTo(text, SHORT_BLOCK_WORDS + 1);
    if (words <= 8 && BYLINE.test(text)) doomed.add(el);
    else if (words <= 20 && DATELINE.test(text) && /\d/.test(text)) doomed.add(el);
    else if (words <= 14 && CREDIT.test(text)) doomed.add(el);
    else if (words <= 15 && BOILERPLATE.test(text)) doomed.add(el);
    else if (ADDRESS_ONLY.test(text)) doomed.add(el);
    else if (text.length >= 20) {
      if (seen.has(text)) doomed.add(el);
      seen.add(text);
    }
  }
  for (const list of Array.from(content.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => c.tagName.toUpperCase() === 'LI');
    if (items.length < 2 || linkTextShare(list) < 0.8) continue;
    // A list of links is an article's own content (sources, products) unless it is announced as
    // other stories, or closes the article with nothing after it.
    const prev = list.previousElementSibling;
    const heading = prev && /^H[2-6]$|^P$|^DIV$|^STRONG$/.test(prev.tagName.toUpperCase()) && norm(prev.textContent ?? '').length <= 60 && !prev.querySelector('p, li') ? prev : null;
    const announced = heading && RELATED.test(norm(heading.textContent ?? ''));
    if (!announced && !isLast(list, content)) continue;
    doomed.add(list);
    if (announced) doomed.add(heading);
  }
  let removed = 0;
  for (const el of doomed) {
    if (el.parentNode && content.contains(el)) { el.remove(); removed++; }
  }
  return removed;
}
