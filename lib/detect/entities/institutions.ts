import type { Detector, Mention } from '../types';
import { definedAcronyms } from './acronyms';
import { analysisFor, memo, type Analysis, type FoundInstitution } from './analysis';
import { cueNames } from './cue-names';
import { DEFAULT_TABLES } from './default-tables';
import { gazetteerFor, matchGazetteerAt } from './gazetteer';
import { checkContext, isRoleWord, usedAsOffice } from './institution-context';
import { lexiconFor, longestAt, type Lexicon } from './lexicon';
import { findCompanies } from './companies';
import { findBodies } from './org-heads';
import { rolesFor, type CompiledRoles } from './role-forms';
import { repeatedNames } from './repeated-names';
import { shortForms } from './short-forms';
import type { InstitutionEntry, Tables } from './tables';
import { byNorm, type Token } from './tokenize';
import { compoundPrev, isAttachedHyphen } from './words';
import { peopleFor } from './person-names';

export type { FoundInstitution };

/**
 * Institutions: gazetteer names first, then bodies the gazetteer does not know — descriptive
 * names built on a head noun, acronyms defined in the text, and names announced by a cue noun
 * ("l'ONG Utopia 56"). Candidates are resolved longest first; a gazetteer name wins a tie.
 */

const PRIORITY = { gazetteer: 4, acronym: 3, 'short-form': 2, body: 1, cue: 0 } as const;

export function createInstitutionDetector(tables: Tables): Detector {
  return (text, ctx) => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const a = analysisFor(text, ctx.lang, tables);
    return findInstitutions(a).map((f) => toMention(a, f));
  };
}

export const detectInstitutions: Detector = createInstitutionDetector(DEFAULT_TABLES);

export function findInstitutions(a: Analysis): FoundInstitution[] {
  return memo(a, 'institutions', () => compute(a));
}

function compute(a: Analysis): FoundInstitution[] {
  const { tokens, lang, tables } = a;
  const gaz = gazetteerFor(tables.institutions, lang);
  const lex = lang ? lexiconFor(tables.roles, lang) : null;
  const candidates: FoundInstitution[] = [];

  const people = peopleFor(tables.people, tables.names);
  for (let i = 0; i < tokens.length; i++) {
    const m = matchGazetteerAt(gaz, tokens, i);
    if (!m) continue;
    // A person's name that starts like a body: "Olaf Scholz" is not OLAF.
    if (people.known.matchAt(tokens, i, byNorm, 6).some((p) => p.to > m.to)) continue;
    // An alias that starts with its cue noun ("association Utopia 56", "Ong Sea-Watch"): the
    // body's name is what follows the cue.
    // Not when the body's own name starts with it: "Movimento 5 Stelle".
    const cue = lex ? longestAt(lex.cues, tokens, m.from, lex.keyOf) : null;
    const inner = cue && cue.to < m.to && !labelStartsWith(m.hit.entry, tokens[m.from].norm) ? matchGazetteerAt(gaz, tokens, cue.to) : null;
    const from = inner && inner.to === m.to && inner.hit.entry === m.hit.entry ? inner.from : m.from;
    const found: FoundInstitution = { from, to: m.to, canonical: m.hit.entry.canonical, entry: m.hit.entry, source: 'gazetteer' };
    const kept = lex ? checkContext(tokens, found, lex, lang ? rolesFor(tables.roles, lang) : null, lang, people.given) : found;
    if (kept && !(lex && lang && usedAsOffice(tokens, kept, rolesFor(tables.roles, lang), lex))) candidates.push(kept);
  }

  if (lex) {
    // German capitalises every noun, so a capitalised "Kommission" says nothing about a name.
    if (lang !== 'de') candidates.push(...shortForms(tokens, candidates, lex));
    for (const b of [...findBodies(tokens, lex, gaz, people.given), ...findCompanies(tokens, lex.companySuffixes)]) {
      candidates.push({ from: b.from, to: b.to, canonical: '', kind: b.kind, country: b.country, source: 'body' });
    }
    candidates.push(...definedAcronyms(tokens, lex, gaz, rolesFor(tables.roles, lang!), lang));
    candidates.push(...cueNames(tokens, lex));
    candidates.push(...titledAcronyms(tokens, lex, rolesFor(tables.roles, lang!)));
  }

  let kept = resolve(candidates);
  if (lex) {
    const taken = new Uint8Array(tokens.length);
    for (const f of kept) taken.fill(1, f.from, f.to);
    const repeats = repeatedNames(tokens, kept, lex, rolesFor(tables.roles, lang!), lang, people.given).filter((f) => !taken.subarray(f.from, f.to).includes(1));
    if (repeats.length) kept = resolve([...kept, ...repeats]);
  }
  return kept.map((f) => (f.canonical ? f : { ...f, canonical: plainText(a.text, tokens, f) }));
}

/** Longest first, then by source; no two kept candidates overlap. */
function resolve(candidates: FoundInstitution[]): FoundInstitution[] {
  const sorted = [...candidates].sort(
    (x, y) => y.to - y.from - (x.to - x.from) || PRIORITY[y.source] - PRIORITY[x.source] || x.from - y.from,
  );
  const taken = new Uint8Array(sorted.reduce((n, c) => Math.max(n, c.to), 0));
  const kept: FoundInstitution[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.from; k < c.to && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.from; k < c.to; k++) taken[k] = 1;
    kept.push(c);
  }
  return kept.sort((x, y) => x.from - y.from);
}

/**
 * An acronym the gazetteer does not know, joined by a hyphen to a title: "DGB-Chefin",
 * "FDP-Chef", "PVV-leider". The compound is a role; its first part names a body.
 */
function titledAcronyms(tokens: readonly Token[], lex: Lexicon, roles: CompiledRoles): FoundInstitution[] {
  const out: FoundInstitution[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (!t.upper || t.text.length > 6 || compoundPrev(tokens, i) || !isAttachedHyphen(tokens, i + 1)) continue;
    if (isRoleWord(tokens[i + 2], lex, roles)) out.push({ from: i, to: i + 1, canonical: t.text, kind: 'organisation', source: 'cue' });
  }
  return out;
}

/** Does one of the body's labels start with this (lower-case) word? */
function labelStartsWith(entry: InstitutionEntry, word: string): boolean {
  return Object.values(entry.labels ?? {}).some((label) => label?.toLowerCase().startsWith(`${word} `));
}

function plainText(text: string, tokens: readonly Token[], f: FoundInstitution): string {
  return text.slice(tokens[f.from].start, tokens[f.to - 1].end).replace(/\s+/g, ' ');
}

function toMention(a: Analysis, f: FoundInstitution): Mention {
  const start = a.tokens[f.from].start;
  const end = a.tokens[f.to - 1].end;
  const m: Mention = { kind: 'institution', start, end, text: a.text.slice(start, end), canonical: f.canonical };
  if (f.entry) {
    m.entityId = f.entry.id;
    if (f.entry.wikidata) m.wikidata = f.entry.wikidata;
    m.institutionKind = f.entry.kind;
    m.country = f.entry.country;
  } else {
    if (f.kind) m.institutionKind = f.kind;
    if (f.country) m.country = f.country;
  }
  return m;
}
