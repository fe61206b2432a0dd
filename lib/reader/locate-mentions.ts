import type { TextAnchor } from '../anchor/text-quote';

/** What locating needs of a stored mention. */
export type LocatableMention = { start: number; end: number; text: string; anchor: TextAnchor };

/** How far from the expected place a quote is looked for before searching the whole text. */
const WINDOW = 2000;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds each mention of a saved clipping in the text of its article as rendered again (which may
 * start elsewhere: the stored text begins with the headline, the rendered article may not). Mentions
 * are taken in order and the running shift between stored and rendered offsets is carried along;
 * among the occurrences of a quote, the one whose surroundings best match the stored prefix and
 * suffix wins, then the nearest. Returns the start offset in `text` for each mention, or -1.
 */
export function locateMentions(text: string, mentions: readonly LocatableMention[]): number[] {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a].start - mentions[b].start);
  const out = new Array<number>(mentions.length).fill(-1);
  let shift = 0;
  for (const i of order) {
    const m = mentions[i];
    if (!m.text) continue;
    const expected = m.start + shift;
    const best = bestOccurrence(text, m, expected, Math.max(0, expected - WINDOW), expected + WINDOW)
      ?? bestOccurrence(text, m, expected, 0, text.length);
    if (best === null) continue;
    out[i] = best;
    shift = best - m.start;
  }
  return out;
}

function bestOccurrence(text: string, m: LocatableMention, expected: number, from: number, to: number): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (let at = text.indexOf(m.text, from); at >= 0 && at <= to; at = text.indexOf(m.text, at + 1)) {
    const score = commonSuffix(text.slice(Math.max(0, at - m.anchor.prefix.length), at), m.anchor.prefix)
      + commonPrefix(text.slice(at + m.text.length, at + m.text.length + m.anchor.suffix.length), m.anchor.suffix);
    if (score > bestScore || (score === bestScore && best !== null && Math.abs(at - expected) < Math.abs(best - expected))) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}
