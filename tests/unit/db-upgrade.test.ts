// @vitest-environment jsdom
// The fixture pages go through the real pipeline, and DOMPurify needs a complete DOM.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getClipping, mentionsOf, saveClipping, summarise, type ClippingInput } from '../../lib/db/clippings';
import { deleteClipping, editClipping } from '../../lib/db/edits';
import { facetsOf, facetTerm } from '../../lib/db/facets';
import { clippingsByIds, queryLibrary } from '../../lib/db/queries';
import { getArticle, packOf, packRecords, SOLO_CHARS, soloKey, type Article } from '../../lib/db/article-packs';
import { packedCount, packMentions, type PackedMentions } from '../../lib/db/mention-store';
import { openDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, type MigraLensDB } from '../../lib/db/schema';
import { BUCKET, clippingsWithWord, shardEntries, shardOf } from '../../lib/db/term-index';
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
 * their mentions, two collections. Version 1 keeps the article and its words in the clipping row
 * and one row per mention; version 2 keeps the article and its words in `bodies`; version 3 keeps
 * the words in `words` and `terms` (one row per word, as an import writes them) and each
 * clipping's mentions as one list of objects without their text, anchor and id; version 4 packs
 * each list as columns and has no `words`; version 5 keeps each article and its packed list in the
 * pack of its id, and indexes the facets in `terms` too.
 */
async function writeOld(version: 1 | 2 | 3 | 4 | 5): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5][version - 1]);
  await old.open();
  inputs = [pageInput('calais-fr.html', 'https://www.lemonde.example/calais'), pageInput('channel-en.html', 'https://www.bbc.example/channel'), handMadeInput()];
  await old.transaction('rw', old.tables, async () => {
    const thesis = (await old.table('collections').add({ name: 'Thesis', createdAt: '2024-01-01T00:00:00.000Z' })) as number;
    await old.table('collections').add({ name: 'Empty', createdAt: '2024-01-02T00:00:00.000Z' });
    const inThesis = [[thesis], [], [thesis]];
    const articles: Article[] = [];
    for (const [i, input] of inputs.entries()) {
      const { text, html, words, ...row } = v1Row(input, { ...EXTRAS[i], collections: inThesis[i] });
      const id = (await old.table('clippings').add(version === 1 ? { ...row, text, html, words } : row)) as number;
      if (version === 2) await old.table('bodies').add({ id, text, html, words });
      if (version >= 3) {
        if (version <= 4) await old.table('bodies').add({ id, text, html });
        if (version === 3) await old.table('words').add({ id, words });
        for (const term of version === 5 ? [...words, ...row.facets.map(facetTerm)] : words) {
          const had = await old.table('terms').get([term, 0]);
          await old.table('terms').put({ term, bucket: 0, ids: [...(had?.ids ?? []), id] });
        }
        const unplaced = input.mentions.map(({ text: _, anchor: __, ...m }) => m);
        if (version === 5) articles.push({ id, text, html, mentions: packMentions(unplaced) });
        else await old.table('mentions').add({ clippingId: id, mentions: version === 3 ? unplaced : packMentions(unplaced) });
        // A word indexed by an earlier way of splitting words, which version 3 does not produce.
        if (i === 0 && version === 3) await old.table('terms').put({ term: 'prefecture-maritime', bucket: 0, ids: [id] });
      } else {
        await old.table('mentions').bulkAdd(input.mentions.map((m) => ({ ...m, clippingId: id })));
      }
    }
    if (version === 5) await old.table('packs').bulkAdd(packRecords(packOf(1), articles));
  });
  old.close();
}

let db: MigraLensDB;
afterEach(async () => { await db.delete(); });

const titles = async (ids: number[]) => (await clippingsByIds(db, ids)).map((c) => c.title);

/** The field names a packed list holds (see mention-store.ts). */
function fieldNames({ values, fields }: PackedMentions): Set<unknown> {
  const names = new Set<unknown>();
  for (let at = 0; at < fields.length; at += 1 + 2 * fields[at]) {
    for (let k = 0; k < fields[at]; k++) names.add(values[fields[at + 1 + 2 * k]]);
  }
  return names;
}

