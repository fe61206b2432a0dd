import institutionsData from '../data/institutions.json';
import builtIndexData from '../data/institutions-index.json';
import type { Lang } from '../types';
import { buildNameIndex, firstKeys, SEPARATOR, visitNames, type NameIndexData } from './name-index';
import type { InstitutionEntry, InstitutionsTable } from './tables';
import { byNorm, byStem, isSentenceStart, keysOf, tokenize, type KeyOf, type Token } from './tokenize';
import { LazyTokenTrie, type PendingName } from './trie';
import { stemDe } from './words';

/**
 * The institution gazetteer compiled into token tries, one per language, cached with the table
 * they came from. A language's tries start empty and are filled from the shared name index
 * (name-index.ts) with the names under each first word the texts actually contain.
 *
 * - Labels, aliases and former names are matched case-insensitively, but a one-word name only
 *   when the text capitalises it as the gazetteer does ("Lega", not "lega"), and a longer name
 *   only when at least one of its words is capitalised in the text if the name has a capital.
 * - Acronyms (and all-capital labels) are matched case-sensitively on the token as written.
 * - German names and text are compared on a stem of each word, so inflected forms match.
 */

export type GazetteerHit = {
  entry: InstitutionEntry;
  /** Matched through an acronym: case-sensitive, no capitalisation check needed. */
  acronym: boolean;
  /** The name is one word and starts with a capital: the text must capitalise it too. */
  capOne: boolean;
  /** The name has a capital letter somewhere: the matched text must have one too. */
  capAny: boolean;
};

export type CompiledGazetteer = {
  lang: Lang | null;
  words: LazyTokenTrie<GazetteerHit>;
  acronyms: LazyTokenTrie<GazetteerHit>;
  /** Key(s) of a text token in `words`. */
  keyOf: KeyOf;
};

/** The name index of a table (see name-index.ts), shared by its six languages. */
type NameIndex = {
  entries: readonly InstitutionEntry[];
  words: ReadonlyMap<string, readonly number[]>;
  acronyms: ReadonlyMap<string, readonly number[]>;
  /** `words` under German stems, built the first time German text comes. */
  stemmed?: ReadonlyMap<string, readonly number[]>;
};

/** `data/institutions-index.json`: the shipped table's index, with the version and size of the table it was built from. */
const BUILT = builtIndexData as unknown as NameIndexData & { table: string | number; entries: number };

const indexes = new WeakMap<InstitutionsTable, NameIndex>();
const cache = new WeakMap<InstitutionsTable, Map<string, CompiledGazetteer>>();

export function gazetteerFor(table: InstitutionsTable, lang: Lang | null): CompiledGazetteer {
  let perLang = cache.get(table);
  if (!perLang) {
    perLang = new Map();
    cache.set(table, perLang);
  }
  const k = lang ?? '*';
  let g = perLang.get(k);
  if (!g) {
    g = compileGazetteer(table, lang);
    perLang.set(k, g);
  }
  return g;
}

const hasCap = (s: string) => /\p{Lu}/u.test(s);

function nameIndexFor(table: InstitutionsTable): NameIndex {
  let index = indexes.get(table);
  if (index) return index;
  // The shipped table comes with its index built ahead; other tables (tests) build theirs here.
  const shipped = table === (institutionsData as unknown) && BUILT.table === table.version && BUILT.entries === table.entries.length;
  const data = shipped ? BUILT : buildNameIndex(table);
  index = { entries: table.entries, words: new Map(data.words), acronyms: new Map(data.acronyms) };
  indexes.set(table, index);
  return index;
}

/** `index.words` under German stems: several first words can share a stem. */
function stemmedWords(index: NameIndex): ReadonlyMap<string, readonly number[]> {
  if (index.stemmed) return index.stemmed;
  const out = new Map<string, readonly number[]>();
  for (const [k, list] of index.words) {
    const s = stemDe(k);
    const prev = out.get(s);
    out.set(s, prev ? [...new Set([...prev, ...list])].sort((x, y) => x - y) : list);
  }
  index.stemmed = out;
  return out;
}

