// @vitest-environment jsdom
// jsdom's Blob and FileReader: the backup is read back from the Blob the extension downloads.
import { describe, expect, test } from 'vitest';
import { packMentions, type MentionToPack } from '../../lib/db/mention-store';
import type { Clipping } from '../../lib/db/schema';
import { csvWriter } from '../../lib/export/csv';
import { jsonBackupBlobWriter, jsonBackupWriter } from '../../lib/export/json-backup';
import { withMentions } from '../../lib/export/read-library';
import type { ExportFile, PackedClipping } from '../../lib/export/types';
import { blobText } from './helpers/read-blob';

// What the CSV and JSON writers make from mentions as stored must be, byte for byte, what it makes from the
// same mentions whole: awkward values, lists out of order, fields left undefined.
const TEXT = 'Frontex, "the agency", said =27 people died; Europol\nand the IOM disagreed: 1,5 millions d’euros. Frontex again. 𝔄𝔊 \\ <ΥΠΕΣ>';
const at = (s: string, from = 0) => TEXT.indexOf(s, from);
const span = (s: string, from = 0) => ({ start: at(s, from), end: at(s, from) + s.length });

const MENTIONS: MentionToPack[] = [
  // Out of order, two at the same start (the longer first), a field set shared by two mentions.
  { kind: 'institution', ...span('Europol'), canonical: 'Europol', entityId: 'eu.europol', country: 'EU' },
  { kind: 'institution', ...span('Frontex'), canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q208389' },
  { kind: 'figure', ...span('27 people died'), canonical: '=27 people, "died"\nthere', value: 27, unit: 'people', category: 'deaths', qualifier: undefined },
  { kind: 'figure', ...span('27 people'), canonical: '27 people', value: 27, valueMax: 0, unit: 'people', category: 'people' },
  { kind: 'figure', ...span('1,5 millions d’euros'), canonical: '1,5 millions d’euros', value: 1_500_000, unit: 'EUR', currency: 'EUR', category: 'money' },
  { kind: 'institution', ...span('Frontex', 10), canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q208389' },
  { kind: 'institution', ...span('IOM'), canonical: 'IOM, "UN"', entityId: undefined, institutionKind: 'un', institutionId: 'un.iom' },
  // Fields in another order than the others: a set of its own, written in its own order.
  { start: at('the agency'), end: at('the agency') + 10, kind: 'role', canonical: 'the agency' },
  // The end before the start among its fields, a name outside the Basic Multilingual Plane, a
  // backslash and a value JSON writes as null.
  { kind: 'institution', end: TEXT.length, start: at('𝔄𝔊'), canonical: '𝔄𝔊 \\ <ΥΠΕΣ>', value: Number.NaN },
];

const clipping = (id: number, mentions: readonly MentionToPack[]): PackedClipping => ({
  id, urlKey: `https://news.example/${id}`, source: 'page', pageKey: `https://news.example/${id}`, url: `https://news.example/${id}?a=1`,
  canonicalUrl: null, title: `=Title "${id}", with comma`, byline: null, siteName: 'News', lang: 'en', published: '2024-01-02',
  savedAt: '2024-01-03T00:00:00.000Z', updatedAt: '2024-01-04T00:00:00.000Z', excerpt: 'Ex\ncerpt', note: '', tags: ['a', 'b'],
  collections: [1], summary: { counts: { institution: 4, role: 1, person: 0, figure: 3, date: 0 }, institutions: ['Frontex'], figures: ['27 people'] },
  facets: ['entity:eu.frontex'], text: TEXT, html: '<p>x</p>',
  packed: mentions.length ? packMentions(mentions) : undefined,
} satisfies Clipping & { packed: unknown });

const clippings = [clipping(1, MENTIONS), clipping(2, []), clipping(3, [...MENTIONS].reverse())];
const content = (files: readonly ExportFile[]) => files.map((f) => `${f.name}\n${f.content}`).join('\n---\n');
const createdAt = '2024-05-01T00:00:00.000Z';

describe('the writers reading the mentions as stored', () => {
  test('CSV: the same three files as from the mentions whole', () => {
    const whole = csvWriter([{ id: 1, name: 'Calais', createdAt }]);
    const packed = csvWriter([{ id: 1, name: 'Calais', createdAt }]);
    for (const c of clippings) {
      whole.add(withMentions(c));
      packed.addPacked!(c);
    }
    const expected = content(whole.finish([]) as ExportFile[]);
    expect(content(packed.finish([]) as ExportFile[])).toBe(expected);
    // The files hold the awkward cells at all (a check on the fixture, not on the writers).
    expect(expected).toContain('"=27 people, ""died""\nthere"');
    expect(expected).toContain('"IOM, ""UN"""');
  });

  test('JSON: the same backup as from the mentions whole, into a Blob as into a string', async () => {
    const collections = [{ id: 1, name: 'Calais', createdAt }];
    const meta = { exportedAt: createdAt, generator: 'test' };
    const whole = jsonBackupWriter(meta);
    const packed = jsonBackupBlobWriter(meta);
    const wholeInBlob = jsonBackupBlobWriter(meta);
    for (const c of clippings) {
      whole.add(withMentions(c));
      packed.addPacked(c);
      wholeInBlob.add(withMentions(c));
    }
    const expected = whole.text(collections);
    expect(await blobText(packed.finish(collections))).toBe(expected);
    expect(await blobText(wholeInBlob.finish(collections))).toBe(expected);
    // Checks on the fixture, not on the writers: the file is JSON with every mention in it, and
    // the awkward values are there.
    const parsed = JSON.parse(expected) as { clippings: { mentions: { id: number; text: string }[] }[] };
    expect(parsed.clippings.map((c) => c.mentions.length)).toEqual([MENTIONS.length, 0, MENTIONS.length]);
    expect(parsed.clippings[0].mentions.at(-1)).toMatchObject({ value: null, text: '𝔄𝔊 \\ <ΥΠΕΣ>', id: MENTIONS.length });
    expect(expected).not.toContain('qualifier');
  });
});