describe.each([1, 2, 3, 4, 5] as const)('version %i → 6', (version) => {
  beforeEach(async () => {
    name = `upgrade-${Math.random()}`;
    await writeOld(version);
    db = openDatabase(name);
    await db.open();
  });

  test('every clipping keeps its text, HTML, note, tags, collections and mentions', async () => {
    expect(db.verno).toBe(6);
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

  test('mentions become one packed list per clipping, beside its article, numbered from 1 in their stored order', async () => {
    const packs = await db.packs.toArray();
    expect(packs.map((p) => p.id)).toEqual([packOf(1)]);
    // Articles this small are all in their pack, none in a record of its own.
    const lists = (packs[0].articles as Article[]).map((a) => ({ clippingId: a.id, mentions: a.mentions }));
    expect(lists.map((l) => l.clippingId)).toEqual([1, 2, 3]);
    for (const [i, l] of lists.entries()) {
      expect(Object.prototype.toString.call(l.mentions.spans)).toBe('[object Uint32Array]');
      expect(packedCount(l.mentions)).toBe(inputs[i].mentions.length);
      // What the text gives back is not stored twice, and each distinct value is stored once.
      const names = fieldNames(l.mentions);
      for (const key of ['id', 'clippingId', 'text', 'anchor']) expect(names.has(key)).toBe(false);
      expect(names).toEqual(new Set(inputs[i].mentions.flatMap((m) => Object.keys(m)).filter((k) => k !== 'text' && k !== 'anchor')));
      expect(new Set(l.mentions.values).size).toBe(l.mentions.values.length);
      const whole = await mentionsOf(db, l.clippingId);
      expect(whole.map((m) => m.id)).toEqual(inputs[i].mentions.map((_, k) => k + 1));
      expect(whole.every((m) => m.clippingId === l.clippingId)).toBe(true);
    }
  });

  test('the rows and articles no longer carry the words, nor any table; the search index holds exactly them', async () => {
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clippings', 'collections', 'packs', 'terms']);
    for (const row of await db.clippings.toArray()) {
      expect(row).not.toHaveProperty('text');
      expect(row).not.toHaveProperty('html');
      expect(row).not.toHaveProperty('words');
    }
    for (const pack of await db.packs.toArray()) for (const a of pack.articles) expect(Object.keys(a).sort()).toEqual(['html', 'id', 'mentions', 'text']);
    const expected = new Map<string, number[]>();
    for (const [i, input] of inputs.entries()) {
      const words = searchWords(input.title, input.text, EXTRAS[i].note, EXTRAS[i].tags.join(' '));
      // The facets too, from version 5 on.
      for (const w of [...words, ...facetsOf(input.mentions).map(facetTerm)]) expected.set(w, [...(expected.get(w) ?? []), i + 1]);
    }
    const terms = await db.terms.toArray();
    // One change set: one row per shard (the words that begin alike) in one bucket, and nothing of
    // what an earlier version indexed otherwise.
    expect(terms.every((t) => t.bucket === 0 && t.words.every((w) => shardOf(w) === t.term))).toBe(true);
    expect(new Set(terms.map((t) => t.term)).size).toBe(terms.length);
    expect(terms.length).toBeLessThan(expected.size / 2);
    expect(new Map(terms.flatMap((t) => [...shardEntries(t)].map(([w, ids]) => [w, [...ids]])))).toEqual(expected);
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
    expect(await getArticle(db, 3)).toBeUndefined();
    expect((await db.packs.toArray()).flatMap((p) => p.articles.map((a) => a.id))).toEqual([1, 2]);
    expect((await db.terms.toArray()).filter((t) => t.ids.includes(3))).toEqual([]);
  });
});

describe('version 4 → 5 with hundreds of clippings', () => {
  // Ids with gaps (deleted clippings) across more packs than one upgrade step takes, and a mention
  // list whose body is missing.
  const IDS = [...Array.from({ length: 230 }, (_, k) => k + 1).filter((id) => id % 7 !== 3), 250, 251, 400];
  const ORPHAN = 300;
  // Clipping 251 is large enough for a record of its own.
  const LARGE_ID = 251;
  const textOf = (id: number) => `Frontex counted ${id} crossings.${id === LARGE_ID ? ' More.'.repeat(SOLO_CHARS / 6) : ''}`;
  const listOf = (id: number) => packMentions([{ kind: 'institution', start: 0, end: 7, canonical: 'Frontex' }, { kind: 'figure', start: 16, end: 16 + String(id).length, canonical: String(id), value: id }]);

  beforeEach(async () => {
    name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    await old.table('bodies').bulkAdd(IDS.map((id) => ({ id, text: textOf(id), html: `<p>${textOf(id)}</p>` })));
    await old.table('mentions').bulkAdd([...IDS, ORPHAN].map((id) => ({ clippingId: id, mentions: listOf(id) })));
    old.close();
    db = openDatabase(name);
    await db.open();
  });

  test('each article and its mentions land once, in the pack of their id, in id order', async () => {
    const packs = await db.packs.where(':id').aboveOrEqual(0).toArray();
    const ids = packs.flatMap((p) => p.articles.map((a) => a.id));
    expect(ids).toEqual([...IDS.filter((id) => id < ORPHAN), ORPHAN, 400]);
    for (const p of packs) for (const a of p.articles) expect(packOf(a.id)).toBe(p.id);
    for (const id of IDS) {
      const a = (await getArticle(db, id))!;
      expect(a).toMatchObject({ id, text: textOf(id), html: `<p>${textOf(id)}</p>` });
      const figure = (await mentionsOf(db, id)).find((m) => m.kind === 'figure')!;
      expect([figure.value, figure.text]).toEqual([id, String(id)]);
    }
    expect((await db.packs.get(packOf(LARGE_ID)))!.articles.find((e) => e.id === LARGE_ID)).toEqual({ id: LARGE_ID, solo: true });
    expect(await db.packs.get(soloKey(LARGE_ID))).toBeDefined();
    // Kept all the same, as before, with an empty article.
    expect(await getArticle(db, ORPHAN)).toMatchObject({ text: '', html: '' });
    expect(packedCount((await getArticle(db, ORPHAN))!.mentions)).toBe(2);
  });
});

describe('version 5 → 6 with thousands of index rows', () => {
  // Version 5 kept a row per word and bucket, an import's ids all in the row of its smallest id.
  const WORDS = Array.from({ length: 2600 }, (_, k) => `w${k.toString(36)}x`);
  const idsOf = (k: number) => [k % 50 + 1, 1000 + k, 5000 + (k % 7)];

  beforeEach(async () => {
    name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    await old.table('terms').bulkAdd(WORDS.flatMap((term, k) => [{ term, bucket: 0, ids: idsOf(k).slice(0, 2) }, { term, bucket: 4, ids: idsOf(k).slice(2) }]));
    old.close();
    db = openDatabase(name);
    await db.open();
  });

  test('every word keeps its ids, each in the row of its shard and of its own bucket', async () => {
    for (const k of [0, 1, 1299, 2599]) expect([...await clippingsWithWord(db, WORDS[k], false)].sort((x, y) => x - y)).toEqual(idsOf(k));
    const rows = await db.terms.toArray();
    for (const row of rows) for (const [word, ids] of shardEntries(row)) {
      expect(shardOf(word)).toBe(row.term);
      for (const id of ids) expect(Math.floor(id / BUCKET)).toBe(row.bucket);
    }
    expect(rows.reduce((n, r) => n + r.ids.length, 0)).toBe(3 * WORDS.length);
  });
});

describe('a page is told when opening upgrades the library', () => {
  test.each([1, 4, 5] as const)('from version %i: once, and not when it is opened again', async (version) => {
    name = `told-${Math.random()}`;
    await writeOld(version);
    const onUpgrade = vi.fn();
    db = openDatabase(name, { onUpgrade });
    await db.open();
    expect(onUpgrade).toHaveBeenCalledTimes(1);
    db.close();
    const again = vi.fn();
    db = openDatabase(name, { onUpgrade: again });
    await db.open();
    expect(again).not.toHaveBeenCalled();
    expect(await db.clippings.count()).toBe(3);
  });

  test('a new library is made at this version, without an upgrade', async () => {
    const onUpgrade = vi.fn();
    db = openDatabase(`new-${Math.random()}`, { onUpgrade });
    await db.open();
    expect(onUpgrade).not.toHaveBeenCalled();
  });
});
