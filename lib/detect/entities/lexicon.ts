import orgHeadsData from '../data/org-heads.json';
import type { Lang } from '../types';
import type { RolesTable } from './tables';
import { byNorm, byStem, type KeyOf, type Token } from './tokenize';
import { LazyTokenTrie, type TokenMatcher, type TrieMatch } from './trie';
import { stemDe } from './words';

/**
 * Per-language word lists the rules use besides the gazetteer: organisation head nouns and their
 * complements (`org-heads.json`) and nationality adjectives (`roles.json`), compiled into tries
 * once per language and table.
 */

export type HeadNeeds = 'qualifier' | 'name';
export type Head = { kind: string; needs: HeadNeeds };
export type CompoundHead = { suffix: string; kind: string; alone: boolean };

type OrgHeadsLang = {
  order: 'head-first' | 'head-last';
  heads: { form: string; kind: string; needs: HeadNeeds }[];
  compounds: CompoundHead[];
  preps: string[];
  articles: string[];
  connectors: string[];
  adjectives: string[];
  fields: string[];
  cues: string[];
  documents: string[];
  roleWords: string[];
};

export type OrgHeadsTable = {
  version: string;
  source: string;
  languages: Partial<Record<Lang, OrgHeadsLang>>;
  /** Legal and trade suffixes of company names, the same in every language ("Airways", "GmbH"). */
  companySuffixes?: string[];
};

export const ORG_HEADS = orgHeadsData as unknown as OrgHeadsTable;

export type Lexicon = {
  lang: Lang;
  headFirst: boolean;
  heads: LazyTokenTrie<Head>;
  compounds: readonly CompoundHead[];
  /** One regex over the compound endings (longest first), with an optional inflection: group 1 is the ending. */
  compoundEnding: RegExp | null;
  preps: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  connectors: ReadonlySet<string>;
  adjectives: LazyTokenTrie<true>;
  fields: LazyTokenTrie<true>;
  cues: LazyTokenTrie<true>;
  documents: ReadonlySet<string>;
  roleWords: ReadonlySet<string>;
  companySuffixes: ReadonlySet<string>;
  /** Nationality adjectives → ISO country code. */
  nationalities: LazyTokenTrie<string>;
  /** Key of a token in these tries (German: stemmed). */
  keyOf: KeyOf;
};

const cache = new WeakMap<RolesTable, Map<Lang, Lexicon>>();

export function lexiconFor(roles: RolesTable, lang: Lang, heads: OrgHeadsTable = ORG_HEADS): Lexicon {
  let perLang = cache.get(roles);
  if (!perLang) {
    perLang = new Map();
    cache.set(roles, perLang);
  }
  let lex = perLang.get(lang);
  if (!lex) {
    lex = compileLexicon(roles, lang, heads);
    perLang.set(lang, lex);
  }
  return lex;
}

function trieOf<T>(items: readonly [string, T][], stem: boolean): LazyTokenTrie<T> {
  const trie = new LazyTokenTrie<T>();
  // One bulk call: the first keys of all the words come from one native regex pass.
  trie.addNames(items.map(([s]) => s), items.map(([, v]) => v), stem ? { key: stemDe } : {});
  return trie;
}

