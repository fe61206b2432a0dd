/**
 * Trims Readability's content with the article text the page publishes about itself (JSON-LD
 * `articleBody`): blocks that the publisher's own text does not contain — a promo paragraph, a
 * caption credit line, a "more on this story" list — are dropped. The DOM is kept, so offsets
 * still map to the page; the reference only decides which blocks stay.
 */

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function shingles(tokens: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) out.add(tokens.slice(i, i + n).join(' '));
  return out;
}

const BLOCKS = 'p, li, h2, h3, h4, h5, h6, blockquote, figcaption, pre, td, dd, dt';

/** Leaf text blocks: block elements with no block element inside them. */
function leafBlocks(root: Element): Element[] {
  return Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
}

/**
 * Removes the leaf blocks of `content` that share too little with `reference`. Does nothing, and
 * returns false, when the reference does not describe this content (too short, or most of it is
 * not found in the page), since a truncated or stale articleBody would otherwise cut real text.
 */
export function filterByReference(content: Element, reference: string): boolean {
  const refTokens = words(reference);
  if (refTokens.length < 80) return false;
  const ref3 = shingles(refTokens, 3);
  const blocks = leafBlocks(content);
  if (blocks.length < 2) return false;
  const verdicts: { el: Element; keep: boolean; size: number }[] = [];
  let keptShingles = 0;
  for (const el of blocks) {
    const t = words(el.textContent ?? '');
    if (t.length === 0) continue;
    if (t.length < 3) { verdicts.push({ el, keep: t.every((w) => reference.toLowerCase().includes(w)), size: t.length }); continue; }
    const s = shingles(t, 3);
    let hit = 0;
    for (const x of s) if (ref3.has(x)) hit++;
    const keep = hit / s.size >= 0.5;
    if (keep) keptShingles += hit;
    verdicts.push({ el, keep, size: t.length });
  }
  // The reference must be mostly present in the page, and must not be a summary that would leave
  // most of the page's article out, for it to be trusted as a filter.
  if (keptShingles < ref3.size * 0.7) return false;
  const total = verdicts.reduce((n, v) => n + v.size, 0);
  const dropped = verdicts.reduce((n, v) => n + (v.keep ? 0 : v.size), 0);
  if (dropped > total * 0.35) return false;
  for (const v of verdicts) if (!v.keep) v.el.remove();
  return true;
}
