import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AnchoredMention } from '../../lib/annotate-page';
import { recentClippings, saveClipping, type ClippingInput } from '../../lib/db/clippings';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { describeStorageError } from '../../lib/db/storage-errors';
import { storedMentions } from './helpers/stored-mentions';

const mention = (text: string, start: number, kind: AnchoredMention['kind'] = 'institution'): AnchoredMention => ({
  kind, start, end: start + text.length, text, canonical: text,
  anchor: { quote: text, prefix: '', suffix: '', position: start },
});

const input = (over: Partial<ClippingInput> = {}): ClippingInput => ({
  urlKey: 'https://news.example/a', url: 'https://news.example/a?utm_source=x', canonicalUrl: null,
  title: 'Frontex and Europol in Calais', byline: 'A. Writer', siteName: 'News', lang: 'en', published: '2021-11-28',
  excerpt: null, text: 'Frontex and Europol in Calais', html: '<p>Frontex and Europol in Calais</p>',
  mentions: [mention('Frontex', 0), mention('Europol', 12)],
  ...over,
});

describe('saving clippings', () => {
  let db: MigraLensDB;
  beforeEach(async () => { db = openDatabase(`test-${Math.random()}`); await db.open(); });
  afterEach(async () => { await db.delete(); });

  test('stores the clipping with its mentions and a summary', async () => {
    const { id, created } = await saveClipping(db, input());
    expect(created).toBe(true);
    const clip = await db.clippings.get(id);
    expect(clip).toMatchObject({ title: 'Frontex and Europol in Calais', note: '', tags: [], collections: [] });
    expect(clip!.summary.institutions).toEqual(['Frontex', 'Europol']);
    expect(clip!.summary.counts.institution).toBe(2);
    const stored = await storedMentions(db, id);
    expect(stored.map((m) => m.text).sort()).toEqual(['Europol', 'Frontex']);
  });

  test('re-saving the same page updates it, keeps the note and tags, and replaces the mentions', async () => {
    const first = await saveClipping(db, input(), new Date('2024-01-01T00:00:00Z'));
    await db.clippings.update(first.id, { note: 'check figures', tags: ['channel'] });
    const second = await saveClipping(db, input({ title: 'Updated title', mentions: [mention('Frontex', 0)] }), new Date('2024-01-02T00:00:00Z'));
    expect(second).toEqual({ id: first.id, created: false });
    expect(await db.clippings.count()).toBe(1);
    const clip = await db.clippings.get(first.id);
    expect(clip).toMatchObject({ title: 'Updated title', note: 'check figures', tags: ['channel'], savedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-02T00:00:00.000Z' });
    expect((await storedMentions(db)).length).toBe(1);
  });

  test('twenty saves at once give twenty clippings', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => saveClipping(db, input({ urlKey: `https://news.example/${i}` }))));
    expect(await db.clippings.count()).toBe(20);
    expect((await storedMentions(db)).length).toBe(40);
  });

  test('recent clippings come newest first', async () => {
    await saveClipping(db, input({ urlKey: 'a', title: 'old' }), new Date('2024-01-01'));
    await saveClipping(db, input({ urlKey: 'b', title: 'new' }), new Date('2024-02-01'));
    expect((await recentClippings(db)).map((c) => c.title)).toEqual(['new', 'old']);
  });

  test('a failed write leaves no half-written clipping', async () => {
    // The search index is written last, after the clipping's row and its article with its mentions.
    db.terms.hook('creating', () => { throw new Error('disk went away'); });
    await expect(saveClipping(db, input())).rejects.toThrow('disk went away');
    expect(await db.clippings.count()).toBe(0);
    expect((await storedMentions(db)).length).toBe(0);
    expect([await db.packs.count(), await db.terms.count()]).toEqual([0, 0]);
  });
});

describe('storage errors', () => {
  test('a full disk is told plainly, also when wrapped in an abort', () => {
    expect(describeStorageError({ name: 'QuotaExceededError', message: 'quota' }).code).toBe('quota-exceeded');
    const wrapped = describeStorageError({ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } });
    expect(wrapped.code).toBe('quota-exceeded');
    expect(wrapped.message).toMatch(/existing clippings are intact/);
    expect(describeStorageError(new Error('boom')).code).toBe('storage-failed');
  });
});
