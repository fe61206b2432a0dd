import type { Lang } from '../types';
import type { FoundInstitution } from './institutions';
import { capChainEnd, isMonthOrDay } from './names';
import type { RoleEntry } from './tables';
import { isSentenceStart, type Token } from './tokenize';

/**
 * What follows a title and belongs to it: the body or place the office is of ("maire de Calais",
 * "executive director of Frontex"), and a minister's portfolios, one or several ("ministre de
 * l'Économie, des Finances et de l'Industrie", "ministro per gli Affari regionali").
 */

// Prepositions (and articles after them) that attach the body or place an office is of.
export const OF: Record<Lang, { preps: string[]; articles: string[] }> = {
  fr: { preps: ['de', 'du', 'des', 'd'], articles: ['la', 'l', 'le', 'les'] },
  en: { preps: ['of'], articles: ['the'] },
  de: { preps: ['des', 'der', 'von'], articles: [] },
  nl: { preps: ['van'], articles: ['de', 'het'] },
  it: { preps: ['di', 'del', 'della', 'dello', 'dell', 'dei', 'degli', 'delle', 'd'], articles: ['la', 'l', 'il', 'lo'] },
  es: { preps: ['de', 'del'], articles: ['la', 'el', 'los', 'las'] },
};

export type Complement = { to: number; body?: FoundInstitution; text: string };

/** "de Calais", "of Frontex", "della Lega", "of the EU border agency", "della Sea-Watch 3". */
export function complement(tokens: readonly Token[], j: number, lang: Lang, startsAt: ReadonlyMap<number, FoundInstitution>, given: ReadonlySet<string>): Complement | null {
  const { preps, articles } = OF[lang];
  const t = tokens[j];
  if (lang === 'it' && t && tokens[j - 1]?.norm === 'regione' && tokens[j - 1].cap) return regionName(tokens, j, given);
  if (!t || !t.space || t.newline || !preps.includes(t.norm)) return null;
  let p = j + 1;
  if (tokens[p]?.norm === "'") p += 1;
  if (tokens[p] && articles.includes(tokens[p].norm)) {
    p += 1;
    if (tokens[p]?.norm === "'") p += 1;
  }
  const body = startsAt.get(p);
  if (body) return { to: body.to, body, text: body.canonical };
  // A place is a word or two ("Calais", "Den Haag", "Boulogne-sur-Mer", "Sea-Watch 3"); a longer
  // run is a place followed by a name ("Burgemeester van Westerwolde Jaap Velema"). German
  // capitalises every noun, so its genitive complement may be any noun: "Vizepräsidentin des Gerichts".
  const end = capChainEnd(tokens, p, { maxWords: 2, numbers: true, stop: given });
  if (end <= p) return null;
  return { to: end, text: tokens.slice(p, end).map((x) => x.text).join(' ').replace(/ - /g, '-') };
}

/**
 * Italian: the region's name right after "Regione" ("presidente della Regione Sardegna"), up to
 * three words ("Friuli Venezia Giulia"); a given name that a capitalised word follows is a person.
 */
function regionName(tokens: readonly Token[], j: number, given: ReadonlySet<string>): Complement | null {
  let end = j;
  while (end - j < 3) {
    const t = tokens[end];
    if (!t || t.kind !== 'word' || !t.cap || !t.space || t.newline) break;
    if (given.has(t.norm) && tokens[end + 1]?.cap && tokens[end + 1].space) break;
    end += 1;
  }
  return end > j ? { to: end, text: tokens.slice(j, end).map((x) => x.text).join(' ') } : null;
}

/** Does the title's own form name its portfolio after a preposition ("ministre de l'Intérieur")? */
export function hasPreposition(tokens: readonly Token[], from: number, to: number, lang: Lang): boolean {
  for (let k = from + 1; k < to - 1; k++) if (OF[lang].preps.includes(tokens[k].norm) || FOR[lang].preps.includes(tokens[k].norm)) return true;
  return false;
}

