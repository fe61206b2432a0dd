import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { caseClass, caseless } from '../../lib/detect/case-fold';
import institutions from '../../lib/detect/data/institutions.json';
import { createInstitutionDetector } from '../../lib/detect/entities/institutions';
import { buildNameIndex, nameIndexFile } from '../../lib/detect/entities/name-index';
import type { InstitutionsTable, Tables } from '../../lib/detect/entities/tables';
import { byNorm, tokenize } from '../../lib/detect/entities/tokenize';
import { LazyTokenTrie, type PendingName } from '../../lib/detect/entities/trie';
import { SUPPORTED_LANGS } from '../../lib/detect/types';
import { DEFAULT_TABLES } from '../../lib/detect/entities/default-tables';

// How the detector's tables are compiled for a fast first call: case-insensitive word lists
// spelt without the `i` flag, the gazetteer's first-key index built ahead, and tries that ask
// that shared index for names instead of holding a copy per language.

describe('caseless word lists', () => {
  // Every code point of the Basic Multilingual Plane but the surrogates, in one string.
  const bmp = Array.from({ length: 0x10000 }, (_, c) => (c >= 0xd800 && c <= 0xdfff ? ' ' : String.fromCharCode(c))).join('');
  const matches = (re: RegExp) => [...bmp.matchAll(re)].map((m) => m.index).join(',');
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

  test('each letter of the date and number-word tables matches exactly what /iu matches', () => {
    const files = ['fr', 'en', 'de', 'nl', 'it', 'es'].map((l) => `lib/detect/data/dates-${l}.json`).concat('lib/detect/data/figures-number-words.json');
    const letters = new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/\p{L}/gu) ?? []));
    expect(letters.size).toBeGreaterThan(40);
    for (const ch of letters) {
      expect(matches(new RegExp(caseClass(ch), 'gu')), ch).toBe(matches(new RegExp(escape(ch), 'giu')));
    }
  });

  test('Unicode folding beyond upper and lower case is kept', () => {
    expect(new RegExp(`^${caseless('kassel')}$`, 'u').test('\u212aa\u017f\u017fel')).toBe(true);
    expect(new RegExp(`^${caseless('straße')}$`, 'u').test('STRA\u1e9eE')).toBe(true);
    expect(new RegExp(`^${caseless('mai')}$`, 'u').test('Mai')).toBe(true);
    expect(new RegExp(`^${caseless('mai')}$`, 'u').test('ma')).toBe(false);
    expect(caseless('1er.')).toBe('1[eE][rR].');
  });
});

