import type { Lang } from '../types';

/**
 * Shapes of the gazetteer tables under `lib/detect/data/`. The detectors are built from a
 * `Tables` value, so tests can hand them a small inline table instead of the shipped data.
 */

export type InstitutionEntry = {
  id: string;
  /** Kind of body: `eu-agency`, `ministry`, `ngo`, `party`, `court`… */
  kind: string;
  /** ISO 3166 alpha-2, `EU` or `INT`. */
  country: string;
  parent?: string | null;
  canonical: string;
  labels: Partial<Record<Lang, string>>;
  aliases?: Partial<Record<Lang, string[]>>;
  /** Matched case-sensitively. */
  acronyms?: string[];
  formerNames?: string[];
  wikidata?: string;
};

export type InstitutionsTable = { version: string | number; source: string; wikidataPolicy?: string; entries: InstitutionEntry[] };

export type PersonRole = { role: string; institutionId?: string; from?: string; to?: string };

export type PersonEntry = { id: string; name: string; aliases?: string[]; country?: string; roles?: PersonRole[] };

export type PeopleTable = { version: string | number; source: string; entries: PersonEntry[] };

export type RoleEntry = {
  id: string;
  canonical: string;
  /** Kind of body the office belongs to (`ministry`, `government`, `city`…). */
  institutionKind?: string;
  forms: Partial<Record<Lang, string[]>>;
  /** A bare form ("le ministre", "the president") is not a role without a qualifier. */
  generic?: boolean;
};

export type RolesTable = {
  version: string | number;
  source: string;
  entries: RoleEntry[];
  /** Nationality adjectives (all inflections) per language → country code. */
  nationalities: Partial<Record<Lang, Record<string, string>>>;
};

export type NamesTable = {
  version: string | number;
  source: string;
  /** Given names that start a person's name. */
  given: string[];
  /** Given names that are also common words or places: they need more evidence. */
  ambiguous: string[];
  honorifics: Partial<Record<Lang, string[]>>;
  /** Lower-case name particles (`von`, `de`, `van der`…). */
  particles: string[];
};

export type Tables = {
  institutions: InstitutionsTable;
  people: PeopleTable;
  roles: RolesTable;
  names: NamesTable;
};
