import type { Detector, Lang, Mention } from '../types';
import { analysisFor, memo, type Analysis } from './analysis';
import { DEFAULT_TABLES } from './default-tables';
import { findInstitutions } from './institutions';
import { lexiconFor, nationalityAt } from './lexicon';
import { capChainEnd, isNameWord } from './names';
import { peopleFor, surnameEnd, surnameKeys, type CompiledPeople } from './person-names';
import { endsWithTitle, rolesFor } from './role-forms';
import { findRoles } from './roles';
import type { PersonEntry, Tables } from './tables';
import { byNorm, isSentenceStart, type Token } from './tokenize';
import { TokenTrie } from './trie';
import { compoundPrev, isAttachedHyphen } from './words';

/**
 * People: full names from `people.json`; names the gazetteer does not know, recognised by a given
 * name ("Enver Solomon"), an honorific ("Mme Bouchart", "Sir Keir Starmer") or an office next to
 * them ("Home Secretary Suella Braverman", "le ministre de l'Intérieur, Gérald Darmanin"); then
 * every later surname-only mention of someone named in the text ("Darmanin").
 */

type FoundPerson = { from: number; to: number; name: string; entry?: PersonEntry; /** Span is a surname (maybe with honorific) only. */ short: boolean };

export function createPeopleDetector(tables: Tables): Detector {
  return (text, ctx) => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const a = analysisFor(text, ctx.lang, tables);
    return findPeople(a, ctx.published).map((p) => toMention(a, p));
  };
}

export const detectPeople: Detector = createPeopleDetector(DEFAULT_TABLES);

function findPeople(a: Analysis, published?: string): FoundPerson[] {
  return memo(a, 'people', () => compute(a, published));
}

