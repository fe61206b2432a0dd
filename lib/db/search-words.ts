/**
 * The token index behind search. A clipping stores the distinct words of its title, text, note
 * and tags; a query is split the same way and each word is looked up in the multiEntry index.
 */

// Letters and digits of any script, with their combining marks (text in decomposed form writes "é"
// as "e" and a mark); apostrophes and hyphens split words ("l'Intérieur" → "l", "interieur").
const SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
const MARKS = /\p{M}+/gu;
/** Longer words are cut: nobody types 40 letters, and the index stays small. */
const MAX_LENGTH = 24;
/** A very long text keeps its first distinct words; the rest are still found by the text itself when read. */
const MAX_WORDS = 20_000;

/** Lower case, without accents: "Intérieur" and "interieur" match. */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().slice(0, MAX_LENGTH);
}

/** The words of a query, in order, normalised; one-letter words are dropped (not indexed). */
export function queryWords(query: string): string[] {
  return query.split(SPLIT).map(normaliseWord).filter((w) => w.length >= 2);
}

// Nothing to strip or compose: lower case is the whole of normaliseWord.
const PLAIN = /^[^\u0080-\uffff]*$/;

/** Distinct index words of the given texts, in order of first appearance. */
export function searchWords(...texts: readonly string[]): string[] {
  const seen = new Set<string>();
  // Each distinct spelling is normalised once: an article repeats most of its words.
  const spellings = new Set<string>();
  for (const text of texts) {
    for (const raw of text.split(SPLIT)) {
      if (raw.length < 2 || spellings.has(raw)) continue;
      spellings.add(raw);
      const word = PLAIN.test(raw) ? raw.toLowerCase().slice(0, MAX_LENGTH) : normaliseWord(raw);
      // A decomposed "é" alone is two characters and one letter.
      if (word.length < 2) continue;
      seen.add(word);
      if (seen.size >= MAX_WORDS) return [...seen];
    }
  }
  return [...seen];
}
