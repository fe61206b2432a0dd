import { matchGazetteerAt, type CompiledGazetteer } from './gazetteer';
import { longestAt, type Lexicon } from './lexicon';
import { capChainEnd } from './names';
import type { Token } from './tokenize';

/** A body named by a description (see org-heads.ts), in token indices. */
export type BodyPhrase = { from: number; to: number; kind: string; country?: string };

type Complement = { to: number };

/** `de`/`of`/`für` + (article) + a field, a gazetteer body or a capitalised name. */
export function complementAt(tokens: readonly Token[], j: number, lex: Lexicon, gaz: CompiledGazetteer, fieldsOk = true): Complement | null {
  const t = tokens[j];
  if (!t || t.newline || !lex.preps.has(t.norm)) return null;
  let p = j + 1;
  if (tokens[p]?.norm === "'") p += 1;
  for (let k = 0; k < 2 && tokens[p] && lex.articles.has(tokens[p].norm); k++) {
    p += 1;
    if (tokens[p]?.norm === "'") p += 1;
  }
  if (p >= tokens.length || tokens[p].kind === 'punct') return null;
  let best = -1;
  if (fieldsOk) {
    const f = longestAt(lex.fields, tokens, p);
    if (f) best = f.to;
  }
  const g = matchGazetteerAt(gaz, tokens, p);
  if (g && g.to > best) best = g.to;
  const c = capChainEnd(tokens, p, { maxWords: 4 });
  if (c > p && c > best) best = c;
  return best > 0 ? { to: best } : null;
}

/** Does the complement [from, to) begin (after its preposition and article) with a head noun? */
export function startsWithHead(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || lex.preps.has(t.norm) || lex.articles.has(t.norm)) continue;
    return !!longestAt(lex.heads, tokens, k, lex.keyOf);
  }
  return false;
}
