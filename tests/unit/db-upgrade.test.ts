// @vitest-environment jsdom
// The fixture pages go through the real pipeline, and DOMPurify needs a complete DOM.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getClipping, mentionsOf, summarise, type ClippingInput } from '../../lib/db/clippings';
import { deleteClipping, editClipping } from '../../lib/db/edits';
import { facetsOf } from '../../lib/db/facets';
import { clippingsByIds, queryLibrary } from '../../lib/db/queries';
import { openDatabase, SCHEMA_V1, type MigraLensDB } from '../../lib/db/schema';
import { searchWords } from '../../lib/db/search-words';
import { urlKey } from '../../lib/url-key';
import { handMadeInput, pageInput } from './helpers/export-library';

/** What version 1 stored for a page: the article, its search words and facets in the clipping row. */
function v1Row(input: ClippingInput, extra: { note: string; tags: string[]; collections: number[]; stamp: string }) {
  const { mentions, ...fields } = input;
  return {
    ...fields, source: 'page', pageKey: urlKey(fields.url), note: extra.note, tags: extra.tags, collections: extra.collections,
    summary: summarise(mentions), facets: facetsOf(mentions), savedAt: extra.stamp, updatedAt: extra.stamp,
    words: searchWords(fields.title, fields.text, extra.note, extra.tags.join(' ')),
  };
}

let name: string;
let inputs: ClippingInput[];

/** A version-1 database written with the version-1 schema: three clippings, their mentions, two collections. */
async function writeV1(): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  inputs = [pageInput('calais-fr.html', 'https://www.lemonde.example/calais'), pageInput('channel-en.html', 'https://www.bbc.example/channel'), handMadeInput()];
  await v1.transaction('rw', v1.tables, async () => {
    const thesis = (await v1.table('collections').add({ name: 'Thesis', createdAt: '2024-01-01T00:00:00.000Z' })) as number;
    await v1.table('collections').add({ name: 'Empty', createdAt: '2024-01-02T00:00:00.000Z' });
    const extras = [
      { note: 'Check the Préfecture figure', tags: ['channel'], collections: [thesis], stamp: '2024-03-01T10:00:00.000Z' },
      { note: '', tags: [], collections: [], stamp: '2024-03-02T10:00:00.000Z' },
      { note: 'hand-made', tags: ['shipwreck 2021'], collections: [thesis], stamp: '2024-03-03T10:00:00.000Z' },
    ];
    for (const [i, input] of inputs.entries()) {
      const id = (await v1.table('clippings').add(v1Row(input, extras[i]))) as number;
      await v1.table('mentions').bulkAdd(input.mentions.map((m) => ({ ...m, clippingId: id })));
    }
  });
  v1.close();
}

let db: MigraLensDB;
beforeEach(async () => {
  name = `upgrade-${Math.random()}`;
  await writeV1();
  db = openDatabase(name);
  await db.open();
});
afterEach(async () => { await db.delete(); });

const titles = async (ids: number[]) => (await clippingsByIds(db, ids)).map((c) => c.title);

describe('version 1 → 2', () => {
  test('every clipping keeps its text, HTML, note, tags, collections and mentions', async () => {
    expect(db.verno).toBe(2);
    expect(await db.clippings.count()).toBe(3);
    expect(await db.collections.count()).toBe(2);
    for (const [i, input] of inputs.entries()) {
      const id = i + 1;
      const c = (await getClipping(db, id))!;
      expect(c).toMatchObject({ title: input.title, url: input.url, text: input.text, html: input.html });
      const stored = await mentionsOf(db, id);
      expect(stored).toHaveLength(input.mentions.length);
      for (const m of stored) expect(c.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(await db.clippings.get(1)).toMatchObject({ note: 'Check the Préfecture figure', tags: ['channel'], collections: [1] });
    expect(await db.clippings.get(3)).toMatchObject({ note: 'hand-made', tags: ['shipwreck 2021'], collections: [1] });
    expect(await db.mentions.count()).toBe(inputs.reduce((n, c) => n + c.mentions.length, 0));
  });

  test('the rows no longer carry the article or its words', async () => {
    for (const row of await db.clippings.toArray()) {
      expect(row).not.toHaveProperty('text');
      expect(row).not.toHaveProperty('html');
      expect(row).not.toHaveProperty('words');
    }
    expect(await db.bodies.count()).toBe(3);
  });

  test('search still finds the text, the notes and the tags; filters still work', async () => {
    expect(await titles((await queryLibrary(db, { text: 'darmanin' })).ids)).toEqual([inputs[1].title, inputs[0].title]);
    expect(await titles((await queryLibrary(db, { text: 'prefecture' })).ids)).toEqual([inputs[0].title]);
    expect(await titles((await queryLibrary(db, { text: 'hand made' })).ids)).toEqual([inputs[2].title]);
    expect(await titles((await queryLibrary(db, { text: 'shipwr' })).ids)).toEqual([inputs[2].title]);
    expect(await titles((await queryLibrary(db, { collectionId: 1 })).ids)).toEqual([inputs[2].title, inputs[0].title]);
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'name', kind: 'institution', canonical: 'Frontex' }] })).ids)).toContain(inputs[2].title);
    const frontex = await db.mentions.where('[kind+canonical]').equals(['institution', 'Frontex']).toArray();
    expect(new Set(frontex.map((m) => m.clippingId))).toContain(3);
  });

  test('upgraded clippings are edited and deleted like new ones', async () => {
    await editClipping(db, 2, { note: 'compare with Eurostat' });
    expect(await titles((await queryLibrary(db, { text: 'eurostat' })).ids)).toEqual([inputs[1].title]);
    await deleteClipping(db, 3);
    expect((await queryLibrary(db, { text: 'hand' })).ids).toEqual([]);
    expect(await db.mentions.where('clippingId').equals(3).count()).toBe(0);
  });
});
