import countriesData from '../data/entities-countries.json';
import { SUPPORTED_LANGS, type Lang } from '../types';
import type { InstitutionEntry, InstitutionsTable } from './tables';
import { firstKeysOf, firstTokenOf } from './tokenize';

/**
 * Which names of the institution gazetteer are matched in which language, and the index that
 * lets the six languages share them: for each first key, the entries that have a name (in any
 * language) starting with it. A language's tries ask the index for a key the first time a text
 * looks it up (see gazetteer.ts), so no language copies the whole name list.
 *
 * Building the index reads every name of the table, which was most of the first call's time; for
 * the shipped table it is built ahead by scripts/build-gazetteer-index.ts into
 * `data/institutions-index.json`, and a unit test keeps that file in step with the table.
 */

/** The serialisable index: `[first key, entry indices ascending]` pairs. */
export type NameIndexData = {
  /** First key, normalised as `keysOf` does, → entries with a word name starting with it. */
  words: [string, number[]][];
  /** First token as written → entries with an acronym (or all-capital name) starting with it. */
  acronyms: [string, number[]][];
};

export const isAllCaps = (s: string) => s.length <= 12 && s === s.toUpperCase() && /\p{Lu}/u.test(s) && !/\s/.test(s);
export const SEPARATOR = /[\s'\u2019-]/u;
const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGS);

type CountryInfo = { lang?: string; langs?: string[] };
const COUNTRIES = (countriesData as unknown as { countries: Record<string, CountryInfo> }).countries;

/** The supported languages a country's bodies have their own names in (none for EU and INT). */
function nativeLanguages(country: string): readonly string[] {
  const c = COUNTRIES[country];
  return c?.langs ?? (c?.lang ? [c.lang] : []);
}
const LEADING_ARTICLE = /^(?:les|la|le|l'|die|der|das|de|het|el|los|las|il|lo|the)\s+/i;

export type NameVisitor = { word: (name: string) => void; acronym: (name: string) => void };

/** Every word of more than three letters capitalised: "Human Rights Watch", "Bundesamt für Migration und Flüchtlinge". */
const isWrittenAsName = (name: string) => name.split(/[\s'\u2019]+/u).every((w) => w.length <= 3 || /^[\p{Lu}\p{N}]/u.test(w));

/** Sends one raw name to the visitor as a word name, an acronym, or both forms of a name with its article. */
function visitName(name: string | undefined, v: NameVisitor): void {
  if (!name) return;
  // The data test keeps names normalised (single spaces, no no-break spaces), so trimming is enough.
  const clean = name.trim();
  if (!clean) return;
  if (isAllCaps(clean)) return v.acronym(clean);
  v.word(clean);
  // A name whose article is part of it ("Les Républicains", "Die Linke") is also written
  // without it after a preposition ("des Républicains", "der Linken").
  const bare = LEADING_ARTICLE.exec(clean);
  if (bare && /^\p{Lu}/u.test(clean.slice(bare[0].length))) v.word(clean.slice(bare[0].length));
}

/**
 * The names of one entry that are matched in text of `lang` (null: a language without full
 * support), in the order they are filed: the order decides which of two spellings with the same
 * keys is kept. `undefined` visits every name in every language (for the index).
 */
export function visitNames(entry: InstitutionEntry, lang: Lang | null | undefined, v: NameVisitor): void {
  const labels = entry.labels ?? {};
  const aliases = entry.aliases ?? {};
  if (lang === undefined) {
    for (const l in labels) visitName(labels[l as Lang], v);
    for (const l in aliases) for (const a of aliases[l as Lang] ?? []) visitName(a, v);
  } else {
    if (lang) {
      visitName(labels[lang], v);
      for (const a of aliases[lang] ?? []) visitName(a, v);
    }
    // Names in other languages, as articles quote them: the body's own name ("Guardia Civil",
    // "Bundespolizei", "Folketinget") and its English name ("Border Force", "Human Rights Watch").
    // Other languages' aliases only when they are several words, since a one-word alias is often
    // a common noun of that language ("Union" for CDU/CSU in German).
    const native = nativeLanguages(entry.country);
    const quoted = (l: string) => l !== lang && (lang === null || l === 'en' || native.includes(l) || !SUPPORTED.has(l));
    for (const l in labels) if (quoted(l)) visitName(labels[l as Lang], v);
    // Of those, names only ("Border Force", "Guardia Civil"), not descriptions in that language
    // ("Italian statistics agency"), which text in another language does not quote.
    for (const l in aliases) {
      if (!quoted(l)) continue;
      for (const a of aliases[l as Lang] ?? []) if (isAllCaps(a) || (SEPARATOR.test(a) && isWrittenAsName(a))) visitName(a, v);
    }
  }
  for (const f of entry.formerNames ?? []) visitName(f, v);
  for (const a of entry.acronyms ?? []) if (a.trim()) v.acronym(a.trim());
}

/** First keys of many names from one native pass (see `firstKeysOf`), name by name if that fails. */
export function firstKeys(names: readonly string[], asWritten: boolean): (string | null)[] {
  const bulk = firstKeysOf(names, asWritten);
  if (bulk) return bulk;
  return names.map((n) => {
    const first = firstTokenOf(n);
    return first ? (asWritten ? first.text : first.norm) : null;
  });
}

function keyed(owners: [string, number][], asWritten: boolean): [string, number[]][] {
  const keys = firstKeys(owners.map(([n]) => n), asWritten);
  const byKey = new Map<string, number[]>();
  owners.forEach(([, entry], k) => {
    const key = keys[k];
    if (key === null) return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [entry]);
    else if (list[list.length - 1] !== entry) list.push(entry);
  });
  return [...byKey];
}

/** The index of a table, from all its names. */
export function buildNameIndex(table: InstitutionsTable): NameIndexData {
  const words: [string, number][] = [];
  const acronyms: [string, number][] = [];
  table.entries.forEach((entry, i) => {
    visitNames(entry, undefined, { word: (n) => words.push([n, i]), acronym: (n) => acronyms.push([n, i]) });
  });
  return { words: keyed(words, false), acronyms: keyed(acronyms, true) };
}

/**
 * The text of `data/institutions-index.json` for a table: one `[key, entries]` pair a line, so a
 * change of the gazetteer shows as a readable diff. Written by scripts/build-gazetteer-index.ts.
 */
export function nameIndexFile(table: InstitutionsTable): string {
  const data = buildNameIndex(table);
  const rows = (pairs: [string, number[]][]) => pairs.map((p) => `    ${JSON.stringify(p)}`).join(',\n');
  return [
    '{',
    '  "version": 1,',
    '  "source": "Built by scripts/build-gazetteer-index.ts from institutions.json: rerun it after changing that file.",',
    `  "table": ${JSON.stringify(table.version)},`,
    `  "entries": ${table.entries.length},`,
    `  "words": [\n${rows(data.words)}\n  ],`,
    `  "acronyms": [\n${rows(data.acronyms)}\n  ]`,
    '}',
    '',
  ].join('\n');
}