function compute(a: Analysis, published?: string): FoundPerson[] {
  const { tokens, tables, lang } = a;
  const c = peopleFor(tables.people, tables.names);
  // Tokens claimed by institutions cannot be names ("Sea-Watch", "Utopia 56", "Pro Asyl").
  const blocked = new Uint8Array(tokens.length);
  for (const f of findInstitutions(a)) for (let k = f.from; k < f.to; k++) blocked[k] = 1;
  const free = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (blocked[k]) return false;
    return true;
  };

  // Tokens inside an office title, bare ones included ("President", "Minister").
  const roles = findRoles(a);
  const inRole = new Uint8Array(tokens.length);
  for (const r of roles) for (let k = r.from; k < r.to; k++) inRole[k] = 1;
  const found: FoundPerson[] = [];
  // "Royal British Legion" is no Mr Royal: a nationality inside a name, before its last word,
  // makes it a body's ("Dawn French" keeps hers, at the end).
  const lex = lang ? lexiconFor(tables.roles, lang) : null;
  const nationalityInside = (from: number, to: number) => {
    for (let k = from; lex && k < to - 1; k++) if (nationalityAt(lex, tokens, k)) return true;
    return false;
  };
  const known = (from: number, to: number): PersonEntry | undefined => c.known.matchAt(tokens, from, byNorm, 6).find((m) => m.to === to)?.values[0];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || compoundPrev(tokens, i)) continue;
    // Full names from the gazetteer.
    if (t.cap) {
      const m = c.known.matchAt(tokens, i, byNorm, 6)[0];
      if (m && tokens[m.to - 1].cap && free(m.from, m.to) && !isAttachedHyphen(tokens, m.to)) {
        found.push({ from: m.from, to: m.to, name: m.values[0].name, entry: m.values[0], short: false });
        continue;
      }
    }
    // Honorific + name: "Mr Sunak", "Mme Bouchart", "Sir Keir Starmer".
    const h = lang ? c.honorifics[lang]?.matchAt(tokens, i, byNorm, 3)[0] : undefined;
    if (h && (tokens[i].cap || !h.values[0])) {
      const end = tokens[h.to]?.newline ? h.to : surnameEnd(tokens, h.to, c, 3);
      if (end > h.to && free(h.to, end)) {
        const entry = known(h.to, end);
        found.push({ from: i, to: end, name: entry?.name ?? plain(a, h.to, end), entry, short: end - h.to === 1 });
        continue;
      }
    }
    // Given name + surname: "Enver Solomon", "Catherine De Bolle", "Ursula von der Leyen"; not
    // when the given name continues a capitalised name ("San Francisco", "West Virginia") other
    // than an office ("President Joe Biden").
    const ambiguous = c.ambiguous.has(t.norm);
    // German capitalises every noun: only a given name before it continues a name there ("Hans
    // Peter Müller"), not "der Milliardär Daniel Křetínský".
    const afterName = isNameWord(tokens[i - 1]) && t.space && !t.newline && !inRole[i - 1] && !(lang && endsWithTitle(tokens[i - 1], rolesFor(tables.roles, lang)))
      && (lang !== 'de' || c.given.has(tokens[i - 1].norm) || tokens[i - 1].upper || GERMAN_PLACE_PREFIXES.has(tokens[i - 1].norm));
    if (t.cap && !t.upper && !afterName && (c.given.has(t.norm) || ambiguous)) {
      let gEnd = i + 1;
      while (tokens[gEnd]?.norm === '-' && !tokens[gEnd].space && tokens[gEnd + 1]?.cap && !tokens[gEnd + 1].space) gEnd += 2;
      // A monarch's or a pope's name: "Felipe VI", "Mohammed VI", "Charles III", "Benedict XVI".
      const regnal = isRegnalNumber(tokens[gEnd]) ? gEnd + 1 : 0;
      const end = regnal || (tokens[gEnd]?.newline ? gEnd : surnameEnd(tokens, gEnd, c, 2));
      if (end > gEnd && free(i, end) && (!ambiguous || !isSentenceStart(tokens, i)) && !isAttachedHyphen(tokens, end) && !nationalityInside(gEnd, end)) {
        found.push({ from: i, to: end, name: plain(a, i, end), entry: known(i, end), short: false });
        i = end - 1;
        continue;
      }
    }
  }

  // Names next to an office: "Home Secretary Suella Braverman", "ministre de l'Intérieur, Gérald
  // Darmanin", "Salvini, vicepremier". A one-word name there must be a known surname: "presidente
  // della Regione Sicilia" is a place.
  const nameOk = (from: number, to: number) =>
    to > from && free(from, to) && !isAttachedHyphen(tokens, to) && (to - from > 1 || c.surnames.has(tokens[from].norm));
  for (const r of roles) {
    let p = r.to;
    if (tokens[p]?.norm === ',') p += 1;
    if (tokens[p] && !tokens[p].newline && tokens[p].cap) {
      const end = surnameEnd(tokens, p, c, 3);
      if (nameOk(p, end)) {
        const entry = known(p, end);
        found.push({ from: p, to: end, name: entry?.name ?? plain(a, p, end), entry, short: end - p === 1 && !entry });
      }
    }
    // Before: "Notis Mitarachi, ministre des Migrations".
    if (tokens[r.from - 1]?.norm === ',') {
      const end = r.from - 1;
      let from = end;
      while (from > 0 && end - from < 3 && isNameWord(tokens[from - 1]) && (from === end || tokens[from].space)) from -= 1;
      if (from < end && tokens[from] && !compoundPrev(tokens, from) && nameOk(from, end) && surnameEnd(tokens, from, c, 3) === end) {
        const entry = known(from, end);
        found.push({ from, to: end, name: entry?.name ?? plain(a, from, end), entry, short: end - from === 1 && !entry });
      }
    }
  }

  const places = lang ? placeNames(a, lang) : NO_PLACES;
  const people = resolve(found).filter((p) => !isByline(tokens, p.from) && (p.entry || !places.has(plain(a, p.from, p.to))));
  return withSurnames(a, c, people, free, published);
}

const NO_PLACES: ReadonlySet<string> = new Set();

/** Words that begin German place names ("Sankt Augustin", "Bad Homburg"): a given name after one is a place's. */
const GERMAN_PLACE_PREFIXES: ReadonlySet<string> = new Set(['sankt', 'st', 'bad', 'groß', 'klein', 'neu', 'alt', 'hohen', 'königs']);

/** II to XXXIX, after a given name; a lone "I" is too often the pronoun. */
const isRegnalNumber = (t: Token | undefined): boolean => !!t && t.space && !t.newline && t.upper && /^X{0,3}(?:IX|IV|V?I{0,3})$/.test(t.text) && t.text.length >= 2;

