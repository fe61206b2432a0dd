// A sentence ends at . ! ? or … followed by a space (so "3.5" and "13,5 %" do not end one), or at a
// line break (the article text separates blocks with blank lines).
const END_BEFORE = /[.!?\u2026]["'»\u201d)]*\s+$|\n\s*$/;
const SPACE = /\s/;
const STOP = /[.!?\u2026]/;
const CLOSER = /["'»\u201d)]/;
const MAX = 600;

/**
 * The sentence of `text` that holds `start..end`, trimmed; at most 600 characters around the span
 * when no boundary is near. Abbreviations ("M. Darmanin") can cut a sentence short: acceptable for
 * a column that tells a reader where a figure came from.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  // Both ends END_BEFORE looks for close on a space, so only a space is worth slicing and testing:
  // a figures export asks this for every figure in the library.
  while (from > 0 && start - from < MAX && !(SPACE.test(text[from - 1]) && END_BEFORE.test(text.slice(Math.max(0, from - 4), from)))) from--;
  let to = end;
  while (to < text.length && to - end < MAX) {
    const ch = text[to];
    if (ch === '\n') break;
    to++;
    if (STOP.test(ch) && (to >= text.length || SPACE.test(text[to]) || CLOSER.test(text[to]))) {
      while (to < text.length && CLOSER.test(text[to])) to++;
      break;
    }
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
