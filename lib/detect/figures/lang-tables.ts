/**
 * Compiles the figure data (`../data/figures-*.json`) into look-up tables and one anchor regex per
 * language, once, on first use. A detector call then costs one regex pass over the text plus a few
 * map look-ups per candidate number.
 */
import type { FigureCategory, FigureUnit, Lang, Qualifier } from '../types';
import numberWordsData from '../data/figures-number-words.json';
import qualifiersData from '../data/figures-qualifiers.json';
import nounsData from '../data/figures-nouns.json';
import currenciesData from '../data/figures-currencies.json';
import contextData from '../data/figures-context.json';
import { caseless } from '../case-fold';
import { digitStyle, type DigitStyle } from './parse-digits';
import { normalizeKey } from './text-scan';
import { PhraseMap } from './phrase-map';

type NumberWordsLang = {
  linkers: string[]; single: string[]; oneNumeral: string[]; compound: boolean; connectors: string[];
  one: string[]; notAlone: string[]; cardinals: [string, number][]; scales: [string, number][];
  approx: [string, number, boolean][]; approxNeedingNoun: string[]; ambiguous: string[];
};
type QualifiersLang = {
  before: [string, Qualifier][]; articles: string[]; open: string[]; join: string[]; bareJoin: string[]; from: string[];
};
type NounGroup = { unit: FigureUnit; category: FigureCategory; words: string[] };
type NounsLang = {
  percent: string[]; groups: NounGroup[]; postModifiers: string[]; modifiers: string[]; timeUnits: string[];
  fractions: string[]; notCounts: string[];
};
type AgesLang = { yearUnits: string[]; holders: string[]; linkers: string[]; verbs: string[]; afterVerb: string[]; before: string[]; prefixes: string[]; after: string[] };

const NUMBER_WORDS = numberWordsData.languages as unknown as Record<Lang, NumberWordsLang>;
const QUALIFIERS = qualifiersData.languages as unknown as Record<Lang, QualifiersLang>;
const NOUNS = nounsData.languages as unknown as Record<Lang, NounsLang>;
const CURRENCY_WORDS = currenciesData.words as unknown as Record<Lang, [string, string, number?][]>;
const CUES = contextData.cues as unknown as Record<Lang, Partial<Record<FigureCategory, string[]>>>;
const AGES = contextData.ages as unknown as Record<Lang, AgesLang>;
const ALL_LANGS = Object.keys(NUMBER_WORDS) as Lang[];

/** What a counted noun says about the figure. */
export type Noun = { unit: FigureUnit; category: FigureCategory };

/** The part of the tables that reads numbers written in words. */
export type NumberWordTables = {
  lang: Lang;
  compound: boolean;
  cardinals: Map<string, number>;
  /** Scale words that may follow a number (`millions`, `Mrd.`, `bn`, `mila`). */
  scaleWords: Map<string, number>;
  one: Set<string>;
  /** Words that need a number before them: `a thousand`, not `a few thousand`. */
  notAlone: Set<string>;
  oneNumeral: Set<string>;
  single: Set<string>;
  approx: Map<string, { value: number; exact: boolean }>;
  approxNeedingNoun: Set<string>;
  ambiguous: Set<string>;
  connectors: Set<string>;
  /** Cardinals and connectors (value -1), longest first, to cut one-word numbers. */
  morphemes: { text: string; value: number }[];
  /** Words that join a scale or approximate noun to what it counts (`de`, `d'`, `of`, `di`). */
  linkers: Set<string>;
};

export type AgeTables = {
  /** Time units that a verb before the number turns into an age (`il a 19 ans`, not `il a 3 jours`). */
  yearUnits: Set<string>;
  holders: Set<string>; linkers: Set<string>; verbs: Set<string>;
  /** A word before the verb that makes it no age (`il y a 3 ans`: three years ago). */
  afterVerb: Set<string>;
  before: PhraseMap<true>; prefixes: PhraseMap<true>; after: PhraseMap<true>;
};