describe('gazetteer name index', () => {
  test('the shipped index is up to date (regenerate: npx tsx scripts/build-gazetteer-index.ts)', () => {
    const file = readFileSync('lib/detect/data/institutions-index.json', 'utf8');
    expect(file).toBe(nameIndexFile(institutions as unknown as InstitutionsTable));
  });

  test('files every entry under the first word of each of its names, in any language', () => {
    const table: InstitutionsTable = {
      version: 1,
      source: 'test',
      entries: [
        { id: 'a', kind: 'ministry', country: 'FR', canonical: 'A', labels: { fr: "Ministère de l'Intérieur", en: 'Interior Ministry' }, acronyms: ['MI'] },
        { id: 'b', kind: 'party', country: 'DE', canonical: 'B', labels: { de: 'Die Linke' }, aliases: { en: ['Left Party'] } },
      ],
    };
    const index = buildNameIndex(table);
    expect(Object.fromEntries(index.words)).toEqual({ ministère: [0], interior: [0], die: [1], linke: [1], left: [1] });
    expect(Object.fromEntries(index.acronyms)).toEqual({ MI: [0] });
  });

  test('a table other than the shipped one is matched through its own index, in every language', () => {
    const table: InstitutionsTable = {
      version: 1,
      source: 'test',
      entries: [{ id: 'x.agency', kind: 'agency', country: 'EU', canonical: 'Xagency', labels: { en: 'Xylo Agency', fr: 'Agence Xylo' }, acronyms: ['XYA'] }],
    };
    const detect = createInstitutionDetector({ ...DEFAULT_TABLES, institutions: table } satisfies Tables);
    expect(detect("L'Agence Xylo et XYA ont répondu.", { lang: 'fr' }).map((m) => [m.text, m.entityId])).toEqual([
      ['Agence Xylo', 'x.agency'],
      ['XYA', 'x.agency'],
    ]);
    // English names are quoted in every language, so the English label is found in French text too.
    expect(detect('Selon la Xylo Agency, rien.', { lang: 'fr' }).map((m) => m.text)).toEqual(['Xylo Agency']);
    for (const lang of SUPPORTED_LANGS) expect(detect('XYA', { lang }).map((m) => m.entityId)).toEqual(['x.agency']);
  });

  test("another language's alias is quoted when it is a name, not when it is a description", () => {
    const table: InstitutionsTable = {
      version: 1,
      source: 'test',
      entries: [{ id: 'x.stats', kind: 'agency', country: 'IT', canonical: 'Xstat', labels: { it: 'Istituto Xylo' }, aliases: { en: ['Xylo Statistics Office', 'Italian xylo agency'] } }],
    };
    const detect = createInstitutionDetector({ ...DEFAULT_TABLES, institutions: table } satisfies Tables);
    const text = 'Selon le Xylo Statistics Office et une Italian xylo agency, rien.';
    expect(detect(text, { lang: 'fr' }).map((m) => m.text)).toEqual(['Xylo Statistics Office']);
    expect(detect('The Italian xylo agency said so.', { lang: 'en' }).map((m) => m.text)).toEqual(['Italian xylo agency']);
  });
});

describe('LazyTokenTrie with a name source', () => {
  test('asks the source once per first key, and only for its keys', () => {
    const asked: string[] = [];
    const names: Record<string, PendingName<string>[]> = {
      commission: [{ name: 'Commission européenne', value: 'ec' }, { name: 'Commission', value: 'short' }],
      conseil: [],
    };
    const keys = new Set(Object.keys(names));
    const trie = new LazyTokenTrie<string>(undefined, {
      keys,
      names: (key) => {
        asked.push(key);
        return names[key];
      },
    });
    const tokens = tokenize('la Commission européenne, le Conseil, la Commission');
    expect(trie.matchAt(tokens, 1, byNorm).map((m) => m.values[0])).toEqual(['ec', 'short']);
    expect(trie.matchAt(tokens, 5, byNorm)).toEqual([]);
    expect(trie.matchAt(tokens, 8, byNorm).map((m) => m.values[0])).toEqual(['short']);
    expect(trie.matchAt(tokens, 0, byNorm)).toEqual([]);
    expect(trie.matchAt(tokens, 0, byNorm)).toEqual([]);
    expect(trie.matchAt(tokens, 5, byNorm)).toEqual([]);
    // Each key is asked once; "la" is not a key at all and is never asked.
    expect(asked).toEqual(['commission', 'conseil']);
  });
});

describe('warmUp', () => {
  const text = "Le ministre de l'Intérieur a rencontré le directeur de Frontex le 24 novembre 2021 : au moins 27 migrants sont morts.";

  test('builds a supported language and leaves what a later call finds unchanged', async () => {
    vi.resetModules();
    const cold = await import('../../lib/detect');
    const expected = cold.detect(text, { lang: 'fr', published: '2021-11-28' });
    vi.resetModules();
    const warm = await import('../../lib/detect');
    expect(warm.warmUp('fr')).toBe(true);
    expect(warm.detect(text, { lang: 'fr', published: '2021-11-28' })).toEqual(expected);
    expect(expected.map((m) => m.kind)).toEqual(expect.arrayContaining(['role', 'institution', 'date', 'figure']));
  });

  test('says no for a language without full support', async () => {
    const { warmUp } = await import('../../lib/detect');
    expect(warmUp('pl')).toBe(false);
    expect(warmUp('')).toBe(false);
  });
});