export function compileLexicon(roles: RolesTable, lang: Lang, table: OrgHeadsTable = ORG_HEADS): Lexicon {
  const data = table.languages[lang];
  const stem = lang === 'de';
  const lower = (xs: readonly string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase().replace(/ß/g, 'ss')));
  const nat = roles.nationalities?.[lang] ?? {};
  const compounds = (data?.compounds ?? []).map((c) => ({ ...c, suffix: c.suffix.toLowerCase().replace(/ß/g, 'ss') }));
  return {
    lang,
    headFirst: data?.order === 'head-first',
    heads: trieOf((data?.heads ?? []).map((h) => [h.form, { kind: h.kind, needs: h.needs }]), stem),
    compounds,
    compoundEnding: compounds.length
      ? new RegExp(`(${[...compounds].sort((a, b) => b.suffix.length - a.suffix.length).map((c) => c.suffix).join('|')})(?:s|es|n|en)?$`)
      : null,
    preps: lower(data?.preps),
    articles: lower(data?.articles),
    connectors: lower(data?.connectors),
    adjectives: trieOf((data?.adjectives ?? []).map((a) => [a, true as const]), false),
    fields: trieOf((data?.fields ?? []).map((a) => [a, true as const]), false),
    cues: trieOf((data?.cues ?? []).map((a) => [a, true as const]), stem),
    documents: lower(data?.documents),
    roleWords: lower(data?.roleWords),
    companySuffixes: new Set(table.companySuffixes ?? []),
    nationalities: trieOf(withPlurals(Object.entries(nat), lang), false),
    keyOf: stem ? byStem : byNorm,
  };
}


/** Longest match of `trie` at token `i` (plain keys), or null. */
export function longestAt<T>(trie: TokenMatcher<T>, tokens: readonly Token[], i: number, keyOf: KeyOf = byNorm): TrieMatch<T> | null {
  if (i < 0 || i >= tokens.length || tokens[i].kind === 'punct') return null;
  const m = trie.matchAt(tokens, i, keyOf, 8);
  return m.length ? m[0] : null;
}

/** A match of `trie` that ends exactly at token `end - 1`, looking back up to `maxLen` tokens. */
export function matchEndingAt<T>(trie: TokenMatcher<T>, tokens: readonly Token[], end: number, maxLen = 4, keyOf: KeyOf = byNorm): TrieMatch<T> | null {
  for (let from = Math.max(0, end - maxLen); from < end; from++) {
    if (tokens[from].kind === 'punct') continue;
    for (const m of trie.matchAt(tokens, from, keyOf, maxLen)) if (m.to === end) return m;
  }
  return null;
}

/** Nationality adjective starting at `i`: its end and country, or null. */
export function nationalityAt(lex: Lexicon, tokens: readonly Token[], i: number): { to: number; country: string } | null {
  const m = longestAt(lex.nationalities, tokens, i);
  return m ? { to: m.to, country: m.values[0] } : null;
}

/** Nationality adjective ending right before `end`. */
export function nationalityBefore(lex: Lexicon, tokens: readonly Token[], end: number): { from: number; country: string } | null {
  const m = matchEndingAt(lex.nationalities, tokens, end, 3);
  return m ? { from: m.from, country: m.values[0] } : null;
}

/**
 * `roles.json` lists nationality adjectives in the singular; bodies are often plural ("garde-côtes
 * libyens", "guardacostas marroquíes", "carabinieri italiani"). Regular plurals are added here.
 */
function withPlurals(entries: [string, string][], lang: Lang): [string, string][] {
  const out = [...entries];
  const add = (w: string, c: string) => out.push([w, c]);
  for (const [adj, code] of entries) {
    if (adj.includes(' ')) continue;
    if (lang === 'fr' && !/[sx]$/.test(adj)) add(`${adj}s`, code);
    if (lang === 'es') add(/[aeiou]$/.test(adj) ? `${adj}s` : `${adj.replace(/á(\w)$/, 'a$1').replace(/é(\w)$/, 'e$1').replace(/í(\w)$/, 'i$1').replace(/ó(\w)$/, 'o$1').replace(/ú(\w)$/, 'u$1')}es`, code);
    if (lang === 'it') {
      // -co has both plurals: greco → greci, tedesco → tedeschi.
      if (adj.endsWith('co')) add(`${adj.slice(0, -2)}chi`, code);
      if (adj.endsWith('o')) add(`${adj.slice(0, -1)}i`, code);
      else if (adj.endsWith('a')) add(`${adj.slice(0, -1)}e`, code);
      else if (adj.endsWith('e')) add(`${adj.slice(0, -1)}i`, code);
    }
  }
  return out;
}