export type LangTables = {
  lang: Lang | null;
  /** Finds where a number may start: a digit, or (with a language) a number word. */
  anchor: RegExp;
  digits: DigitStyle;
  words: NumberWordTables | null;
  qualifiers: PhraseMap<Qualifier>;
  qualifierArticles: Set<string>;
  rangeOpen: Set<string>;
  rangeJoin: Set<string>;
  bareJoin: Set<string>;
  fromWords: Set<string>;
  nouns: PhraseMap<Noun>;
  postModifiers: PhraseMap<true>;
  /** Adjectives allowed between the number and a listed noun (`nouveaux`, `weitere`), never heads. */
  modifiers: Set<string>;
  percentWords: PhraseMap<true>;
  currencyWords: PhraseMap<{ code: string; scale?: number }>;
  /** Currency symbols, longest first (`US$` before `$`). */
  symbols: [string, string][];
  /** The symbols without letters (`€`, `£`, `$`), which may also follow the number (`5 €`). */
  signs: [string, string][];
  codes: Set<string>;
  timeUnits: Set<string>;
  fractions: Set<string>;
  notCounts: Set<string>;
  months: Set<string>;
  weekdays: Set<string>;
  blockers: Set<string>;
  clockBefore: PhraseMap<true>;
  clockAfter: Set<string>;
  stopwords: Set<string>;
  /** Words before a number that are no name (`Mit 70`, `Only 104`), besides stop words. */
  functionWords: Set<string>;
  cues: { stem: string; category: FigureCategory }[];
  ages: AgeTables | null;
  /** German determiners that make `N.` an ordinal (`der 2. Versuch`). */
  ordinalBefore: Set<string>;
  /** Words whose final period belongs to them (`ca.`, `n.`, `art.`). */
  abbreviations: Set<string>;
};

const keys = (list: readonly string[]): Set<string> => new Set(list.map(normalizeKey));

