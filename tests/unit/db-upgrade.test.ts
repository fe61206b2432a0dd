// @vitest-environment jsdom
// The fixture pages go through the real pipeline, and DOMPurify needs a complete DOM.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getClipping, mentionsOf, saveClipping, summarise, type ClippingInput } from '../../lib/db/clippings';
import { deleteClipping, editClipping } from '../../lib/db/edits';
import { facetsOf } from '../../lib/db/facets';
import { clippingsByIds, queryLibrary } from '../../lib/db/queries';
import { openDatabase, SCHEMA_V1, SCHEMA_V2, type MigraLensDB } from '../../lib/db/schema';
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

const EXTRAS = [
  { note: 'Check the Préfecture figure', tags: ['channel'], stamp: '2024-03-01T10:00:00.000Z' },
  { note: '', tags: [] as string[], stamp: '2024-03-02T10:00:00.000Z' },
  { note: 'hand-made', tags: ['shipwreck 2021'], stamp: '2024-03-03T10:00:00.000Z' },
];

/**
 * A database written with an earlier schema, in that version's own shapes: three clippings with
 * their mentions (one row per mention), two collections. Version 1 keeps the article and its
 * words in the clipping row; version 2 keeps them in `bodies`.
 */
async function writeOld(version: 1 | 2): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(version === 1 ? SCHEMA_V1 : SCHEMA_V2);
  await old.open();
  inputs = [pageInput('calais-fr.html', 'https://www.lemonde.example/calais'), pageInput('channel-en.html', 'https://www.bbc.example/channel'), handMadeInput()];
  await old.transaction('rw', old.tables, async () => {
    const thesis = (await old.table('collections').add({ name: 'Thesis', createdAt: '2024-01-01T00:00:00.000Z' })) as number;
    await old.table('collections').add({ name: 'Empty', createdAt: '2024-01-02T00:00:00.000Z' });
    const inThesis = [[thesis], [], [thesis]];
    for (const [i, input] of inputs.entries()) {
      const { text, html, words, ...row } = v1Row(input, { ...EXTRAS[i], collections: inThesis[i] });
      const id = (await old.table('clippings').add(version === 1 ? { ...row, text, html, words } : row)) as number;
      if (version === 2) await old.table('bodies').add({ id, text, html, words });
      await old.table('mentions').bulkAdd(input.mentions.map((m) => ({ ...m, clippingId: id })));
    }
  });
  old.close();
}

let db: MigraLensDB;
afterEach(async () => { await db.delete(); });

const titles = async (ids: number[]) => (await clippingsByIds(db, ids)).map((c) => c.title);

describe.each([1, 2] as const)('version %i → 3', (version) => {
  beforeEach(async () => {
    name = `upgrade-${Math.random()}`;
    await writeOld(version);
    db = openDatabase(name);
    await db.open();
  });

  test('every clipping keeps its text, HTML, note, tags, collections and mentions', async () => {
    expect(db.verno).toBe(3);
    expect(await db.clippings.count()).toBe(3);
    expect(await db.collections.count()).toBe(2);
    for (const [i, input] of inputs.entries()) {
      const id = i + 1;
      const c = (await getClipping(db, id))!;
      expect(c).toMatchObject({ title: input.title, url: input.url, text: input.text, html: input.html });
      const stored = await mentionsOf(db, id);
      expect(stored.map(({ id: _, clippingId: __, ...m }) => m)).toEqual(input.mentions);
      for (const m of stored) expect(c.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(await db.clippings.get(1)).toMatchObject({ note: 'Check the Préfecture figure', tags: ['channel'], collections: [1] });
    expect(await db.clippings.get(3)).toMatchObject({ note: 'hand-made', tags: ['shipwreck 2021'], collections: [1] });
  });

  test('mentions become one packed list per clipping, numbered from 1 in their stored order', async () => {
    const lists = await db.mentions.orderBy('clippingId').toArray();
    expect(lists.map((l) => l.clippingId)).toEqual([1, 2, 3]);
    for (const l of lists) {
      // What the text gives back is not stored twice.
      for (const m of l.mentions) for (const key of ['id', 'clippingId', 'text', 'anchor']) expect(m).not.toHaveProperty(key);
      const whole = await mentionsOf(db, l.clippingId);
      expect(whole.map((m) => m.id).sort((a, b) => a - b)).toEqual(l.mentions.map((_, i) => i + 1));
      expect(whole.every((m) => m.clippingId === l.clippingId)).toBe(true);
    }
  });

  test('the rows and bodies no longer carry the words; the search index holds exactly them', async () => {
    for (const row of await db.clippings.toArray()) {
      expect(row).not.toHaveProperty('text');
      expect(row).not.toHaveProperty('html');
      expect(row).not.toHaveProperty('words');
    }
    for (const body of await db.bodies.toArray()) expect(Object.keys(body).sort()).toEqual(['html', 'id', 'text']);
    const expected = new Map<string, number[]>();
    for (const [i, input] of inputs.entries()) {
      const words = searchWords(input.title, input.text, EXTRAS[i].note, EXTRAS[i].tags.join(' '));
      expect((await db.words.get(i + 1))!.words).toEqual(words);
      for (const w of words) expected.set(w, [...(expected.get(w) ?? []), i + 1]);
    }
    const terms = await db.terms.toArray();
    expect(new Map(terms.map((t) => [t.term, t.ids]))).toEqual(expected);
  });

  test('search still finds the text, the notes and the tags; filters still work', async () => {
    expect(await titles((await queryLibrary(db, { text: 'darmanin' })).ids)).toEqual([inputs[1].title, inputs[0].title]);
    expect(await titles((await queryLibrary(db, { text: 'prefecture' })).ids)).toEqual([inputs[0].title]);
    expect(await titles((await queryLibrary(db, { text: 'hand made' })).ids)).toEqual([inputs[2].title]);
    expect(await titles((await queryLibrary(db, { text: 'shipwr' })).ids)).toEqual([inputs[2].title]);
    expect(await titles((await queryLibrary(db, { collectionId: 1 })).ids)).toEqual([inputs[2].title, inputs[0].title]);
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'name', kind: 'institution', canonical: 'Frontex' }] })).ids)).toContain(inputs[2].title);
  });

  test('upgraded clippings are edited, saved again and deleted like new ones', async () => {
    await editClipping(db, 2, { note: 'compare with Eurostat' });
    expect(await titles((await queryLibrary(db, { text: 'eurostat' })).ids)).toEqual([inputs[1].title]);
    const again = await saveClipping(db, { ...inputs[0], mentions: inputs[0].mentions.slice(0, 2) });
    expect(again).toEqual({ id: 1, created: false });
    expect(await mentionsOf(db, 1)).toHaveLength(2);
    await deleteClipping(db, 3);
    expect((await queryLibrary(db, { text: 'hand' })).ids).toEqual([]);
    expect(await db.mentions.where('clippingId').equals(3).count()).toBe(0);
    expect(await db.mentions.count()).toBe(2);
    expect((await db.terms.toArray()).filter((t) => t.ids.includes(3))).toEqual([]);
  });
});
