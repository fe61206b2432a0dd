import { describe, expect, test } from 'vitest';
import { findAcronymDefinitions } from '../../lib/detect/entities/acronyms';
import { createInstitutionDetector } from '../../lib/detect/entities/institutions';
import { createPeopleDetector } from '../../lib/detect/entities/people';
import { createRoleDetector } from '../../lib/detect/entities/roles';
import type { Tables } from '../../lib/detect/entities/tables';
import { byNorm, tokenize } from '../../lib/detect/entities/tokenize';
import { LazyTokenTrie } from '../../lib/detect/entities/trie';
import { stemDe } from '../../lib/detect/entities/words';

// The building blocks of the entity detectors, and the detectors built from small inline tables
// (the test seam: `create…Detector(tables)`), independent of the shipped gazetteer.

describe('tokenize', () => {
  test('splits apostrophes and hyphens and keeps exact offsets', () => {
    const text = "l’Union, EU-Staaten  Straße\n\nD66";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['l', '’', 'Union', ',', 'EU', '-', 'Staaten', 'Straße', 'D66']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[1].norm).toBe("'");
    expect(tokens[7].norm).toBe('strasse');
  });

  test('flags capitals, spaces and line breaks', () => {
    const [l, apo, union, , eu, hyphen, staaten, strasse, d66] = tokenize("l’Union, EU-Staaten  Straße\n\nD66");
    expect([l.cap, union.cap, eu.upper, union.upper, d66.upper]).toEqual([false, true, true, false, true]);
    expect([apo.space, union.space, hyphen.space, staaten.space, strasse.space]).toEqual([false, false, false, false, true]);
    expect([strasse.newline, d66.newline]).toEqual([false, true]);
  });

  test('numbers, lone surrogates and symbols do not break it', () => {
    const tokens = tokenize('12 000 \ud800 😀 é\u0301');
    expect(tokens[0].kind).toBe('num');
    expect(tokens.map((t) => t.text).join('')).toBe('12000\ud800😀é\u0301');
  });

  test('German stems ignore the usual endings', () => {
    expect(stemDe('bundesamts')).toBe(stemDe('bundesamt'));
    expect(stemDe('europäischen')).toBe(stemDe('europäische'));
    expect(stemDe('der')).toBe('der');
  });
});

describe('LazyTokenTrie', () => {
  const trie = new LazyTokenTrie<string>();
  trie.addName('Commission européenne', 'ec');
  trie.addName('Commission', 'short');
  trie.addName("Conseil de l'Europe", 'coe');

  test('reports every name starting at a token, longest first', () => {
    const tokens = tokenize('La Commission européenne et le Conseil de l’Europe');
    expect(trie.matchAt(tokens, 1, byNorm).map((m) => m.values[0])).toEqual(['ec', 'short']);
    expect(trie.matchAt(tokens, 5, byNorm)[0]).toMatchObject({ from: 5, to: 10, values: ['coe'] });
    expect(trie.matchAt(tokens, 0, byNorm)).toEqual([]);
  });

  test('a name does not run across a line break', () => {
    const tokens = tokenize('Commission\n\neuropéenne');
    expect(trie.matchAt(tokens, 0, byNorm).map((m) => m.values[0])).toEqual(['short']);
  });
});

describe('acronyms defined in the text', () => {
  const defs = (text: string) =>
    findAcronymDefinitions(tokenize(text)).map((d) => [d.acronym, tokenize(text).slice(d.from, d.to).map((t) => t.text).join(' ')]);

  test('finds the long form whose initials spell the acronym', () => {
    expect(defs('la Commission nationale de contrôle des techniques de renseignement (CNCTR) a statué')).toEqual([
      ['CNCTR', 'Commission nationale de contrôle des techniques de renseignement'],
    ]);
    expect(defs('Die Gewerkschaft der Polizei (GdP) warnte.')).toEqual([['GdP', 'Gewerkschaft der Polizei']]);
    expect(defs("selon l'Office français de protection des réfugiés et apatrides (Ofpra).")).toEqual([
      ['Ofpra', 'Office français de protection des réfugiés et apatrides'],
    ]);
  });

  test('a parenthesised word that the words before do not spell is not a definition', () => {
    expect(defs('Il vit dans la capitale (Paris) depuis 2010.')).toEqual([]);
    expect(defs('The agency (PDF) published a report.')).toEqual([]);
  });
});

