import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AnchoredMention } from '../../lib/annotate-page';
import { packOf, SOLO_CHARS, soloKey, type Article } from '../../lib/db/article-packs';
import { getClipping, mentionsOf, saveClipping, type ClippingInput } from '../../lib/db/clippings';
import { deleteClipping, restoreClipping } from '../../lib/db/edits';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { writeJsonBackup } from '../../lib/export/json-backup';
import { readExportSource } from '../../lib/export/read-library';
import { importBackup } from '../../lib/import/import-library';
import { readBackup } from '../../lib/import/read-backup';

// A live blog, say: text and HTML together well over the size kept in a pack.
const LARGE = `Frontex ${'counted crossings. '.repeat(Math.ceil(SOLO_CHARS / 19))}`;

const input = (key: string, text: string): ClippingInput => ({
  urlKey: `https://news.example/${key}`, url: `https://news.example/${key}`, canonicalUrl: null, title: `Page ${key}`,
  byline: null, siteName: 'News', lang: 'en', published: null, excerpt: null, text, html: `<p>${text}</p>`,
  mentions: [{ kind: 'institution', start: 0, end: 7, text: 'Frontex', canonical: 'Frontex', anchor: { quote: 'Frontex', prefix: '', suffix: text.slice(7, 39), position: 0 } } as AnchoredMention],
});

describe('a large article in a record of its own', () => {
  let db: MigraLensDB;
  beforeEach(async () => { db = openDatabase(`test-${Math.random()}`); await db.open(); });
  afterEach(async () => { await db.delete(); });

  const packEntries = async (id: number) => (await db.packs.get(packOf(id)))!.articles;

  test('its pack only marks it; it is read whole, and the neighbours\' saves leave it alone', async () => {
    const before = await saveClipping(db, input('a', 'Frontex small one'));
    const large = await saveClipping(db, input('b', LARGE));
    const after = await saveClipping(db, input('c', 'Frontex small two'));
    expect(packOf(before.id)).toBe(packOf(after.id));
    expect((await packEntries(large.id)).find((e) => e.id === large.id)).toEqual({ id: large.id, solo: true });
    // The pack a neighbour's save rewrites stays small.
    expect(JSON.stringify(await db.packs.get(packOf(large.id))).length).toBeLessThan(2_000);
    expect(((await db.packs.get(soloKey(large.id)))!.articles[0] as Article).text).toBe(LARGE);
    expect(await getClipping(db, large.id)).toMatchObject({ text: LARGE, html: `<p>${LARGE}</p>` });
    expect((await mentionsOf(db, large.id)).map((m) => m.text)).toEqual(['Frontex']);
    const all = (await readExportSource(db, { kind: 'library' })).clippings;
    expect(all.map((c) => c.text.length)).toEqual([17, LARGE.length, 17]);
    expect((await readExportSource(db, { kind: 'clippings', ids: [large.id] })).clippings[0].text).toBe(LARGE);
  });

  test('saved again smaller it moves into its pack, larger again it moves out; a delete and its undo keep both in step', async () => {
    const small = await saveClipping(db, input('a', 'Frontex small one'));
    const { id } = await saveClipping(db, input('b', LARGE));
    await saveClipping(db, input('b', 'Frontex now small'));
    expect(await db.packs.get(soloKey(id))).toBeUndefined();
    expect((await packEntries(id)).find((e) => e.id === id)).toMatchObject({ text: 'Frontex now small' });
    await saveClipping(db, input('b', LARGE));
    expect((await getClipping(db, id))!.text).toBe(LARGE);
    const deleted = (await deleteClipping(db, id))!;
    expect(deleted.clipping.text).toBe(LARGE);
    expect(await db.packs.get(soloKey(id))).toBeUndefined();
    expect((await packEntries(small.id)).map((e) => e.id)).toEqual([small.id]);
    await restoreClipping(db, deleted);
    expect((await getClipping(db, id))!.text).toBe(LARGE);
    expect((await mentionsOf(db, id)).map((m) => m.text)).toEqual(['Frontex']);
  });

  test('a backup with a large article restores it apart, whole', async () => {
    await saveClipping(db, input('a', 'Frontex small one'));
    const { id } = await saveClipping(db, input('b', LARGE));
    const text = await writeJsonBackup(await readExportSource(db, { kind: 'library' }), { exportedAt: '2024-04-01T00:00:00.000Z', generator: 'test' });
    const checked = readBackup(text);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    await db.transaction('rw', db.tables, async () => { for (const t of db.tables) await t.clear(); });
    await importBackup(db, checked.backup, { sanitize: (html) => html });
    expect((await packEntries(id)).find((e) => e.id === id)).toEqual({ id, solo: true });
    expect(await getClipping(db, id)).toMatchObject({ text: LARGE, html: `<p>${LARGE}</p>` });
    expect(await mentionsOf(db, id)).toHaveLength(1);
  });
});
