import type { Detector, Lang, Mention } from '../types';
import { analysisFor, memo, type Analysis } from './analysis';
import { DEFAULT_TABLES } from './default-tables';
import { findInstitutions, type FoundInstitution } from './institutions';
import { lexiconFor, nationalityAt, nationalityBefore, type Lexicon } from './lexicon';
import { peopleFor } from './person-names';
import { adjectiveEnd, complement, furtherPortfolios, hasPreposition, isMinister, portfolio } from './role-complements';
import { countryInSentence, countryName, impliedInstitution, isNationalOffice, languageCountry } from './role-context';
import { matchRoleForms, rolesFor, type CompiledRoles, type RoleFormMatch } from './role-forms';
import type { InstitutionEntry, RoleEntry, Tables } from './tables';
import { isSentenceStart, type Token } from './tokenize';
import { compoundPrev, isAttachedHyphen } from './words';

/**
 * Roles: office titles from `roles.json`, widened to the qualifiers that belong to the span — a
 * nationality ("Premier ministre polonais", "Albanian prime minister"), the body or place the
 * office is of ("maire de Calais", "executive director of Frontex", "CDU-Chef"). A generic title
 * ("ministre", "president", "Chef") is a role only with such a qualifier; bare, it is kept aside
 * for the person detector ("Minister Mitarachi") but not reported.
 */

export type FoundRole = {
  from: number;
  to: number;
  entry: RoleEntry;
  country?: string;
  institution?: InstitutionEntry;
  /** The text names the body (complement or prefix), rather than the body being implied. */
  named?: boolean;
  /** Place or body named in the complement but not in the gazetteer ("maire de Calais"). */
  of?: string;
  /** A generic title without qualifier: not a role mention. */
  bare: boolean;
};

export function createRoleDetector(tables: Tables): Detector {
  return (text, ctx) => {
    if (typeof text !== 'string' || text.length === 0 || !ctx.lang) return [];
    const a = analysisFor(text, ctx.lang, tables);
    return findRoles(a)
      .filter((r) => !r.bare)
      .map((r) => toMention(a, r));
  };
}

export const detectRoles: Detector = createRoleDetector(DEFAULT_TABLES);

/** Every role phrase of the text, bare generic titles included (flagged `bare`). */
export function findRoles(a: Analysis): FoundRole[] {
  return memo(a, 'roles', () => (a.lang ? compute(a, a.lang) : []));
}

function compute(a: Analysis, lang: Lang): FoundRole[] {
  const { tokens, tables } = a;
  const lex = lexiconFor(tables.roles, lang);
  const roles = rolesFor(tables.roles, lang);
  const insts = findInstitutions(a);
  const given = peopleFor(tables.people, tables.names).given;
  const startsAt = new Map<number, FoundInstitution>();
  const endsAt = new Map<number, FoundInstitution>();
  for (const f of insts) {
    startsAt.set(f.from, f);
    endsAt.set(f.to, f);
  }
  const cover = coverOf(insts);
  const candidates: FoundRole[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word') continue;
    // The longest form that starts here, or a shorter one when the longest would cut through a
    // body: "président de la Cour" (of a supreme court) in "président de la Cour des comptes".
    const forms: FormMatch[] = matchRoleForms(roles, lex, tokens, i);
    if (forms.length === 0) {
      const compound = compoundRole(tokens, i, roles);
      if (compound) forms.push(compound);
    }
    for (const m of forms) {
      const r = roleAt(tokens, i, m, lang, lex, roles, startsAt, endsAt, given);
      if (!r) continue;
      candidates.push(r);
      if (!cutsInstitution(r, cover)) break;
    }
  }
  const kept = resolve(candidates, cover);
  for (const r of kept) {
    if (!r.country && !r.institution && isNationalOffice(r.entry)) {
      r.country = countryInSentence(tokens, r.from, lex) ?? languageCountry(lang);
    }
    if (!r.institution && !r.of) r.institution = impliedInstitution(tables.institutions, r.entry, r.country);
  }
  return kept;
}

