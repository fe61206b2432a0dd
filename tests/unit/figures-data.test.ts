import { describe, expect, test } from 'vitest';
import numberWords from '../../lib/detect/data/figures-number-words.json';
import qualifiers from '../../lib/detect/data/figures-qualifiers.json';
import nouns from '../../lib/detect/data/figures-nouns.json';
import currencies from '../../lib/detect/data/figures-currencies.json';
import context from '../../lib/detect/data/figures-context.json';
import { SUPPORTED_LANGS } from '../../lib/detect/types';

const FILES: Record<string, unknown> = {
  'figures-number-words.json': numberWords,
  'figures-qualifiers.json': qualifiers,
  'figures-nouns.json': nouns,
  'figures-currencies.json': currencies,
  'figures-context.json': context,
};

const QUALIFIERS = ['at least', 'more than', 'about', 'nearly', 'up to', 'fewer than', 'at most', 'between'];
const UNITS = ['people', 'boats', 'EUR', 'GBP', 'USD', 'percent', 'other'];
const CATEGORIES = ['deaths', 'missing', 'rescued', 'arrivals', 'crossings', 'asylum', 'returns', 'arrests', 'boats', 'money', 'percent', 'people', 'other'];

/** Every string of the data (not the prose of `source`), with where it is. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'source') strings(v, `${path}.${k}`, out);
  }
  return out;
}

/** Every list in the data, with where it is; a list of pairs is keyed by its first element. */
function lists(value: unknown, path: string, out: [string, unknown[]][] = []): [string, unknown[]][] {
  if (Array.isArray(value)) {
    out.push([path, value]);
    // Pairs (`["plus de", "more than"]`) are entries of their list, not lists of their own.
    value.forEach((v, i) => { if (!Array.isArray(v)) lists(v, `${path}[${i}]`, out); });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) lists(v, `${path}.${k}`, out);
  }
  return out;
}

describe.each(Object.entries(FILES))('%s', (name, data) => {
  test('has a version and a source', () => {
    const d = data as { version?: unknown; source?: unknown };
    expect(typeof d.version).toBe('number');
    expect(typeof d.source).toBe('string');
    expect((d.source as string).length).toBeGreaterThan(40);
  });

  test('strings are NFC, trimmed, single-spaced, with straight apostrophes', () => {
    for (const [path, s] of strings(data, name)) {
      expect(s.normalize('NFC'), path).toBe(s);
      expect(s.trim(), path).toBe(s);
      expect(s, path).not.toMatch(/\s{2}|[\u00a0\u202f\u2019\u2018\u02bc`]/);
      expect(s.length, path).toBeGreaterThan(0);
    }
  });

  test('keys are lower case (currency codes excepted)', () => {
    for (const [path, s] of strings(data, name)) {
      if (path.includes('.codes[') || /\.(unit|category)$/.test(path) || /\]\[1\]$/.test(path)) continue;
      expect(s, path).toBe(s.toLowerCase());
    }
  });

  test('no list holds the same key twice', () => {
    for (const [path, list] of lists(data, name)) {
      const keys = list.map((v) => (Array.isArray(v) ? v[0] : v)).filter((v) => typeof v === 'string');
      const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(dupes, path).toEqual([]);
    }
  });
});

describe('figure data tables', () => {
  test('cover every supported language', () => {
    for (const lang of SUPPORTED_LANGS) {
      expect(numberWords.languages).toHaveProperty(lang);
      expect(qualifiers.languages).toHaveProperty(lang);
      expect(nouns.languages).toHaveProperty(lang);
      expect(currencies.words).toHaveProperty(lang);
      for (const table of ['months', 'weekdays', 'clockBefore', 'stopwords', 'cues', 'ages'] as const) {
        expect(context[table], table).toHaveProperty(lang);
      }
    }
  });

  test('qualifiers map to the Qualifier type', () => {
    for (const lang of SUPPORTED_LANGS) {
      for (const [phrase, q] of qualifiers.languages[lang].before) expect(QUALIFIERS, phrase).toContain(q);
    }
  });

  test('a counted noun has one unit and one category per language', () => {
    for (const lang of SUPPORTED_LANGS) {
      const seen = new Map<string, string>();
      for (const g of nouns.languages[lang].groups) {
        expect(UNITS).toContain(g.unit);
        expect(CATEGORIES).toContain(g.category);
        for (const w of g.words) {
          expect(seen.get(w), `${lang}: ${w}`).toBeUndefined();
          seen.set(w, g.category);
        }
      }
    }
  });

  test('cue categories exist', () => {
    for (const lang of SUPPORTED_LANGS) {
      for (const category of Object.keys(context.cues[lang])) expect(CATEGORIES).toContain(category);
    }
  });

  test('number words have positive integer values', () => {
    for (const lang of SUPPORTED_LANGS) {
      const w = numberWords.languages[lang];
      for (const [word, value] of [...w.cardinals, ...w.scales]) {
        expect(Number.isInteger(value) && (value as number) > 0, `${lang}: ${word}`).toBe(true);
      }
      for (const [word, value, exact] of w.approx) {
        expect(Number.isInteger(value) && typeof exact === 'boolean', `${lang}: ${word}`).toBe(true);
      }
    }
  });

  test('currencies name ISO 4217 codes the tables list', () => {
    const codes = new Set(currencies.codes);
    for (const code of currencies.codes) expect(code).toMatch(/^[A-Z]{3}$/);
    for (const [, code] of currencies.symbols) expect(codes.has(code)).toBe(true);
    for (const lang of SUPPORTED_LANGS) {
      for (const [word, code] of currencies.words[lang]) expect(codes.has(code as string), `${lang}: ${word}`).toBe(true);
    }
  });
});
