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
  const adjectives = new Set<string>();
  for (const f of found) {
    if (!f.entry || f.to - f.from < 2) continue;
    // The head a full name starts with (Romance languages) or ends with (English, Dutch).
    const k = lex.headFirst ? f.from : f.to - 1;
    const t = tokens[k];
    if (!t.cap || t.upper) continue;
    const isHead = longestAt(lex.heads, tokens, k, lex.keyOf)?.to === k + 1;
    if ((isHead || f.entry.id === 'eu.european-union') && !heads.has(t.norm)) {
      heads.set(t.norm, f.entry);
      introduced.set(t.norm, f.to);
    }
    // Spanish names a court by its capitalised adjective: "el Supremo" after "Tribunal Supremo",
    // "el Constitucional" after "Tribunal Constitucional".
    const last = tokens[f.to - 1];
    if (lex.headFirst && isHead && f.to - f.from === 2 && last.cap && !last.upper && !heads.has(last.norm) && longestAt(lex.adjectives, tokens, f.to - 1)?.to === f.to) {
      heads.set(last.norm, f.entry);
      introduced.set(last.norm, f.to);
      adjectives.add(last.norm);
    }
  }
  const out: FoundInstitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap || t.upper || t.kind !== 'word') continue;
    let entry = (introduced.get(t.norm) ?? Infinity) <= i ? heads.get(t.norm) : undefined;
    // An adjective standing for its court follows an article: "del Supremo", not "el líder Supremo".
    if (entry && adjectives.has(t.norm) && !afterArticle(tokens, i, lex)) entry = undefined;
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

// Words that may come between the article and the court: "en el propio Supremo".
const SAME = new Set(['propio', 'propia', 'mismo', 'misma']);

/** Does an article or a preposition come just before token `i` (or before "propio", "mismo")? */
function afterArticle(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  const j = SAME.has(tokens[i - 1]?.norm ?? '') ? i - 2 : i - 1;
  const w = tokens[j]?.norm ?? '';
  return lex.articles.has(w) || lex.preps.has(w) || w === 'al';
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
