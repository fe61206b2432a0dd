// A sentence ends at . ! ? or … followed by a space (so "3.5" and "13,5 %" do not end one), or at a
// line break (the article text separates blocks with blank lines).
const END_BEFORE = /[.!?\u2026]["'»\u201d)]*\s+$|\n\s*$/;
const MAX = 600;

/** What /\s/ matches (white space and line terminators), without a regex call per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** . ! ? … */
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** " ' » ” ) */
const isCloser = (c: number) => c === 34 || c === 39 || c === 0xbb || c === 0x201d || c === 41;

/**
 * The sentence of `text` that holds `start..end`, trimmed; at most 600 characters around the span
 * when no boundary is near. Abbreviations ("M. Darmanin") can cut a sentence short: acceptable for
 * a column that tells a reader where a figure came from. A figures export asks this for every
 * figure in the library, so characters are tested by code, and only a space is worth slicing
 * and testing for the end of the sentence before (both ends END_BEFORE looks for close on one).
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < MAX && !(isSpace(text.charCodeAt(from - 1)) && END_BEFORE.test(text.slice(Math.max(0, from - 4), from)))) from--;
  let to = end;
  while (to < text.length && to - end < MAX) {
    const c = text.charCodeAt(to);
    if (c === 10) break;
    to++;
    if (isStop(c) && (to >= text.length || isSpace(text.charCodeAt(to)) || isCloser(text.charCodeAt(to)))) {
      while (to < text.length && isCloser(text.charCodeAt(to))) to++;
      break;
    }
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