// A tiny gazetteer: what the detectors do follows from the tables they are given.
const TABLES: Tables = {
  institutions: {
    version: 'test',
    source: 'inline',
    entries: [
      { id: 'eu.frontex', kind: 'eu-agency', country: 'EU', canonical: 'Frontex', labels: { en: 'Frontex' }, acronyms: [], wikidata: 'Q1423536' },
      { id: 'it.lega', kind: 'party', country: 'IT', canonical: 'Lega', labels: { it: 'Lega' }, aliases: { it: ['Lega Nord'] } },
      { id: 'un.iom', kind: 'un-agency', country: 'INT', canonical: 'IOM', labels: { fr: 'Organisation internationale pour les migrations' }, acronyms: ['OIM', 'IOM'] },
    ],
  },
  people: {
    version: 'test',
    source: 'inline',
    entries: [{ id: 'person.ada-test', name: 'Ada Testa', roles: [{ role: 'Mayor of Testville' }] }],
  },
  roles: {
    version: 'test',
    source: 'inline',
    entries: [
      { id: 'mayor', canonical: 'Mayor', institutionKind: 'city', forms: { it: ['sindaco', 'sindaca'], fr: ['maire'] } },
      { id: 'director-general', canonical: 'Director-General', institutionKind: 'agency', forms: { fr: ['directeur général', 'directrice générale'] } },
      { id: 'minister', canonical: 'Minister', institutionKind: 'government', generic: true, forms: { fr: ['ministre'] } },
    ],
    nationalities: { fr: { polonais: 'PL', polonaise: 'PL' }, it: { polacco: 'PL' } },
  },
  names: {
    version: 'test',
    source: 'inline',
    given: ['Mario', 'Ada'],
    ambiguous: ['Rosa'],
    honorifics: { it: ['signor', 'signora'], fr: ['Mme', 'M.'] },
    particles: ['di', 'de'],
  },
};

describe('detectors built from inline tables', () => {
  const institutions = createInstitutionDetector(TABLES);
  const roles = createRoleDetector(TABLES);
  const people = createPeopleDetector(TABLES);

  test('institutions: one-word labels need their capital, acronyms their exact case', () => {
    const found = institutions('La Lega Nord e la lega calcio; Frontex, OIM e Oim.', { lang: 'it' });
    expect(found.map((m) => [m.text, m.entityId])).toEqual([
      ['Lega Nord', 'it.lega'],
      ['Frontex', 'eu.frontex'],
      ['OIM', 'un.iom'],
    ]);
  });

  test('roles: a generic title needs a qualifier; a complement names the body', () => {
    const found = roles("Le ministre est venu. La ministre polonaise et la directrice générale de l'OIM aussi.", { lang: 'fr' });
    expect(found.map((m) => [m.text, m.canonical, m.institutionId])).toEqual([
      ['ministre polonaise', 'Minister (Poland)', undefined],
      ["directrice générale de l'OIM", 'Director-General of IOM', 'un.iom'],
    ]);
  });

  test('people: given names, honorifics, offices and surnames', () => {
    const text = 'Il sindaco Mario Rossi ha incontrato Ada Testa. Rossi e la signora Testa hanno parlato con Rosa Bianchi.';
    const found = people(text, { lang: 'it' });
    expect(found.map((m) => [m.text, m.canonical])).toEqual([
      ['Mario Rossi', 'Mario Rossi'],
      ['Ada Testa', 'Ada Testa'],
      ['Rossi', 'Mario Rossi'],
      ['signora Testa', 'Ada Testa'],
      ['Rosa Bianchi', 'Rosa Bianchi'],
    ]);
  });

  test('an ambiguous given name at the start of a sentence is not a name', () => {
    expect(people('Rosa Bianchi è arrivata.', { lang: 'it' })).toEqual([]);
  });
});