export function compileGazetteer(table: InstitutionsTable, lang: Lang | null): CompiledGazetteer {
  const stem = lang === 'de';
  const keyOf = stem ? byStem : byNorm;
  const index = nameIndexFor(table);
  // Names are tokenized lazily (see LazyTokenTrie); `seen` drops a name given twice for one entry.
  // Two such names have the same first key, so they come in the same batch: `seen` is emptied
  // for each batch instead of keeping every name of the language built so far.
  const seen = new Set<string>();
  const build = (p: PendingName<GazetteerHit>) => {
    const keys = p.byText ? tokenize(p.name).map((t) => (t.kind === 'punct' ? t.norm : t.text)) : stem ? keysOf(p.name).map(stemDe) : keysOf(p.name);
    const dedupe = `${p.value.entry.id}\u0000${p.byText ? 'A' : ''}${keys.join(' ')}`;
    if (keys.length === 0 || seen.has(dedupe)) return null;
    seen.add(dedupe);
    if (p.byText) return { keys, value: p.value };
    const wordCount = keys.filter((x) => /[\p{L}\p{N}]/u.test(x)).length;
    // A capital on the first word only is sentence case ("Garde-côtes libyens"): no constraint on
    // a longer name. A capital further in ("Home Office") must be matched by one in the text.
    const firstWord = p.name.split(SEPARATOR)[0];
    const capAny = hasCap(p.name.slice(firstWord.length));
    return { keys, value: { entry: p.value.entry, acronym: false, capOne: wordCount === 1 && hasCap(p.name), capAny } };
  };

  // The names of the entries filed under `key`, in table order and, within an entry, in the
  // order `visitNames` gives for this language: the order the trie reports them in.
  const wordOwners = stem ? stemmedWords(index) : index.words;
  const wordNames = (key: string): PendingName<GazetteerHit>[] => {
    seen.clear();
    const owners = wordOwners.get(key) ?? [];
    const names: string[] = [];
    const of: InstitutionEntry[] = [];
    for (const i of owners) {
      const entry = index.entries[i];
      visitNames(entry, lang, { word: (name) => (names.push(name), of.push(entry)), acronym: () => {} });
    }
    const keys = firstKeys(names, false);
    const out: PendingName<GazetteerHit>[] = [];
    names.forEach((name, k) => {
      const first = keys[k];
      if (first !== null && (stem ? stemDe(first) : first) === key) {
        out.push({ name, value: { entry: of[k], acronym: false, capOne: false, capAny: false }, key: stem ? stemDe : undefined });
      }
    });
    return out;
  };
  const acronymNames = (key: string): PendingName<GazetteerHit>[] => {
    seen.clear();
    const owners = index.acronyms.get(key) ?? [];
    const names: string[] = [];
    const of: InstitutionEntry[] = [];
    for (const i of owners) {
      const entry = index.entries[i];
      visitNames(entry, lang, { word: () => {}, acronym: (name) => (names.push(name), of.push(entry)) });
    }
    const keys = firstKeys(names, true);
    const out: PendingName<GazetteerHit>[] = [];
    names.forEach((name, k) => {
      if (keys[k] === key) out.push({ name, value: { entry: of[k], acronym: true, capOne: false, capAny: false }, byText: true });
    });
    return out;
  };
  const words = new LazyTokenTrie<GazetteerHit>(build, { keys: wordOwners, names: wordNames });
  const acronyms = new LazyTokenTrie<GazetteerHit>(build, { keys: index.acronyms, names: acronymNames });
  return { lang, words, acronyms, keyOf };
}

export type GazetteerMatch = { from: number; to: number; hit: GazetteerHit };

const acronymKey: KeyOf = (t) => (t.kind === 'punct' ? t.norm : t.text);
const upperKey: KeyOf = (t) => t.text.toUpperCase();

/**
 * The longest gazetteer name starting at token `i` whose capitalisation fits the text, or null.
 */
export function matchGazetteerAt(g: CompiledGazetteer, tokens: readonly Token[], i: number): GazetteerMatch | null {
  const t = tokens[i];
  if (t.kind === 'punct') return null;
  const a = g.acronyms.matchAt(tokens, i, acronymKey);
  const w = g.words.matchAt(tokens, i, g.keyOf);
  if (a.length === 0 && w.length === 0) return titleCaseAcronym(g, tokens, i);
  const all = a.length === 0 ? w : w.length === 0 ? a : [...a, ...w].sort((x, y) => y.to - x.to);
  for (const m of all) {
    // Two different entries for the same text: the one named in the text's language first (the
    // trie holds the text language's names before the others').
    for (const hit of m.values) {
      if (fitsCase(hit, tokens, m.from, m.to) && !(g.lang === 'de' && m.to - m.from === 1 && shorterThanItsName(hit, tokens[m.from]))) {
        return { from: m.from, to: m.to, hit };
      }
    }
  }
  return null;
}

/**
 * An acronym written as a word inside a sentence: "Euaa", "Unhcr", "Nato" (Italian and Spanish
 * usage) for EUAA, UNHCR, NATO, when the gazetteer lists only the capitals.
 */
function titleCaseAcronym(g: CompiledGazetteer, tokens: readonly Token[], i: number): GazetteerMatch | null {
  const t = tokens[i];
  // Four letters at least: shorter ones are too often ordinary words ("Who", "Fra").
  if (!t.cap || t.upper || t.text.length < 4 || t.text.length > 8) return null;
  const m = g.acronyms.matchAt(tokens, i, upperKey, 1)[0];
  return m && !isSentenceStart(tokens, i) ? { from: i, to: i + 1, hit: m.values[0] } : null;
}

/**
 * German names are matched on stems, so that inflected forms match ("Bundesamtes"); but inflection
 * only adds endings. A word that is its own stem and no name of the body ("Link", the mayor's
 * surname, against "Linke") is a shorter word, not a form of the name.
 */
function shorterThanItsName(hit: GazetteerHit, t: Token): boolean {
  if (hit.acronym || stemDe(t.norm) !== t.norm) return false;
  let named = false;
  visitNames(hit.entry, 'de', {
    word: (name) => { if (!named) { const k = keysOf(name); named = k.length === 1 && k[0] === t.norm; } },
    acronym: () => {},
  });
  return !named;
}

function fitsCase(hit: GazetteerHit, tokens: readonly Token[], from: number, to: number): boolean {
  if (hit.acronym) return true;
  if (hit.capOne) return tokens[from].cap;
  if (!hit.capAny) return true;
  for (let k = from; k < to; k++) if (tokens[k].cap) return true;
  return false;
}
