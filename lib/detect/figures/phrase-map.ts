/**
 * A map from short phrases (`demandeurs d'asile`, `per cent`, `bis zu`) to values, matched
 * longest first against a list of words.
 */
import { normalizeKey, type Word } from './text-scan';

/** Words joined as data keys are written: `d'` glues to the next word, others take one space. */
export function joinKeys(words: readonly Word[], from: number, count: number): string {
  let s = '';
  for (let i = from; i < from + count; i++) {
    const k = words[i]!.key;
    s += s === '' || s.endsWith("'") ? k : ` ${k}`;
  }
  return s;
}

/** French and Italian elided words (`d'`, `l'`, `qu'`, `dell'`); `I'm` or `zo'n` are one word. */
const ELIDED = /^(?:[cdjlmnst]|qu|lorsqu|puisqu|all|dell|nell|sull|dall|un|quell)'/;

/** Splits an elided article off its word (`d'euros` → `d'` + `euros`), keeping offsets. */
export function splitElisions(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const i = w.key.indexOf("'");
    if (i > 0 && i < w.key.length - 1 && ELIDED.test(w.key)) {
      out.push({ start: w.start, end: w.start + i + 1, key: w.key.slice(0, i + 1), raw: w.raw.slice(0, i + 1) });
      out.push({ start: w.start + i + 1, end: w.end, key: w.key.slice(i + 1), raw: w.raw.slice(i + 1) });
    } else out.push(w);
  }
  return out;
}

export class PhraseMap<T> {
  private readonly map = new Map<string, T>();
  /** Most words in one phrase, counting an elided article as a word. */
  maxWords = 0;

  add(phrase: string, value: T): void {
    const key = normalizeKey(phrase).trim();
    this.map.set(key, value);
    const words = key.split(' ').reduce((n, w) => n + (w.includes("'") && !w.endsWith("'") ? 2 : 1), 0);
    this.maxWords = Math.max(this.maxWords, words);
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  /** The longest phrase starting at `words[from]`: its value and how many words it took. */
  match(words: readonly Word[], from: number): { value: T; count: number } | null {
    const most = Math.min(this.maxWords, words.length - from);
    for (let count = most; count >= 1; count--) {
      const value = this.map.get(joinKeys(words, from, count));
      if (value !== undefined) return { value, count };
    }
    return null;
  }

  /** The longest phrase ending at `words[words.length - 1 - skip]`, for words read backwards (nearest first). */
  matchBefore(nearestFirst: readonly Word[], skip = 0): { value: T; count: number } | null {
    const most = Math.min(this.maxWords, nearestFirst.length - skip);
    for (let count = most; count >= 1; count--) {
      const ordered = nearestFirst.slice(skip, skip + count).reverse();
      const value = this.map.get(joinKeys(ordered, 0, count));
      if (value !== undefined) return { value, count };
    }
    return null;
  }
}