// Nouns of places, and the prepositions after them, before a place's name: "porto di Gioia Tauro".
const PLACE_NOUNS: Record<Lang, { nouns: ReadonlySet<string>; preps: ReadonlySet<string> }> = {
  fr: { nouns: new Set(['port', 'ville', 'commune', 'aéroport', 'gare', 'province', 'quartier', 'village']), preps: new Set(['de', 'du', 'd']) },
  en: { nouns: new Set(['port', 'city', 'town', 'village', 'airport', 'province', 'county', 'district', 'borough']), preps: new Set(['of']) },
  de: { nouns: new Set(['hafen', 'stadt', 'gemeinde', 'flughafen', 'provinz', 'ortschaft']), preps: new Set(['von']) },
  nl: { nouns: new Set(['haven', 'stad', 'gemeente', 'luchthaven', 'provincie', 'dorp']), preps: new Set(['van']) },
  it: { nouns: new Set(['porto', 'comune', 'città', 'aeroporto', 'stazione', 'provincia', 'terminal', 'località', 'paese', 'frazione']), preps: new Set(['di', 'del']) },
  es: { nouns: new Set(['puerto', 'ciudad', 'municipio', 'aeropuerto', 'provincia', 'localidad', 'pueblo']), preps: new Set(['de', 'del']) },
};

/**
 * Names the text gives to places ("il porto di Gioia Tauro", "the port of Dover"): a given name
 * that starts one ("Gioia") does not make it a person's, here or elsewhere in the text.
 */
function placeNames(a: Analysis, lang: Lang): ReadonlySet<string> {
  const { tokens } = a;
  const { nouns, preps } = PLACE_NOUNS[lang];
  let out: Set<string> | null = null;
  for (let i = 2; i < tokens.length; i++) {
    if (!preps.has(tokens[i - 1].norm) || !nouns.has(tokens[i - 2].norm) || !isNameWord(tokens[i])) continue;
    const end = capChainEnd(tokens, i, { maxWords: 3 });
    if (end > i) (out ??= new Set()).add(plain(a, i, end));
  }
  return out ?? NO_PLACES;
}

// A line that opens with "By", "Par", "Von", "di"… and a name is a byline left in the text; a
// name after "Photo :", "Foto:", "Bild:" is a photo credit. Neither is a person mentioned.
const BYLINE = new Set(['by', 'par', 'von', 'door', 'di', 'por', 'de', 'da', 'texte', 'text', 'testo', 'texto']);
const CREDIT = new Set(['photo', 'foto', 'bild', 'image', 'credit', 'crédit', 'crédits', 'credits', 'fotó', 'illustration']);

function isByline(tokens: readonly Token[], from: number): boolean {
  const prev = tokens[from - 1];
  if (prev && prev.newline && BYLINE.has(prev.norm)) return true;
  // A credit: "Photo : Agence X / Jean Dupont", on the same line, a few tokens back.
  for (let k = from - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const t = tokens[k];
    if (CREDIT.has(t.norm) && tokens[k + 1]?.norm === ':') return true;
    if (t.newline) break;
  }
  return false;
}

function resolve(found: FoundPerson[]): FoundPerson[] {
  // Known full names first, then longer spans.
  const rank = (p: FoundPerson) => (p.entry && !p.short ? 1 : 0);
  const sorted = [...found].sort((x, y) => rank(y) - rank(x) || y.to - y.from - (x.to - x.from) || x.from - y.from);
  const taken = new Set<number>();
  const kept: FoundPerson[] = [];
  for (const p of sorted) {
    let ok = true;
    for (let k = p.from; k < p.to && ok; k++) if (taken.has(k)) ok = false;
    if (!ok) continue;
    for (let k = p.from; k < p.to; k++) taken.add(k);
    kept.push(p);
  }
  return kept.sort((x, y) => x.from - y.from);
}

/**
 * Surname-only mentions of the people named in full: "Darmanin" after "Gérald Darmanin". A
 * surname found alone (after an office or honorific) takes the full name of the person named in
 * the text, or of the one person in `people.json` with that surname.
 */
