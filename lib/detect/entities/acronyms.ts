import type { Lang } from '../types';
import type { FoundInstitution } from './analysis';
import { matchGazetteerAt, type CompiledGazetteer } from './gazetteer';
import { checkContext } from './institution-context';
import { longestAt, type Lexicon } from './lexicon';
import type { CompiledRoles } from './role-forms';
import { isSentenceStart, type Token } from './tokenize';
import { stemDe } from './words';

/**
 * Acronyms defined in the text: "Commission nationale de contrôle des techniques de renseignement
 * (CNCTR)". The long form is the shortest run of words before the parenthesis, starting with a
 * capitalised word, whose initials spell the acronym in order; every use of the acronym in the
 * same text then refers to it.
 */

export type AcronymDefinition = {
  acronym: string;
  /** Long form, token indices [from, to). */
  from: number;
  to: number;
};

// Words skipped when reading initials ("Office of the … for …", "Commission de … des …").
const MINOR = new Set([
  'of', 'the', 'for', 'and', 'on', 'in', 'to', 'de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'pour', 'aux', 'au', 'à', 'en',
  'sur', 'der', 'die', 'das', 'des', 'für', 'und', 'von', 'zur', 'zum', 'im', 'van', 'voor', 'het', 'en', 'di', 'del', 'della',
  'dei', 'degli', 'delle', 'dell', 'per', 'e', 'il', 'lo', 'gli', 'el', 'los', 'las', 'y', 'para', 'contra', 'against',
]);

const ACRONYM_RE = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}][\p{L}\p{N}]{1,9}$/u;

/** Is `s` shaped like an acronym: 2–10 letters/digits with at least two capitals ("CNCTR", "MoD", "Ofpra" is not). */
export function looksLikeAcronym(s: string): boolean {
  return s.length <= 10 && ACRONYM_RE.test(s);
}

export function findAcronymDefinitions(tokens: readonly Token[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].norm !== '(' || tokens[i + 2].norm !== ')') continue;
    const acr = tokens[i + 1];
    if (acr.kind !== 'word' || acr.text.length > 10) continue;
    if (!looksLikeAcronym(acr.text) && !/^\p{Lu}\p{Ll}{1,7}$/u.test(acr.text)) continue;
    const from = longFormStart(tokens, i, acr.text);
    if (from >= 0) out.push({ acronym: acr.text, from, to: i });
  }
  return out;
}

/** Start of the long form ending before token `end`, or -1. */
function longFormStart(tokens: readonly Token[], end: number, acronym: string): number {
  const letters = [...acronym.replace(/\p{N}/gu, '')].map((c) => initialOf(c.toLowerCase()));
  const first = letters[0];
  // "Ofpra", "Anafé": a capitalised word is an acronym only if the initials spell it closely.
  const strict = !looksLikeAcronym(acronym);
  // Walk back over words only (no punctuation except hyphens and apostrophes inside names), at most 16 tokens.
  for (let s = end - 1, n = 0; s >= 0 && n < 16; s--, n++) {
    const t = tokens[s];
    if (t.kind === 'punct' && t.norm !== '-' && t.norm !== "'") return -1;
    if (t.kind !== 'word' || !t.cap) continue;
    if (initialOf(t.norm) === first && spells(tokens, s, end, letters, strict)) return s;
    if (isSentenceStart(tokens, s)) return -1;
  }
  return -1;
}

/** A word's first letter without its accent: "économiques" lends the E of OFCE. */
const initialOf = (word: string) => word.charAt(0).normalize('NFD').charAt(0);

/**
 * Do the initials of the words of [from, to) spell `letters` in order? Every content word's
 * initial should be used; a few may go unused (HCR for "Haut-Commissariat des Nations unies pour
 * les réfugiés" skips "Nations unies"), and minor words may lend their initial or not ("GdP" for
 * "Gewerkschaft der Polizei", "CNCTR" for "Commission nationale de contrôle des techniques de
 * renseignement").
 */
function spells(tokens: readonly Token[], from: number, to: number, letters: string[], strict: boolean): boolean {
  const words: { initial: string; minor: boolean }[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === 'word') words.push({ initial: initialOf(t.norm), minor: k !== from && MINOR.has(t.norm) });
  }
  if (words.length === 0 || words[0].initial !== letters[0]) return false;
  const maxSkipped = strict || letters.length <= 3 ? 1 : 2;
  // best[i][j]: fewest content words skipped to spell letters[0..j) with words[0..i).
  const INF = 1e9;
  // The long form starts with the acronym's first letter: the first word is used.
  let prev = new Array<number>(letters.length + 1).fill(INF);
  prev[1] = 0;
  for (const w of words.slice(1)) {
    const cur = new Array<number>(letters.length + 1).fill(INF);
    for (let j = 0; j <= letters.length; j++) {
      if (prev[j] === INF) continue;
      // Skip this word (free for a minor word).
      cur[j] = Math.min(cur[j], prev[j] + (w.minor ? 0 : 1));
      // Use its initial for the next letter.
      if (j < letters.length && letters[j] === w.initial) cur[j + 1] = Math.min(cur[j + 1], prev[j]);
    }
    prev = cur;
  }
  return prev[letters.length] <= maxSkipped;
}

/** Long forms of acronyms defined in the text, and every use of those acronyms. */
export function definedAcronyms(tokens: readonly Token[], lex: Lexicon, gaz: CompiledGazetteer, roles: CompiledRoles, lang: Lang | null): FoundInstitution[] {
  const out: FoundInstitution[] = [];
  const defs = findAcronymDefinitions(tokens);
  if (defs.length === 0) return out;
  const known = new Map<string, FoundInstitution>();
  for (const d of defs) {
    if (known.has(d.acronym)) continue;
    const g = matchGazetteerAt(gaz, tokens, d.from);
    const longFormKnown = !!g && g.to === d.to;
    // A long form the gazetteer does not know must name a body: "Eric van der Burg (VVD)" is a
    // person and his party, not a definition.
    if (!longFormKnown && !namesABody(tokens, d.from, d.to, lex)) continue;
    // The long form or the acronym itself (token after the parenthesis) may be in the gazetteer.
    const entry = longFormKnown ? g.hit.entry : matchGazetteerAt(gaz, tokens, d.to + 1)?.hit.entry;
    const canonical = entry?.canonical ?? d.acronym;
    const f: FoundInstitution = { from: d.from, to: d.to, canonical, entry, source: 'acronym' };
    known.set(d.acronym, f);
    out.push(f);
  }
  for (let i = 0; i < tokens.length; i++) {
    const def = known.get(tokens[i].text);
    if (!def || tokens[i].kind !== 'word') continue;
    const f: FoundInstitution = { from: i, to: i + 1, canonical: def.canonical, entry: def.entry, source: 'acronym' };
    if (checkContext(tokens, f, lex, roles, lang)) out.push(f);
  }
  return out;
}

/** Does the long form name a body (a head noun or a cue noun in it), not a law or a programme? */
function namesABody(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  if (lex.documents.has(tokens[from].norm)) return false;
  for (let k = from; k < to; k++) {
    if (longestAt(lex.heads, tokens, k, lex.keyOf) || longestAt(lex.cues, tokens, k, lex.keyOf)) return true;
    if (lex.lang === 'de' && lex.compounds.some((c) => tokens[k].norm.endsWith(c.suffix) || stemDe(tokens[k].norm).endsWith(c.suffix))) return true;
  }
  return false;
}
