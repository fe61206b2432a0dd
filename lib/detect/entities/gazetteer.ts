import countriesData from '../data/entities-countries.json';
import { SUPPORTED_LANGS, type Lang } from '../types';
import type { InstitutionEntry, InstitutionsTable } from './tables';
import { byNorm, byStem, isSentenceStart, keysOf, tokenize, type KeyOf, type Token } from './tokenize';
import { LazyTokenTrie, type PendingName } from './trie';
import { stemDe } from './words';

/**
 * The institution gazetteer compiled into token tries, one per language, built the first time a
 * text in that language is read and cached with the table it came from.
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
  byId: ReadonlyMap<string, InstitutionEntry>;
  /** Key(s) of a text token in `words`. */
  keyOf: KeyOf;
};

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

const isAllCaps = (s: string) => s.length <= 12 && s === s.toUpperCase() && /\p{Lu}/u.test(s) && !/\s/.test(s);
const hasCap = (s: string) => /\p{Lu}/u.test(s);
const SEPARATOR = /[\s'’-]/u;
const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGS);

type CountryInfo = { lang?: string; langs?: string[] };
const COUNTRIES = (countriesData as unknown as { countries: Record<string, CountryInfo> }).countries;

/** The supported languages a country's bodies have their own names in (none for EU and INT). */
function nativeLanguages(country: string): readonly string[] {
  const c = COUNTRIES[country];
  return c?.langs ?? (c?.lang ? [c.lang] : []);
}
const LEADING_ARTICLE = /^(?:les|la|le|l'|die|der|das|de|het|el|los|las|il|lo|the)\s+/i;

export function compileGazetteer(table: InstitutionsTable, lang: Lang | null): CompiledGazetteer {
  const stem = lang === 'de';
  const keyOf = stem ? byStem : byNorm;
  const byId = new Map<string, InstitutionEntry>();
  // Names are tokenized lazily (see LazyTokenTrie); `seen` drops a name given twice for one entry.
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
  const words = new LazyTokenTrie<GazetteerHit>(build);
  const acronyms = new LazyTokenTrie<GazetteerHit>(build);
  const wordKey = stem ? { key: stemDe } : {};

  // Names are collected first and filed in two bulk calls (see LazyTokenTrie.addNames).
  const wordNames: string[] = [];
  const wordHits: GazetteerHit[] = [];
  const acronymNames: string[] = [];
  const acronymHits: GazetteerHit[] = [];
  const addAcronym = (entry: InstitutionEntry, name: string) => {
    acronymNames.push(name);
    acronymHits.push({ entry, acronym: true, capOne: false, capAny: false });
  };
  const addName = (entry: InstitutionEntry, name: string | undefined) => {
    if (!name) return;
    // The data test keeps names normalised (single spaces, no no-break spaces), so trimming is enough.
    const clean = name.trim();
    if (!clean) return;
    if (isAllCaps(clean)) return addAcronym(entry, clean);
    wordNames.push(clean);
    wordHits.push({ entry, acronym: false, capOne: false, capAny: false });
    // A name whose article is part of it ("Les Républicains", "Die Linke") is also written
    // without it after a preposition ("des Républicains", "der Linken").
    const bare = LEADING_ARTICLE.exec(clean);
    if (bare && /^\p{Lu}/u.test(clean.slice(bare[0].length))) {
      wordNames.push(clean.slice(bare[0].length));
      wordHits.push({ entry, acronym: false, capOne: false, capAny: false });
    }
  };

  for (const entry of table.entries) {
    byId.set(entry.id, entry);
    const labels = entry.labels ?? {};
    const aliases = entry.aliases ?? {};
    if (lang) {
      addName(entry, labels[lang]);
      for (const a of aliases[lang] ?? []) addName(entry, a);
    }
    // Names in other languages, as articles quote them: the body's own name ("Guardia Civil",
    // "Bundespolizei", "Folketinget") and its English name ("Border Force", "Human Rights Watch").
    // Other languages' aliases only when they are several words, since a one-word alias is often
    // a common noun of that language ("Union" for CDU/CSU in German).
    const native = nativeLanguages(entry.country);
    const quoted = (l: string) => l !== lang && (lang === null || l === 'en' || native.includes(l) || !SUPPORTED.has(l));
    for (const l in labels) if (quoted(l)) addName(entry, labels[l as Lang]);
    for (const l in aliases) {
      if (!quoted(l)) continue;
      for (const a of aliases[l as Lang] ?? []) if (SEPARATOR.test(a) || isAllCaps(a)) addName(entry, a);
    }
    for (const f of entry.formerNames ?? []) addName(entry, f);
    for (const a of entry.acronyms ?? []) if (a.trim()) addAcronym(entry, a.trim());
  }
  words.addNames(wordNames, wordHits, wordKey);
  acronyms.addNames(acronymNames, acronymHits, { byText: true });
  return { lang, words, acronyms, byId, keyOf };
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
      if (fitsCase(hit, tokens, m.from, m.to)) return { from: m.from, to: m.to, hit };
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

function fitsCase(hit: GazetteerHit, tokens: readonly Token[], from: number, to: number): boolean {
  if (hit.acronym) return true;
  if (hit.capOne) return tokens[from].cap;
  if (!hit.capAny) return true;
  for (let k = from; k < to; k++) if (tokens[k].cap) return true;
  return false;
}
