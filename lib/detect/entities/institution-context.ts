import type { Lang } from '../types';
import type { FoundInstitution } from './analysis';
import type { Lexicon } from './lexicon';
import { isNameWord } from './names';
import { matchRoleForms, type CompiledRoles } from './role-forms';
import type { Token } from './tokenize';
import { compoundPrev, isAttachedHyphen, stemDe } from './words';

/**
 * Where a gazetteer name does not name a body on its own: inside a compound, a ship's name, a
 * document title, or an office held by the person named next to it.
 */

/**
 * Rejects a gazetteer name used inside something else: an adjectival compound ("EU-Staaten",
 * "UE-Turquie"), a ship ("Sea-Watch 3"), a treaty or document title ("Vertrag über die
 * Arbeitsweise der Europäischen Union", "UN Refugee Convention").
 */
export function checkContext(
  tokens: readonly Token[],
  f: FoundInstitution,
  lex: Lexicon,
  roles: CompiledRoles | null,
  lang: Lang | null,
  given?: ReadonlySet<string>,
): FoundInstitution | null {
  if (compoundPrev(tokens, f.from)) return null;
  // An acronym written as a word ("Olaf", "Onu") followed by a capitalised word is a given name;
  // followed by a given name, it is a body before a person ("la segretaria del Pd Elly Schlein").
  const first = tokens[f.from];
  const next = tokens[f.to];
  if (f.to - f.from === 1 && first.cap && !first.upper && isNameWord(next) && next.space && !next.newline && !given?.has(next.norm)) {
    if (f.entry && (f.entry.acronyms ?? []).includes(first.text)) return null;
  }
  if (isAttachedHyphen(tokens, f.to)) {
    const rest = tokens[f.to + 1];
    if (!roles || !isRoleWord(rest, lex, roles)) return null;
  }
  // A rescue ship is named after its NGO and numbered: "Sea-Watch 3", "Sea-Eye 4".
  if (f.entry?.kind === 'ngo' && next && next.kind === 'num' && next.space && next.text.length === 1) return null;
  if (inDocumentTitle(tokens, f, lex, lang)) return null;
  return f;
}

/**
 * A name that is both an office and a body ("European Ombudsman", "Défenseur des droits") is
 * labelled by its use (GUIDELINES): followed by the holder's name it is the office, so it is
 * left to the role detector.
 */
export function usedAsOffice(tokens: readonly Token[], f: FoundInstitution, roles: CompiledRoles, lex: Lexicon): boolean {
  const forms = matchRoleForms(roles, lex, tokens, f.from);
  if (!forms.some((m) => m.to === f.to)) return false;
  let p = f.to;
  if (tokens[p]?.norm === ',') p += 1;
  return isNameWord(tokens[p]) && isNameWord(tokens[p + 1]) && !!tokens[p + 1]?.space;
}

/** Second part of a compound that makes it an office: "CDU-Chef", "EU-Innenkommissarin", "PVV-leider". */
export function isRoleWord(t: Token | undefined, lex: Lexicon, roles: CompiledRoles): boolean {
  if (!t || t.kind !== 'word') return false;
  if (lex.roleWords.has(t.norm) || roles.words.has(t.norm)) return true;
  if (lex.lang === 'de') {
    // German compounds end with the title: "Innenkommissarin", "Parteichefin".
    for (const w of lex.roleWords) if (t.norm.length > w.length && t.norm.endsWith(w)) return true;
  }
  return false;
}

/** "Charte des droits fondamentaux de l'Union européenne", "UN Refugee Convention". */
function inDocumentTitle(tokens: readonly Token[], f: FoundInstitution, lex: Lexicon, lang: Lang | null): boolean {
  // Before: "Charte des droits fondamentaux de l'Union européenne", "Vertrag über die … der EU".
  let sawPrep = false;
  for (let k = f.from - 1, n = 0; k >= 0 && n < 7; k--, n++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.norm === "'" || t.norm === '-') continue;
      break;
    }
    if (lex.documents.has(t.norm) || (lang === 'de' && lex.documents.has(stemDe(t.norm)))) {
      if (lang === 'de') return sawPrep;
      return t.cap;
    }
    if (lang === 'de' && (t.norm === 'über' || t.norm === 'zur' || t.norm === 'zum')) sawPrep = true;
    if (lang !== 'de' && t.cap && k < f.from - 1 && !lex.preps.has(t.norm)) continue;
  }
  // After: "UN Refugee Convention", "EU Settlement Scheme".
  for (let k = f.to, n = 0; k < tokens.length && n < 4; k++, n++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap || !t.space) break;
    if (lex.documents.has(t.norm)) return true;
  }
  return false;
}