function phrases<T>(entries: Iterable<[string, T]>): PhraseMap<T> {
  const pm = new PhraseMap<T>();
  for (const [k, v] of entries) pm.add(k, v);
  return pm;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function numberWordTables(lang: Lang): NumberWordTables {
  const d = NUMBER_WORDS[lang];
  const cardinals = new Map(d.cardinals.map(([w, v]) => [normalizeKey(w), v] as const));
  const connectors = keys(d.connectors);
  const morphemes = [
    ...[...cardinals].map(([text, value]) => ({ text, value })),
    ...[...connectors].map((text) => ({ text, value: -1 })),
  ].sort((a, b) => b.text.length - a.text.length);
  return {
    lang,
    compound: d.compound,
    cardinals,
    scaleWords: new Map(d.scales.map(([w, v]) => [normalizeKey(w), v] as const)),
    one: keys(d.one),
    notAlone: keys(d.notAlone),
    oneNumeral: keys(d.oneNumeral),
    single: keys(d.single),
    approx: new Map(d.approx.map(([w, v, exact]) => [normalizeKey(w), { value: v, exact }] as const)),
    approxNeedingNoun: keys(d.approxNeedingNoun),
    ambiguous: keys(d.ambiguous),
    connectors,
    morphemes,
    linkers: keys(d.linkers),
  };
}

function anchorRegex(words: NumberWordTables | null): RegExp {
  if (!words) return /(?<![\p{L}\p{N}_])\d/gu;
  // Each word is spelt in any case (case-fold.ts) instead of an `i` flag, which made this
  // regex slow to compile on a language's first text.
  const alts = [...new Set([...words.cardinals.keys(), ...words.one])]
    .sort((a, b) => b.length - a.length).map((w) => caseless(escapeRe(w))).join('|');
  // Compound languages write numbers as one word, so a number word only has to start a word.
  const tail = words.compound ? '' : '(?![\\p{L}])';
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:\\d|(?:${alts})${tail})`, 'gu');
}

function ageTables(lang: Lang): AgeTables {
  const a = AGES[lang];
  const flag = (list: string[]) => phrases(list.map((w) => [w, true as const]));
  return {
    yearUnits: keys(a.yearUnits), holders: keys(a.holders), linkers: keys(a.linkers), verbs: keys(a.verbs),
    afterVerb: keys(a.afterVerb), before: flag(a.before), prefixes: flag(a.prefixes), after: flag(a.after),
  };
}

function build(lang: Lang | null): LangTables {
  const langs = lang ? [lang] : ALL_LANGS;
  const pick = <T>(f: (l: Lang) => T[]): T[] => langs.flatMap(f);
  const words = lang ? numberWordTables(lang) : null;
  const q = lang ? QUALIFIERS[lang] : null;
  const n = lang ? NOUNS[lang] : null;
  const nounEntries: [string, Noun][] = n
    ? n.groups.flatMap((g) => g.words.map((w): [string, Noun] => [w, { unit: g.unit, category: g.category }]))
    : [];
  const abbreviations = new Set<string>();
  const stopwords = lang ? keys(contextData.stopwords[lang]) : new Set<string>();
  const functionWords = new Set<string>([
    ...(q ? [...q.before.flatMap(([w]) => normalizeKey(w).split(' ')), ...q.open, ...q.from, ...q.articles] : []),
    ...(words ? [...words.one] : []),
  ].map(normalizeKey));
  const t: LangTables = {
    lang,
    anchor: anchorRegex(words),
    digits: digitStyle(lang),
    words,
    qualifiers: phrases(q ? q.before : []),
    qualifierArticles: keys(q?.articles ?? []),
    rangeOpen: keys(q?.open ?? []),
    rangeJoin: keys(q?.join ?? []),
    bareJoin: keys(q?.bareJoin ?? ['-', '–']),
    fromWords: keys(q?.from ?? []),
    nouns: phrases(nounEntries),
    postModifiers: phrases((n?.postModifiers ?? []).map((w) => [w, true as const])),
    modifiers: keys(n?.modifiers ?? []),
    // `%` is handled as a symbol; the percent words of every language are cheap and unambiguous.
    percentWords: phrases(pick((l) => NOUNS[l].percent).map((w) => [w, true as const])),
    currencyWords: phrases(pick((l) => CURRENCY_WORDS[l]).map(([w, code, scale]) => [w, { code, scale }])),
    symbols: (currenciesData.symbols as [string, string][])
      .map(([s, c]): [string, string] => [normalizeKey(s), c]).sort((a, b) => b[0].length - a[0].length),
    signs: [],
    codes: new Set(currenciesData.codes),
    timeUnits: keys(pick((l) => NOUNS[l].timeUnits)),
    fractions: keys(n?.fractions ?? []),
    notCounts: keys(n?.notCounts ?? []),
    months: keys(pick((l) => [...contextData.months[l], ...contextData.months.en])),
    weekdays: keys(pick((l) => contextData.weekdays[l])),
    blockers: keys(contextData.blockers),
    clockBefore: phrases(pick((l) => contextData.clockBefore[l]).map((w) => [w, true as const])),
    clockAfter: keys(contextData.clockAfter),
    stopwords,
    functionWords,
    cues: lang
      ? Object.entries(CUES[lang]).flatMap(([category, stems]) =>
          (stems ?? []).map((stem) => ({ stem: normalizeKey(stem), category: category as FigureCategory })))
      : [],
    ages: lang ? ageTables(lang) : null,
    ordinalBefore: keys(contextData.ordinalBefore),
    abbreviations,
  };
  t.signs = t.symbols.filter(([s]) => !/\p{L}/u.test(s));
  for (const set of [t.blockers, t.months, t.timeUnits]) for (const w of set) if (w.endsWith('.')) abbreviations.add(w);
  for (const [w] of q?.before ?? []) if (w.endsWith('.')) abbreviations.add(normalizeKey(w));
  return t;
}

const cache = new Map<Lang | null, LangTables>();

/** The compiled tables for a language (null: language-independent rules only), built once. */
export function tablesFor(lang: Lang | null): LangTables {
  let t = cache.get(lang);
  if (!t) {
    t = build(lang);
    cache.set(lang, t);
  }
  return t;
}
