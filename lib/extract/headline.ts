/**
 * Finds the headline and standfirst in the page itself: Readability usually drops the `h1` that
 * repeats the title, but the headline is part of what a reader (and the gold labels) count as the
 * article.
 */

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** A heading that may be the headline, with its text as headlines are compared. */
export type Heading = { el: Element; text: string; h1: boolean };

/**
 * The `h1` and `h2` outside navigation, read once: the headline is looked for twice per page
 * (against the page's own title, then against Readability's), and on a copy of the page as well.
 */
export function listHeadings(doc: Document): Heading[] {
  const out: Heading[] = [];
  for (const el of Array.from(doc.querySelectorAll('h1, h2'))) {
    if (el.closest('nav, header nav, footer, aside, [role="navigation"], [aria-hidden="true"]')) continue;
    const text = norm(el.textContent ?? '');
    if (!text || text.length > 400) continue;
    out.push({ el, text, h1: el.tagName === 'H1' });
  }
  return out;
}

/** The heading whose text best matches the article title; null when none does. */
export function bestHeading(headings: readonly Heading[], title: string): Element | null {
  const t = norm(title);
  if (!t) return null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const { el, text: h, h1 } of headings) {
    let score = 0;
    if (h === t) score = 3;
    else if (t.includes(h) || h.includes(t)) score = 2 * Math.min(h.length, t.length) / Math.max(h.length, t.length) + 0.5;
    if (h1) score += 0.25;
    if (score > bestScore) { best = el; bestScore = score; }
  }
  return bestScore >= 1 ? best : null;
}

/** The `h1` (or other heading) whose text best matches the article title; null when none does. */
export function findHeadline(doc: Document, title: string): Element | null {
  return norm(title) ? bestHeading(listHeadings(doc), title) : null;
}

const STANDFIRST_HINT = /(standfirst|chapo|chapeau|lead|lede|intro|summary|subtitle|sub-title|subheadline|dek|teaser|excerpt|description|kicker-text|abstract)/i;

/** The lead paragraph that follows the headline, when the markup marks it as such. */
export function findStandfirst(headline: Element): Element | null {
  let el: Element | null = headline.nextElementSibling;
  for (let i = 0; el && i < 3; i++, el = el.nextElementSibling) {
    // The hint first: the element after a headline is often the whole article's wrapper, whose
    // text is long to gather.
    if (STANDFIRST_HINT.test(`${el.className} ${el.getAttribute('itemprop') ?? ''} ${el.id}`)) {
      const text = (el.textContent ?? '').trim();
      if (text.length >= 30 && text.length <= 1200) return el;
    }
    if (/^H[1-6]$/.test(el.tagName)) return null;
  }
  return null;
}
