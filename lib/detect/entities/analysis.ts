import type { Lang } from '../types';
import type { InstitutionEntry, Tables } from './tables';
import { tokenize, type Token } from './tokenize';
import { stemDe } from './words';

/**
 * What the three entity detectors share about one text: its tokens, and the institutions and
 * roles found in it (roles read institutions, people read both). `detect()` runs the detectors
 * one after the other on the same text, so the last analysis is kept and reused: each step is
 * computed once per text instead of once per detector.
 */
export type Analysis = {
  text: string;
  lang: Lang | null;
  tables: Tables;
  tokens: Token[];
  /** Filled in lazily by the detectors, keyed by what they compute. */
  memo: Map<string, unknown>;
};

let last: Analysis | null = null;

export function analysisFor(text: string, lang: Lang | null, tables: Tables): Analysis {
  if (last && last.text === text && last.lang === lang && last.tables === tables) return last;
  last = { text, lang, tables, tokens: tokenize(text, lang === 'de' ? { stem: stemDe } : {}), memo: new Map() };
  return last;
}

/** Computes `key` once per analysis. */
export function memo<T>(a: Analysis, key: string, compute: () => T): T {
  if (a.memo.has(key)) return a.memo.get(key) as T;
  const value = compute();
  a.memo.set(key, value);
  return value;
}

/** An institution found in the text, in token indices; shared with the role and person detectors. */
export type FoundInstitution = {
  from: number;
  to: number;
  canonical: string;
  entry?: InstitutionEntry;
  kind?: string;
  country?: string;
  /** Which rule found it; on a tie between overlapping candidates the stronger source wins. */
  source: 'gazetteer' | 'acronym' | 'short-form' | 'body' | 'cue';
};
