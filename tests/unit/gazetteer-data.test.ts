import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { InstitutionsTable, NamesTable, PeopleTable, RolesTable } from '../../lib/detect/entities/tables';

// Checks the four gazetteer tables the entity detectors are compiled from. Every failure names the
// entry at fault, so a bad edit is found from the test output alone.

const DATA = join(__dirname, '../../lib/detect/data');
const load = <T>(name: string): T => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;

const institutions = load<InstitutionsTable>('institutions.json');
const people = load<PeopleTable>('people.json');
const roles = load<RolesTable>('roles.json');
const names = load<NamesTable>('names.json');

// Names whose leading article is part of the name itself (GUIDELINES: "unless the article is part
// of the name"): these are not flagged.
const ARTICLE_IN_NAME = new Set([
  'Die Linke', 'Die Grünen', 'Die PARTEI', 'Les Républicains', 'Les Verts', 'Les Écologistes', 'La France insoumise',
  'La République en marche', 'La Cimade', 'La Strada', 'The Left', 'The Greens', 'The Guardian', 'De Grønne',
  'De Nederlandsche Bank', 'El Pueblo', 'La Lega', 'Il Popolo della Libertà', 'La Croix-Rouge',
]);
// Case-insensitive except that an all-capital word is an acronym ("UN refugee agency"), not the article "un".
const LEADING_ARTICLE = /^(?!UN\b)(?:the|a|an|le|la|les|un|une|der|die|das|den|dem|het|een|il|lo|gli|el|los|las|l'|l’)(?:\s|(?<=')|(?<=’))/i;

/** Why `s` is not a normalised gazetteer string, or null when it is. */
function problem(s: unknown, opts: { article?: boolean } = {}): string | null {
  if (typeof s !== 'string') return 'not a string';
  if (s.length === 0) return 'empty';
  if (s !== s.normalize('NFC')) return 'not NFC';
  if (s.includes('’')) return "’ instead of '";
  if (/\s{2}/.test(s)) return 'double space';
  if (s !== s.trim()) return 'leading/trailing space';
  if (/[\u00a0\u202f\t\n]/.test(s)) return 'no-break space or control character';
  if (opts.article !== false && LEADING_ARTICLE.test(s) && !ARTICLE_IN_NAME.has(s)) return 'leading article';
  return null;
}

