/**
 * Re-finds a quote in a text that may have changed since the quote was taken, in the manner of
 * Hypothesis's `match-quote.ts`: exact matches first (the common case when a page re-renders the
 * same article), approximate matches of the quote only when there is none, and every candidate
 * scored on the quote, its prefix, its suffix and its distance from the old position.
 */
import search from 'approx-string-match';
import type { TextAnchor } from './text-quote';

export type QuoteMatch = {
  start: number;
  end: number;
  /** 0–1: how well quote, context and position agree; 1 is the same text at the same place. */
  score: number;
};

type Candidate = { start: number; end: number; errors: number };

// Weights as in Hypothesis: the quote matters most, its context next, the position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Below this, a candidate is someone else's text: an exact quote with neither prefix nor suffix
 * matching scores about 0.57, so a short quote ("27", "Frontex") found elsewhere in the article
 * is not taken for the mention unless some of its context came along.
 */
export const MIN_SCORE = 0.6;

/**
 * And at least one side of the context must mostly have survived: approximate matching of 32
 * characters of context scores ~0.4 even against unrelated text, which the weighted score alone
 * does not rule out.
 */
const MIN_CONTEXT = 0.75;

/** Exact occurrences, up to `limit` (an article can hold "2021" hundreds of times). */
function exactMatches(text: string, quote: string, limit = 500): Candidate[] {
  const out: Candidate[] = [];
  for (let i = text.indexOf(quote); i !== -1 && out.length < limit; i = text.indexOf(quote, i + 1)) {
    out.push({ start: i, end: i + quote.length, errors: 0 });
  }
  return out;
}

/** How well `str` matches `text` (same length window), 0–1. */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === str) return 1;
  const [best] = search(text, str, str.length);
  return best ? 1 - best.errors / str.length : 0;
}

/**
 * The best place of `anchor.quote` in `text`, or null when nothing scores at least `minScore`.
 * Approximate matching allows one error per four characters of the quote (none below eight
 * characters: a two-letter figure with one error matches anything).
 */
export function matchQuote(text: string, anchor: TextAnchor, minScore = MIN_SCORE): QuoteMatch | null {
  const { quote, prefix, suffix, position } = anchor;
  if (!quote) return null;
  // Fast path: the same text at the same place.
  if (text.startsWith(quote, position) && text.slice(Math.max(0, position - prefix.length), position) === prefix
    && text.startsWith(suffix, position + quote.length)) {
    return { start: position, end: position + quote.length, score: 1 };
  }
  let candidates = exactMatches(text, quote);
  if (!candidates.length) {
    const maxErrors = quote.length < 8 ? 0 : Math.min(32, Math.floor(quote.length / 4));
    if (maxErrors === 0) return null;
    candidates = search(text, quote, maxErrors);
  }
  let best: QuoteMatch | null = null;
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / quote.length;
    const prefixScore = similarity(text.slice(Math.max(0, c.start - prefix.length), c.start), prefix);
    const suffixScore = similarity(text.slice(c.end, c.end + suffix.length), suffix);
    const positionScore = text.length ? 1 - Math.min(1, Math.abs(c.start - position) / text.length) : 1;
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore
      + POSITION_WEIGHT * positionScore) / MAX_SCORE;
    const contextHolds = Math.max(prefixScore, suffixScore) >= MIN_CONTEXT;
    if (contextHolds && (!best || score > best.score)) best = { start: c.start, end: c.end, score };
  }
  return best && best.score >= minScore ? best : null;
}