function roleAt(
  tokens: readonly Token[],
  i: number,
  m: FormMatch,
  lang: Lang,
  lex: Lexicon,
  roles: CompiledRoles,
  startsAt: ReadonlyMap<number, FoundInstitution>,
  endsAt: ReadonlyMap<number, FoundInstitution>,
  given: ReadonlySet<string>,
): FoundRole | null {
  // A role never starts inside a hyphenated word, except after a body: "CDU-Chef".
  const afterHyphen = compoundPrev(tokens, i);
  let { from, to } = m;
  const entry = m.form.entry;
  let country = m.country;
  let institution: InstitutionEntry | undefined;
  let of: string | undefined;
  // A generic title is qualified by its own form when that names a body: "Labour peer", "Tory peer".
  let qualified = !entry.generic || m.compound === true || namesInForm(tokens, m.from, m.to, lang);
  if (isAttachedHyphen(tokens, to)) return null;

  // Before: "CDU-Chef", "Frontex chief", "Albanian prime minister".
  if (afterHyphen) {
    const body = endsAt.get(i - 1);
    const name = body ? null : hyphenQualifier(tokens, i, lang);
    if (!body && name === null) return null;
    from = body ? body.from : i - 2;
    institution = body?.entry;
    if (body && !body.entry) of = body.canonical;
    if (name !== null) of = name;
    qualified = true;
  } else if (!tokens[from].newline) {
    const nat = nationalityBefore(lex, tokens, from);
    if (nat && !compoundPrev(tokens, nat.from) && (lang === 'en' || !tokens[nat.from].cap || lang === 'nl')) {
      from = nat.from;
      country = nat.country;
      qualified = true;
    } else if (lang === 'en' || lang === 'nl') {
      const body = endsAt.get(from);
      if (body && tokens[from].space && isBodyQualifier(tokens, body)) {
        from = body.from;
        institution = body.entry;
        if (!body.entry) of = body.canonical;
        qualified = true;
      }
    }
  }

  // After: a nationality ("Premier ministre grec"), then the body or place ("maire de Calais").
  if ((lang === 'fr' || lang === 'it' || lang === 'es') && tokens[to] && !tokens[to].newline) {
    const nat = nationalityAt(lex, tokens, to);
    if (nat && !country) {
      to = nat.to;
      country = nat.country;
      qualified = true;
    }
  }
  const minister = isMinister(entry);
  const comp = complement(tokens, to, lang, startsAt, given) ?? (minister ? portfolio(tokens, to, lang, startsAt, given) : null);
  if (comp) {
    to = comp.to;
    qualified = true;
    // A gazetteer body is the office's institution; a place or unknown body is only named.
    if (comp.body?.entry) institution = comp.body.entry;
    else of = comp.text;
  }
  // Only a title that names its portfolio after it lists more: not "the Interior Minister and Italy".
  if (minister && (comp !== null || hasPreposition(tokens, m.from, m.to, lang))) {
    if (comp && !comp.body) to = adjectiveEnd(tokens, to, lang);
    to = furtherPortfolios(tokens, to, lang, (k) => startsAt.has(k) || given.has(tokens[k].norm) || matchRoleForms(roles, lex, tokens, k).length > 0);
  }

  // "une porte-parole de la Commission", "a Labour chancellor": one of several, not one office.
  if (INDEFINITE[lang].includes(tokens[from - 1]?.norm ?? '')) return null;
  // "its general secretary, Matt Wrack", "son ministre": a possessive makes a title specific.
  // Not a monarch ("their Queen", of a story's creatures) nor "his chair", which is furniture.
  if (!qualified && POSSESSIVE.has(tokens[from - 1]?.norm ?? '') && entry.id !== 'monarch' && tokens[from].norm !== 'chair') qualified = true;
  // German: "die Innenminister" is a plural.
  if (lang === 'de' && tokens[from - 1]?.norm === 'die' && /(er|or|ent|ant|ef|at|ar)$/.test(tokens[m.to - 1].norm)) return null;
  return { from, to, entry, country, institution, named: !!institution, of, bare: !qualified };
}

// Capitalised first parts of a compound title that do not name what the office is of.
const TITLE_PREFIXES = new Set(['ex', 'vize', 'co', 'ko', 'interims', 'noch', 'ober', 'super', 'oud', 'vice', 'adjunct']);

/**
 * German and Dutch: the name before the hyphen of a compound title ("Thyssenkrupp-Chef",
 * "NRW-Wirtschaftsministerin", "PVV-leider") when it is not a body found as such: a capitalised
 * word or an acronym, not a prefix of the title ("Ex-Chef").
 */
function hyphenQualifier(tokens: readonly Token[], i: number, lang: Lang): string | null {
  if (lang !== 'de' && lang !== 'nl') return null;
  const w = tokens[i - 2];
  if (!w || w.kind !== 'word' || !(w.cap || w.upper) || TITLE_PREFIXES.has(w.norm) || w.norm.length < 2) return null;
  // One part only: "Sea-Watch-Chef" has a body before it, found as such or not at all.
  if (compoundPrev(tokens, i - 2)) return null;
  return w.text;
}