/** Collects `where: problem` lines for every bad string. */
function badStrings(items: Iterable<[string, unknown, { article?: boolean }?]>): string[] {
  const out: string[] = [];
  for (const [where, s, opts] of items) {
    const p = problem(s, opts);
    if (p) out.push(`${where}: ${p} (${JSON.stringify(s)})`);
  }
  return out;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Matching key of a name: what the detectors compare (case and apostrophes folded). */
const key = (s: string) => s.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

describe('institutions.json', () => {
  const entries = institutions.entries;

  test('has a version, a source and at least 300 institutions', () => {
    expect(institutions.version).toBeTruthy();
    expect(institutions.source).toBeTruthy();
    expect(entries.length).toBeGreaterThanOrEqual(300);
  });

  test('ids are unique', () => {
    expect(duplicates(entries.map((e) => e.id))).toEqual([]);
  });

  test('every entry has a canonical name, a kind, a country and at least one label', () => {
    const bad = entries
      .filter((e) => !e.canonical || !e.kind || !e.country || !e.labels || Object.values(e.labels).filter(Boolean).length === 0)
      .map((e) => e.id);
    expect(bad).toEqual([]);
  });

  test('parents exist', () => {
    const ids = new Set(entries.map((e) => e.id));
    const bad = entries.filter((e) => e.parent != null && !ids.has(e.parent)).map((e) => `${e.id} → ${e.parent}`);
    expect(bad).toEqual([]);
  });

  test('wikidata ids look like Q123', () => {
    const bad = entries.filter((e) => e.wikidata !== undefined && !/^Q\d+$/.test(e.wikidata)).map((e) => `${e.id}: ${e.wikidata}`);
    expect(bad).toEqual([]);
  });

  test('strings are normalised (NFC, straight apostrophe, single spaces, no leading article)', () => {
    const items: [string, unknown, { article?: boolean }?][] = [];
    for (const e of entries) {
      items.push([`${e.id} canonical`, e.canonical]);
      for (const [lang, label] of Object.entries(e.labels ?? {})) items.push([`${e.id} labels.${lang}`, label]);
      for (const [lang, list] of Object.entries(e.aliases ?? {})) for (const a of list ?? []) items.push([`${e.id} aliases.${lang}`, a]);
      for (const a of e.acronyms ?? []) items.push([`${e.id} acronym`, a]);
      for (const a of e.formerNames ?? []) items.push([`${e.id} formerName`, a]);
    }
    expect(badStrings(items)).toEqual([]);
  });

  test('no label, alias or acronym names two entries', () => {
    // Labels and aliases compare case-insensitively per language; acronyms case-sensitively.
    const owners = new Map<string, Set<string>>();
    const claim = (k: string, id: string) => {
      const set = owners.get(k) ?? new Set<string>();
      set.add(id);
      owners.set(k, set);
    };
    for (const e of entries) {
      for (const [lang, label] of Object.entries(e.labels ?? {})) if (label) claim(`${lang}:${key(label)}`, e.id);
      for (const [lang, list] of Object.entries(e.aliases ?? {})) for (const a of list ?? []) claim(`${lang}:${key(a)}`, e.id);
      for (const a of e.acronyms ?? []) claim(`acronym:${a}`, e.id);
    }
    const bad = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k} → ${[...ids].join(', ')}`);
    expect(bad).toEqual([]);
  });
});

describe('people.json', () => {
  const entries = people.entries;
  const institutionIds = new Set(institutions.entries.map((e) => e.id));

  test('has a version and a source; ids are unique', () => {
    expect(people.version).toBeTruthy();
    expect(people.source).toBeTruthy();
    expect(duplicates(entries.map((e) => e.id))).toEqual([]);
  });

  test('names are present and normalised', () => {
    const items: [string, unknown, { article?: boolean }?][] = [];
    for (const e of entries) {
      items.push([`${e.id} name`, e.name]);
      for (const a of e.aliases ?? []) items.push([`${e.id} alias`, a]);
    }
    expect(badStrings(items)).toEqual([]);
  });

  test('no name or alias names two people', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of entries) {
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const set = owners.get(key(n)) ?? new Set<string>();
        set.add(e.id);
        owners.set(key(n), set);
      }
    }
    const bad = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k} → ${[...ids].join(', ')}`);
    expect(bad).toEqual([]);
  });

  test('roles point to institutions that exist', () => {
    const bad: string[] = [];
    for (const e of entries) {
      for (const r of e.roles ?? []) {
        if (!r.role) bad.push(`${e.id}: role without a name`);
        if (r.institutionId && !institutionIds.has(r.institutionId)) bad.push(`${e.id}: ${r.institutionId}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('roles.json', () => {
  const entries = roles.entries;

  test('has a version and a source; ids are unique', () => {
    expect(roles.version).toBeTruthy();
    expect(roles.source).toBeTruthy();
    expect(duplicates(entries.map((e) => e.id))).toEqual([]);
  });

  test('every role has a canonical name and at least one form', () => {
    const bad = entries.filter((e) => !e.canonical || Object.values(e.forms ?? {}).flat().length === 0).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  test('forms and nationality adjectives are normalised', () => {
    const items: [string, unknown, { article?: boolean }?][] = [];
    for (const e of entries) {
      items.push([`${e.id} canonical`, e.canonical]);
      for (const [lang, list] of Object.entries(e.forms ?? {})) for (const f of list ?? []) items.push([`${e.id} forms.${lang}`, f]);
    }
    for (const [lang, table] of Object.entries(roles.nationalities ?? {})) {
      for (const adj of Object.keys(table ?? {})) items.push([`nationalities.${lang}`, adj]);
    }
    expect(badStrings(items)).toEqual([]);
  });

  test('a form in one language belongs to one role', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of entries) {
      for (const [lang, list] of Object.entries(e.forms ?? {})) {
        for (const f of list ?? []) {
          const k = `${lang}:${key(f)}`;
          const set = owners.get(k) ?? new Set<string>();
          set.add(e.id);
          owners.set(k, set);
        }
      }
    }
    const bad = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k} → ${[...ids].join(', ')}`);
    expect(bad).toEqual([]);
  });

  test('nationality adjectives map to country codes', () => {
    const bad: string[] = [];
    for (const [lang, table] of Object.entries(roles.nationalities ?? {})) {
      for (const [adj, code] of Object.entries(table ?? {})) if (!/^[A-Z]{2}$/.test(code)) bad.push(`${lang}:${adj} → ${code}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('names.json', () => {
  test('has a version, a source and lists of normalised strings', () => {
    expect(names.version).toBeTruthy();
    expect(names.source).toBeTruthy();
    const items: [string, unknown, { article?: boolean }?][] = [];
    for (const g of names.given) items.push(['given', g]);
    for (const g of names.ambiguous) items.push(['ambiguous', g]);
    for (const [lang, list] of Object.entries(names.honorifics ?? {})) for (const h of list ?? []) items.push([`honorifics.${lang}`, h, { article: false }]);
    // Particles are articles and prepositions by nature ("de", "van der", "del").
    for (const p of names.particles) items.push(['particle', p, { article: false }]);
    expect(badStrings(items)).toEqual([]);
  });

  test('no duplicates in the given names', () => {
    expect(duplicates(names.given)).toEqual([]);
    expect(duplicates(names.ambiguous)).toEqual([]);
  });
});
