import type { Lang } from '../types';
import { nationalityAt, type Lexicon } from './lexicon';
import type { RoleEntry, RolesTable } from './tables';
import { byText, normWord, type Token } from './tokenize';
import { LazyTokenTrie, type TrieNode } from './trie';

/**
 * Office titles from `roles.json` compiled into a token trie per language. Forms compare
 * case-insensitively, except all-capital forms ("MP", "MEP", "PDG"), which are acronyms. Matching
 * lets one nationality adjective sit inside a form ("ministre britannique de l'Intérieur").
 */

export type RoleForm = { entry: RoleEntry; acronym: boolean };

export type CompiledRoles = {
  lang: Lang;
  forms: LazyTokenTrie<RoleForm>;
  /** One-word forms (lower case), for compounds such as "EU-Innenkommissarin" or "CDU-Chef". */
  words: ReadonlyMap<string, RoleEntry>;
};

export type RoleFormMatch = { from: number; to: number; form: RoleForm; country?: string };

const cache = new WeakMap<RolesTable, Map<Lang, CompiledRoles>>();

export function rolesFor(table: RolesTable, lang: Lang): CompiledRoles {
  let perLang = cache.get(table);
  if (!perLang) {
    perLang = new Map();
    cache.set(table, perLang);
  }
  let c = perLang.get(lang);
  if (!c) {
    c = compileRoles(table, lang);
    perLang.set(lang, c);
  }
  return c;
}

const isAcronym = (s: string) => s.length <= 5 && /^[\p{Lu}\p{N}]+[a-z]?[\p{Lu}]*$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

export function compileRoles(table: RolesTable, lang: Lang): CompiledRoles {
  const forms = new LazyTokenTrie<RoleForm>();
  const words = new Map<string, RoleEntry>();
  // Filed in two bulk calls (see LazyTokenTrie.addNames). An acronym is keyed as written and any
  // other form in lower case, so the two never share a first key and filing order is kept.
  const plain: [string, RoleForm][] = [];
  const acronyms: [string, RoleForm][] = [];
  for (const entry of table.entries) {
    for (const f of entry.forms[lang] ?? []) {
      const acronym = isAcronym(f);
      (acronym ? acronyms : plain).push([f, { entry, acronym }]);
      if (!acronym && !ONE_WORD_BREAK.test(f)) {
        const k = normWord(f);
        if (!words.has(k)) words.set(k, entry);
      }
    }
  }
  forms.addNames(plain.map(([f]) => f), plain.map(([, v]) => v));
  forms.addNames(acronyms.map(([f]) => f), acronyms.map(([, v]) => v), { byText: true });
  return { lang, forms, words };
}

const ONE_WORD_BREAK = /[^\p{L}\p{M}\p{N}]/u;

/**
 * Role forms starting at token `i`, longest first. One nationality adjective may stand after any
 * word of a form but the last ("ministre britannique de l'Intérieur"); its country is reported.
 */
export function matchRoleForms(c: CompiledRoles, lex: Lexicon, tokens: readonly Token[], i: number): RoleFormMatch[] {
  const out: RoleFormMatch[] = [];
  const first = tokens[i];
  if (!first || first.kind !== 'word') return out;
  // Acronym forms: exact, case-sensitive.
  const acr = c.forms.first(first.text);
  if (acr) for (const m of c.forms.matchAt(tokens, i, byText, 3)) {
    for (const form of m.values) if (form.acronym) out.push({ from: i, to: m.to, form });
  }
  const node = c.forms.first(first.norm);
  if (node) walk(node, i + 1, undefined, 0, { tokens, lex, from: i, out });
  return out.length > 1 ? out.sort((a, b) => b.to - a.to) : out;
}

type Walk = { tokens: readonly Token[]; lex: Lexicon; from: number; out: RoleFormMatch[] };

function walk(node: TrieNode<RoleForm>, j: number, country: string | undefined, depth: number, w: Walk): void {
  if (depth > 12) return;
  for (const form of node.values) if (!form.acronym) w.out.push({ from: w.from, to: j, form, country });
  const t = w.tokens[j];
  if (!t || node.next.size === 0) return;
  const next = node.next.get(t.norm);
  if (next) walk(next, j + 1, country, depth + 1, w);
  if (country === undefined) {
    const nat = nationalityAt(w.lex, w.tokens, j);
    if (nat) {
      const after = w.tokens[nat.to];
      const cont = after ? node.next.get(after.norm) : undefined;
      if (cont) walk(cont, nat.to + 1, nat.country, depth + 1, w);
    }
  }
}

/**
 * Is `t` a one-word title, or (German) a compound ending with one ("DGB-Chefin", "Parteichef")?
 * Bare titles still introduce a name ("Chefin Yasmin Fahimi").
 */
export function endsWithTitle(t: Token, c: CompiledRoles): boolean {
  if (c.words.has(t.norm)) return true;
  if (c.lang !== 'de' || t.norm.length < 6) return false;
  for (let cut = 2; cut <= t.norm.length - 4; cut++) if (c.words.has(t.norm.slice(cut))) return true;
  return false;
}