function namesInForm(tokens: readonly Token[], from: number, to: number, lang: Lang): boolean {
  // German capitalises every noun, so capitals say nothing there.
  if (lang === 'de' || to - from < 2) return false;
  for (let k = from + 1; k < to; k++) if (tokens[k].cap) return true;
  return tokens[from].cap && !isSentenceStart(tokens, from);
}

/** An institution right before a title qualifies it when it is a proper name, not "the agency". */
function isBodyQualifier(tokens: readonly Token[], body: FoundInstitution): boolean {
  return tokens[body.from].cap || tokens[body.from].upper;
}

/** German compound titles: "Innenkommissarin", "Flüchtlingskommissarin" end with a one-word form. */
function compoundRole(tokens: readonly Token[], i: number, roles: CompiledRoles): FormMatch | null {
  if (roles.lang !== 'de') return null;
  const t = tokens[i];
  if (t.kind !== 'word' || !t.cap || t.norm.length < 8) return null;
  for (let cut = 3; cut <= t.norm.length - 5; cut++) {
    const entry = roles.words.get(t.norm.slice(cut));
    if (entry) return { from: i, to: i + 1, form: { entry, acronym: false }, compound: true };
  }
  return null;
}

const POSSESSIVE = new Set([
  'its', 'his', 'her', 'their', 'whose', 'son', 'sa', 'leur', 'sein', 'seine', 'seinem', 'seinen', 'ihr', 'ihre', 'ihrem', 'ihren',
  'dessen', 'deren', 'zijn', 'haar', 'hun', 'suo', 'sua', 'loro', 'su', 'cuyo', 'cuya',
]);

const INDEFINITE: Record<Lang, string[]> = {
  en: ['a', 'an', 'another'],
  fr: ['un', 'une', 'autre'],
  de: ['ein', 'eine', 'einer', 'einen', 'einem', 'eines'],
  nl: ['een'],
  it: ['un', 'uno', 'una', 'altro', 'altra'],
  es: ['un', 'una', 'unos', 'unas', 'otro', 'otra'],
};

type FormMatch = RoleFormMatch & { compound?: boolean };

/** Which institution covers each token (institutions never overlap one another). */
type Cover = ReadonlyMap<number, FoundInstitution>;

function coverOf(insts: readonly FoundInstitution[]): Cover {
  const cover = new Map<number, FoundInstitution>();
  for (const f of insts) for (let k = f.from; k < f.to; k++) cover.set(k, f);
  return cover;
}

/** Does the role cut through a body, or is it a body's own name ("the Greek Ombudsman launched…")? */
function cutsInstitution(r: FoundRole, cover: Cover): boolean {
  const first = cover.get(r.from);
  const last = cover.get(r.to - 1);
  return (!!first && first.from < r.from) || (!!last && last.to > r.to) || (!!first && first.from === r.from && first.to === r.to);
}

/** Longest first; a role may contain institutions but must not cut through one. */
function resolve(candidates: FoundRole[], cover: Cover): FoundRole[] {
  const ok = candidates.filter((r) => !cutsInstitution(r, cover));
  ok.sort((x, y) => y.to - y.from - (x.to - x.from) || Number(x.bare) - Number(y.bare) || x.from - y.from);
  const taken = new Set<number>();
  const kept: FoundRole[] = [];
  for (const r of ok) {
    let free = true;
    for (let k = r.from; k < r.to && free; k++) if (taken.has(k)) free = false;
    if (!free) continue;
    for (let k = r.from; k < r.to; k++) taken.add(k);
    kept.push(r);
  }
  return kept.sort((x, y) => x.from - y.from);
}

function canonicalOf(r: FoundRole): string {
  const base = r.entry.canonical;
  if (r.of) return `${base} of ${r.of}`;
  if (r.institution && r.named && !isNationalOffice(r.entry) && !base.includes(r.institution.canonical)) {
    return `${base} of ${r.institution.canonical}`;
  }
  const country = r.country && r.country !== 'EU' && r.country !== 'INT' ? countryName(r.country) : undefined;
  return country ? `${base} (${country})` : base;
}

function toMention(a: Analysis, r: FoundRole): Mention {
  const start = a.tokens[r.from].start;
  const end = a.tokens[r.to - 1].end;
  const m: Mention = { kind: 'role', start, end, text: a.text.slice(start, end), canonical: canonicalOf(r), entityId: `role.${r.entry.id}` };
  if (r.institution) m.institutionId = r.institution.id;
  return m;
}
