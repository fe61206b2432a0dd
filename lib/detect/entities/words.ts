import type { Token } from './tokenize';

/**
 * Small word-level helpers shared by the entity detectors.
 */

// German inflects the words of a name ("des Bundesamts", "der Europäischen Union", "Dänische"
// for "Dänisches"). Names and text are both compared on a crude stem: the word less one common
// ending, kept at four letters or more so that short words ("der", "EU") are left alone.
const DE_ENDINGS = ['ern', 'es', 'en', 'em', 'er', 'e', 's', 'n'];

export function stemDe(word: string): string {
  if (word.length <= 4) return word;
  for (const end of DE_ENDINGS) {
    if (word.endsWith(end) && word.length - end.length >= 4) return word.slice(0, -end.length);
  }
  return word;
}

/** True for a token that continues a hyphenated compound: `-` written without spaces on either side. */
export function isAttachedHyphen(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return !!t && t.norm === '-' && !t.space && !!next && !next.space && next.kind !== 'punct';
}

/** True when token `i` is the second part of a hyphenated compound (`EU-Staaten` → `Staaten`). */
export function compoundPrev(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const h = tokens[i - 1];
  const w = tokens[i - 2];
  return !!t && !!h && !!w && !t.space && h.norm === '-' && !h.space && w.kind !== 'punct';
}