/** Ministers and secretaries of state hold portfolios, which may be several. */
export const isMinister = (entry: RoleEntry): boolean => /^(minister|secretary-of-state|undersecretary)/.test(entry.id);

// What introduces a minister's portfolio besides OF: "minister for Europe", "ministro per gli
// Affari regionali", "minister voor Asiel", "ministre chargé du Budget" (the participle then OF).
const FOR: Record<Lang, { preps: string[]; articles: string[] }> = {
  fr: { preps: ['chargé', 'chargée', 'délégué', 'déléguée'], articles: [] },
  en: { preps: ['for'], articles: ['the'] },
  de: { preps: ['für'], articles: [] },
  nl: { preps: ['voor'], articles: [] },
  it: { preps: ['per'], articles: ['gli', 'i', 'il', 'la', 'l', 'le', 'lo'] },
  es: { preps: ['para'], articles: ['la', 'el', 'los', 'las'] },
};

/** A minister's first portfolio introduced by FOR rather than OF: "per gli Affari regionali". */
export function portfolio(tokens: readonly Token[], j: number, lang: Lang, startsAt: ReadonlyMap<number, FoundInstitution>, given: ReadonlySet<string>): Complement | null {
  const t = tokens[j];
  if (!t || !t.space || t.newline || !FOR[lang].preps.includes(t.norm)) return null;
  // French: the participle is followed by OF ("chargé du Budget", "déléguée chargée de l'Europe").
  if (lang === 'fr') {
    const k = tokens[j + 1]?.norm === 'chargé' || tokens[j + 1]?.norm === 'chargée' ? j + 2 : j + 1;
    return complement(tokens, k, lang, startsAt, given);
  }
  let p = j + 1;
  if (tokens[p] && FOR[lang].articles.includes(tokens[p].norm)) p += 1;
  if (tokens[p]?.norm === "'") p += 1;
  const body = startsAt.get(p);
  if (body) return { to: body.to, body, text: body.canonical };
  const end = portfolioItemEnd(tokens, p, lang, given);
  return end > p ? { to: end, text: tokens.slice(p, end).map((x) => x.text).join(' ') } : null;
}

// Joins a minister's portfolios, and words that may start one after the join.
const AND: Record<Lang, string[]> = { fr: ['et'], en: ['and'], de: ['und'], nl: ['en'], it: ['e', 'ed'], es: ['y', 'e'] };
const LINK: Record<Lang, string[]> = {
  fr: ['de', 'des', 'du', 'd', 'la', 'l', 'le', 'les'],
  en: ['for', 'of', 'the'],
  de: ['für', 'der', 'des', 'die', 'das'],
  nl: ['voor', 'van', 'de', 'het'],
  it: ['per', 'di', 'del', 'della', 'dello', 'dell', 'dei', 'degli', 'delle', 'd', 'gli', 'i', 'il', 'la', 'l', 'le', 'lo'],
  es: ['de', 'del', 'la', 'el', 'los', 'las'],
};
// Inside one portfolio, a preposition may join two capitalised words: "Relaciones con las Cortes".
const WITHIN: Record<Lang, string[]> = { fr: ['de', 'des', 'du', 'avec'], en: ['with', 'of'], de: [], nl: ['met', 'van'], it: ['con', 'di', 'del', 'della'], es: ['con', 'de', 'del'] };

/**
 * End of one portfolio starting at capitalised token `p`: its capitalised words, a preposition
 * joining two of them ("Relaciones con las Cortes"), and a lower-case adjective that ends it
 * ("Comptes publics", "Affari regionali") when the title goes on or stops right after it.
 */