function withSurnames(a: Analysis, c: CompiledPeople, people: FoundPerson[], free: (f: number, t: number) => boolean, published?: string): FoundPerson[] {
  const { tokens } = a;
  const bySurname = new TokenTrie<{ name: string; entry?: PersonEntry }>();
  const registered = new Set<string>();
  const register = (keys: string[], v: { name: string; entry?: PersonEntry }) => {
    const k = keys.join(' ');
    if (!keys.length || registered.has(k)) return;
    registered.add(k);
    bySurname.add(keys, v);
  };
  for (const p of people) {
    if (p.short) continue;
    const s = surnameKeys(p.name, c.given);
    register(s, p);
    // "Núñez Feijóo" → also "Feijóo", "Faki Mahamat" → also "Faki"; not "Le Pen" → "Pen".
    const words = s.filter((k) => /\p{L}/u.test(k));
    if (words.length === 2 && s.length === 2 && !c.particles.has(s[0])) {
      register([s[1]], p);
      register([s[0]], p);
    }
  }
  // Surname-only people found after an office: take the full name named elsewhere or in people.json.
  for (const p of people) {
    if (!p.short || p.entry) continue;
    const key = tokens[p.to - 1].norm;
    const inText = bySurname.matchAt(tokens, p.to - 1, byNorm, 4).find((m) => m.to === p.to);
    if (inText) {
      p.name = inText.values[0].name;
      p.entry = inText.values[0].entry;
      continue;
    }
    const gaz = pickByDate(c.surnames.get(key) ?? [], published);
    if (gaz) {
      p.name = gaz.name;
      p.entry = gaz;
      register([key], { name: gaz.name, entry: gaz });
    }
  }
  const taken = new Uint8Array(tokens.length);
  for (const p of people) for (let k = p.from; k < p.to; k++) taken[k] = 1;
  let lower: Set<string> | null = null;
  const lowercase = () => (lower ??= new Set(tokens.filter((x) => x.kind === 'word' && !x.cap).map((x) => x.norm)));
  const out = [...people];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (taken[i] || t.kind !== 'word' || compoundPrev(tokens, i)) continue;
    // A surname starts with a capital, or with a particle ("von der Leyen").
    if (!t.cap && !c.particles.has(t.norm)) continue;
    const m = bySurname.matchAt(tokens, i, byNorm, 4)[0];
    if (!m || !free(m.from, m.to) || isAttachedHyphen(tokens, m.to)) continue;
    let clash = false;
    for (let k = m.from; k < m.to; k++) if (taken[k]) clash = true;
    // The surname must stand alone: not followed by another capitalised word of a longer name.
    if (clash || (isNameWord(tokens[m.to]) && tokens[m.to].space && !tokens[m.to].newline)) continue;
    // "Early on, …": at the start of a sentence a surname that the text also writes in lower case
    // is an ordinary word.
    if (m.to - m.from === 1 && isSentenceStart(tokens, i) && lowercase().has(t.norm)) continue;
    out.push({ from: m.from, to: m.to, name: m.values[0].name, entry: m.values[0].entry, short: true });
    i = m.to - 1;
  }
  return out.sort((x, y) => x.from - y.from);
}

/** Of several people with one surname, the one in office at the publication date (else the only one). */
function pickByDate(list: PersonEntry[], published?: string): PersonEntry | undefined {
  if (list.length <= 1) return list[0];
  if (!published) return undefined;
  const day = published.slice(0, 10);
  const active = list.filter((p) => (p.roles ?? []).some((r) => (!r.from || r.from <= day) && (!r.to || day <= `${r.to}-31`)));
  return active.length === 1 ? active[0] : undefined;
}

function plain(a: Analysis, from: number, to: number): string {
  return a.text.slice(a.tokens[from].start, a.tokens[to - 1].end).replace(/\s+/g, ' ');
}

function toMention(a: Analysis, p: FoundPerson): Mention {
  const start = a.tokens[p.from].start;
  const end = a.tokens[p.to - 1].end;
  const m: Mention = { kind: 'person', start, end, text: a.text.slice(start, end), canonical: p.name };
  if (p.entry) m.entityId = p.entry.id;
  return m;
}
