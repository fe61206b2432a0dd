import type { FoundInstitution } from './analysis';
import { longestAt, type Lexicon } from './lexicon';
import { isNameWord } from './names';
import type { InstitutionEntry } from './tables';
import { isSentenceStart, type Token } from './tokenize';
import { compoundPrev, isAttachedHyphen } from './words';

/**
 * Capitalised short forms of a body the text names in full: "la Commission" after "Commission
 * européenne", "l'Union" after "Union européenne", "the Parliament" after "European Parliament".
 * The short form is the head noun the full name starts with, or ends with in English and German
 * ("European Commission" → "Commission"). A capitalised "Parliament" ("Parlement", "Parlamento")
 * on its own is the national parliament (GUIDELINES, known borderline cases).
 */
export function shortForms(tokens: readonly Token[], found: readonly FoundInstitution[], lex: Lexicon): FoundInstitution[] {
  // Short form → the body, and where its full name is first written: a short form refers back.
  const heads = new Map<string, InstitutionEntry>();
  const introduced = new Map<string, number>();
  for (const f of found) {
    if (!f.entry || f.to - f.from < 2) continue;
    // The head a full name starts with (Romance languages) or ends with (English, Dutch).
    const k = lex.headFirst ? f.from : f.to - 1;
    const t = tokens[k];
    if (!t.cap || t.upper || heads.has(t.norm)) continue;
    const isHead = longestAt(lex.heads, tokens, k, lex.keyOf)?.to === k + 1;
    if (isHead || f.entry.id === 'eu.european-union') {
      heads.set(t.norm, f.entry);
      introduced.set(t.norm, f.to);
    }
  }
  const out: FoundInstitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap || t.upper || t.kind !== 'word') continue;
    const entry = (introduced.get(t.norm) ?? Infinity) <= i ? heads.get(t.norm) : undefined;
    if (!entry && !isParliament(tokens, i, lex)) continue;
    const standsAlone = !isNameContinuation(tokens, i + 1, lex) && !isNameWord(tokens[i - 1]);
    if (entry && standsAlone && !isSentenceStart(tokens, i)) {
      out.push({ from: i, to: i + 1, canonical: entry.canonical, entry, source: 'short-form' });
    } else if (!entry && standsAlone && !isSentenceStart(tokens, i) && !compoundPrev(tokens, i)) {
      out.push({ from: i, to: i + 1, canonical: t.text, kind: 'parliament', source: 'body' });
    }
  }
  return out;
}

/** A capitalised parliament head on its own: "Parliament", "le Parlement", "il Parlamento". */
function isParliament(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  const m = longestAt(lex.heads, tokens, i, lex.keyOf);
  return !!m && m.to === i + 1 && m.values[0].kind === 'parliament' && m.values[0].needs === 'qualifier';
}

/** Does the name go on at token `j` (a capitalised word, an adjective, a nationality, "of X")? */
function isNameContinuation(tokens: readonly Token[], j: number, lex: Lexicon): boolean {
  const t = tokens[j];
  if (!t) return false;
  if (isAttachedHyphen(tokens, j)) return true;
  if (t.kind !== 'word' || !t.space) return false;
  if (isNameWord(t)) return true;
  if (longestAt(lex.adjectives, tokens, j) || longestAt(lex.nationalities, tokens, j)) return true;
  return false;
}