function portfolioItemEnd(tokens: readonly Token[], p: number, lang: Lang, given: ReadonlySet<string>): number {
  let end = capChainEnd(tokens, p, { maxWords: 3, stop: given });
  if (end <= p) return p;
  for (;;) {
    const prep = tokens[end];
    if (!prep || !prep.space || !WITHIN[lang].includes(prep.norm)) break;
    let k = end + 1;
    if (tokens[k] && LINK[lang].includes(tokens[k].norm)) k += 1;
    if (tokens[k]?.norm === "'") k += 1;
    const next = capChainEnd(tokens, k, { maxWords: 3, stop: given });
    if (next <= k) break;
    end = next;
  }
  return adjectiveEnd(tokens, end, lang);
}

// Lower-case words that end a sentence after a title without qualifying it.
const NOT_ADJECTIVES = new Set([
  'hier', 'aujourd', 'demain', 'yesterday', 'today', 'tomorrow', 'gisteren', 'vandaag', 'morgen',
  'ieri', 'oggi', 'domani', 'ayer', 'hoy', 'mañana', 'gestern', 'heute', 'également', 'aussi', 'anche', 'también', 'ook',
]);

// Punctuation after which a title goes on or ends (a full stop is not among them).
const CLOSERS: ReadonlySet<string> = new Set([',', ';', ')', ':']);

/**
 * Past a portfolio, the lower-case adjective that ends it ("Comptes publics", "Affari regionali")
 * when the title goes on or stops right after it: not "ministre de la Justice a déclaré", nor a
 * day or an adverb ("ministre de la Justice lundi."). English and German put adjectives first.
 */
export function adjectiveEnd(tokens: readonly Token[], end: number, lang: Lang): number {
  const adj = tokens[end];
  const after = tokens[end + 1];
  if (!adj || adj.kind !== 'word' || adj.cap || !adj.space || adj.newline || lang === 'en' || lang === 'de') return end;
  if (isMonthOrDay(adj) || NOT_ADJECTIVES.has(adj.norm) || OF[lang].preps.includes(adj.norm) || AND[lang].includes(adj.norm)) return end;
  // Not before a full stop: "la ministra de Hacienda respondió."
  const closes = !after || after.newline || CLOSERS.has(after.norm) || AND[lang].includes(after.norm);
  return closes ? end + 1 : end;
}

// The portfolios after the first are read without stopping at given names: `stops` has vetted the first word.
const NO_STOP: ReadonlySet<string> = new Set();

/**
 * Past a minister's first portfolio, the others: "ministre de l'Économie, des Finances et de
 * l'Industrie", "ministra de Transportes, Movilidad y Agenda Urbana". Each is joined by a comma
 * or "and" and starts with a capital; one after a bare comma ("Movilidad") only counts when an
 * "and" closes the list, so that "ministro del Interior, Fernando Grande-Marlaska" ends at the
 * comma. `stops(k)` says a body, a person's given name or another title starts at token k.
 */
export function furtherPortfolios(tokens: readonly Token[], to: number, lang: Lang, stops: (k: number) => boolean): number {
  if (lang === 'de') return to;
  let end = to;
  let pending = to;
  for (;;) {
    let k = pending;
    const sep = tokens[k];
    if (!sep || sep.newline) break;
    let joined = false;
    if (sep.norm === ',') {
      k += 1;
      if (AND[lang].includes(tokens[k]?.norm ?? '')) { k += 1; joined = true; }
    } else if (AND[lang].includes(sep.norm)) {
      k += 1;
      joined = true;
    } else break;
    let linked = false;
    while (tokens[k] && LINK[lang].includes(tokens[k].norm)) { k += 1; linked = true; if (tokens[k]?.norm === "'") k += 1; }
    const w = tokens[k];
    if (!w || w.kind !== 'word' || !w.cap || w.newline || isSentenceStart(tokens, k) || stops(k)) break;
    const itemEnd = portfolioItemEnd(tokens, k, lang, NO_STOP);
    if (itemEnd <= k) break;
    pending = itemEnd;
    // A bare comma joins a portfolio only in a list that "and" closes.
    if (joined || linked) end = itemEnd;
  }
  return end;
}

