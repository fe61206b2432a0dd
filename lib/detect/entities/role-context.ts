import countriesData from '../data/entities-countries.json';
import type { Lang } from '../types';
import { nationalityAt, type Lexicon } from './lexicon';
import type { InstitutionEntry, InstitutionsTable, RoleEntry } from './tables';
import type { Token } from './tokenize';

/**
 * Which country an office belongs to when the role phrase itself does not say, and which body
 * it belongs to: "ministre de l'Intérieur" in a French article is the French interior minister
 * (fr.ministry-interior), unless the sentence has just named another nationality ("Le Premier
 * ministre grec … son ministre des Migrations").
 */

type CountryInfo = { name: string; lang?: Lang };
const COUNTRIES = (countriesData as unknown as { countries: Record<string, CountryInfo> }).countries;

const LANG_COUNTRY: Record<Lang, string> = { fr: 'FR', en: 'GB', de: 'DE', nl: 'NL', it: 'IT', es: 'ES' };

const ENGLISH_COUNTRY = new Map(Object.entries(COUNTRIES).map(([code, c]) => [c.name.toLowerCase(), code]));

export function countryName(code: string): string | undefined {
  return COUNTRIES[code]?.name;
}

/** Offices of a national government: the article's country is a fair guess for them. */
export function isNationalOffice(entry: RoleEntry): boolean {
  const k = entry.institutionKind ?? '';
  return k.startsWith('ministry') || k === 'government' || k === 'head-of-state';
}

/**
 * Country named just before token `i` in the same sentence: a nationality adjective, or in English
 * a country name ("Greece's migration minister"). Null when the sentence names none.
 */
export function countryInSentence(tokens: readonly Token[], i: number, lex: Lexicon): string | null {
  for (let k = i - 1, n = 0; k >= 0 && n < 40; k--, n++) {
    const t = tokens[k];
    if (t.kind === 'punct' && (t.norm === '.' || t.norm === '!' || t.norm === '?')) return null;
    if (t.kind !== 'word') continue;
    const nat = nationalityAt(lex, tokens, k);
    if (nat && nat.to <= i) return nat.country;
    if (lex.lang === 'en' && t.cap) {
      const code = ENGLISH_COUNTRY.get(t.norm);
      if (code) return code;
    }
    if (t.newline) return null;
  }
  return null;
}

export function languageCountry(lang: Lang): string {
  return LANG_COUNTRY[lang];
}

// Which ministries an office heads, found by the words of the ministries' English names.
const MINISTRY_WORDS: Record<string, RegExp> = {
  'ministry-interior': /\b(interior|home office|home affairs)\b/i,
  'ministry-foreign': /\b(foreign|fcdo)\b/i,
  'ministry-justice': /\bjustice\b/i,
  'ministry-defence': /\b(defen[cs]e|armed forces)\b/i,
  'ministry-migration': /\b(migration|immigration|asylum)\b/i,
  'ministry-finance': /\b(financ\w*|treasury|economy)\b/i,
  'ministry-labour': /\b(labour|social)\b/i,
  'ministry-transport': /\btransport\b/i,
};

const EU_BODIES: Record<string, string> = {
  'eu-commission': 'eu.commission',
  'european-parliament': 'eu.parliament',
  'european-council': 'eu.european-council',
};

const ministryCache = new WeakMap<InstitutionsTable, Map<string, InstitutionEntry | null>>();

/** The body an office of `entry` in `country` belongs to, when the gazetteer has it. */
export function impliedInstitution(table: InstitutionsTable, entry: RoleEntry, country: string | undefined): InstitutionEntry | undefined {
  const kind = entry.institutionKind ?? '';
  if (EU_BODIES[kind]) return table.entries.find((e) => e.id === EU_BODIES[kind]);
  const words = MINISTRY_WORDS[kind];
  if (!words || !country) return undefined;
  let cache = ministryCache.get(table);
  if (!cache) {
    cache = new Map();
    ministryCache.set(table, cache);
  }
  const key = `${kind}|${country}`;
  if (!cache.has(key)) {
    const hit = table.entries.find(
      (e) => e.kind === 'ministry' && e.country === country && (words.test(e.canonical) || words.test(e.labels.en ?? '')),
    );
    cache.set(key, hit ?? null);
  }
  return cache.get(key) ?? undefined;
}
