/**
 * Removes page furniture from Readability's copy of the page before it reads it: bylines,
 * datelines, kickers, share bars, tag lists, "read also" boxes, newsletter sign-ups, comments.
 * Readability keeps many of these when they sit inside the article element, and then their
 * names, dates and numbers would be highlighted as if the article said them.
 */

// Matched against class, id, data-component and aria-label, as whole words or word parts. One
// boundary group around the alternation (rather than one per word) keeps the pattern small to
// compile and quick to run: it matches the same strings.
const FURNITURE = new RegExp(`(?:^|[\\s_-])(?:${[
  'byline', 'author(?!ity)', 'dateline', 'timestamp', 'published', 'updated', 'article-?date', 'post-?date', 'entry-?meta', 'post-?meta', 'meta-?data', 'reading-?time',
  'kicker', 'overline', 'eyebrow', 'breadcrumb', 'rubrique',
  'share', 'sharing', 'social', 'follow-?us', 'print',
  'tags?-?list', 'article-?tags', 'tag-?cloud', 'keywords', 'topics-?list',
  'related', 'read-?(also|more|next)', 'lire-?aussi', 'a-?lire', 'auch-?interessant', 'leggi-?anche', 'lees-?ook', 'te-?puede', 'more-?stories', 'recommend', 'outbrain', 'taboola', 'most-?(read|popular)', 'trending', 'inline-?promo', 'promo', 'teaser-?list',
  'newsletter', 'subscribe', 'signup', 'sign-?up', 'paywall', 'premium-?banner', 'advert', 'ad-?slot', 'ad-?container', 'sponsor',
  'comment', 'disqus', 'discussion', 'reactions', 'cookie', 'consent', 'gdpr',
].join('|')})s?(?:$|[\\s_-])`, 'i');

// Words that mark the article itself; an element carrying them is never furniture.
const ARTICLE = /(?:^|[\s_-])(article-?body|story-?body|post-?body|entry-?content|article-?content|articletext|main-?content)(?:$|[\s_-])/i;

const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'FORM', 'BUTTON', 'DIALOG']);
const SPECIAL = '[data-component], [aria-label], [itemprop], [role], nav, footer, form, button, dialog';
const CANDIDATES = `[class], [id], ${SPECIAL}`;

function descriptor(cls: string | null, id: string, component: string | null, label: string | null, author: boolean): string {
  return [cls, id, component, label, author ? 'author' : '']
    .filter(Boolean).join(' ').replace(/([a-z])([A-Z])/g, '$1-$2');
}

/**
 * Whether the names name furniture. Pages repeat the same few class names on thousands of
 * elements, so verdicts are kept: the patterns run once per distinct set of names.
 */
class FurnitureNames {
  private byClass = new Map<string, boolean>();
  private byAll = new Map<string, boolean>();

  /** An element named by its class alone (the common case) is looked up by that class. */
  test(cls: string | null, id: string, component: string | null = null, label: string | null = null, author = false): boolean {
    if (!cls && !id && !component && !label && !author) return false;
    const alone = !id && !component && !label && !author;
    const cache = alone ? this.byClass : this.byAll;
    const key = alone ? cls! : `${cls ?? ''}\u0000${id}\u0000${component ?? ''}\u0000${label ?? ''}\u0000${author ? 1 : 0}`;
    let verdict = cache.get(key);
    if (verdict === undefined) {
      const desc = descriptor(cls, id, component, label, author);
      verdict = FURNITURE.test(desc) && !ARTICLE.test(desc);
      cache.set(key, verdict);
    }
    return verdict;
  }
}

/**
 * Removes furniture elements from `doc` (a copy), keeping anything that holds the headline or a
 * large share of the page's text, so that a mislabelled wrapper never takes the article with it.
 * `bodyChars`, when the caller already knows it, is the length of the body's text.
 */
export function removeFurniture(doc: Document, headline: Element | null, bodyChars?: number): number {
  const body = doc.body;
  if (!body) return 0;
  // Read only once an element qualifies: most pages have few candidates.
  let total = -1;
  const doomed: Element[] = [];
  const names = new FurnitureNames();
  // Only elements that carry a name or are furniture by tag can qualify; the selector lets the
  // browser skip the plain ones (most `p`, `a`, `span`) without a call into script for each.
  // The rarer attributes and tags are looked for on the few elements that have them: both lists
  // are in document order and the second is part of the first, so one cursor walks it alongside.
  const all = body.querySelectorAll(CANDIDATES);
  const special = body.querySelectorAll(SPECIAL);
  let nextSpecial = special.length ? special[0] : null;
  let s = 0;
  // The outermost element doomed last: what lies inside it goes with it, unexamined.
  let doomedRoot: Element | null = null;
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    let qualifies: boolean;
    if (el === nextSpecial) {
      nextSpecial = ++s < special.length ? special[s] : null;
      const role = el.getAttribute('role');
      qualifies = FURNITURE_TAGS.has(el.tagName.toUpperCase()) || role === 'navigation' || role === 'complementary'
        || names.test(el.getAttribute('class'), el.id, el.getAttribute('data-component'), el.getAttribute('aria-label'), el.getAttribute('itemprop') === 'author');
    } else {
      qualifies = names.test(el.getAttribute('class'), el.id);
    }
    if (!qualifies) continue;
    if (doomedRoot && doomedRoot.contains(el)) continue;
    if (headline && (el === headline || el.contains(headline))) continue;
    if (total < 0) total = (bodyChars ?? (body.textContent ?? '').length) || 1;
    const text = (el.textContent ?? '').length;
    if (text > total * 0.25 || text > 4000) continue;
    // Long paragraphs inside mean article prose, not furniture; a paragraph holds no more text
    // than the element around it.
    if (text > PROSE && hasLongParagraphs(el)) continue;
    doomed.push(el);
    doomedRoot = el;
  }
  let removed = 0;
  for (const el of doomed) {
    if (el.parentNode && body.contains(el)) { el.remove(); removed++; }
  }
  return removed;
}

/** Paragraph length that reads as article prose. */
const PROSE = 400;

function hasLongParagraphs(el: Element): boolean {
  let long = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) if ((p.textContent ?? '').length > PROSE && ++long > 1) return true;
  return false;
}
