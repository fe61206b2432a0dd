import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AnchoredMention } from '../../lib/annotate-page';
import { clippingWithMentions, getClipping, isSaved, mentionsOf, saveClipping, saveClippings, trySaveClipping, type ClippingInput } from '../../lib/db/clippings';
import { deleteClipping, editClipping, restoreClipping } from '../../lib/db/edits';
import { facetTerm } from '../../lib/db/facets';
import { clippingsByIds, facetOptions, filterValues, isWholeLibrary, queryHead, queryLibrary, type LibraryQuery } from '../../lib/db/queries';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { searchWords } from '../../lib/db/search-words';
import { clippingsWithWord } from '../../lib/db/term-index';
import { selectionClipping } from '../../lib/db/selection';
import { idsInRow } from './helpers/term-rows';
import { storedMentions } from './helpers/stored-mentions';

const TEXT = 'Frontex said 27 people died off Calais on 24 November 2021. Gérald Darmanin, ministre de l\'Intérieur, met Europol.';

function at(text: string, kind: AnchoredMention['kind'], extra: Partial<AnchoredMention> = {}): AnchoredMention {
  const start = TEXT.indexOf(text);
  return { kind, start, end: start + text.length, text, canonical: text, anchor: { quote: text, prefix: '', suffix: '', position: start }, ...extra };
}

const MENTIONS: AnchoredMention[] = [
  at('Frontex', 'institution', { entityId: 'eu.frontex' }),
  at('27 people', 'figure', { category: 'deaths', value: 27, unit: 'people' }),
  at('24 November 2021', 'date', { iso: '2021-11-24' }),
  at('Gérald Darmanin', 'person'),
  at('Europol', 'institution', { entityId: 'eu.europol' }),
];

const input = (over: Partial<ClippingInput> = {}): ClippingInput => ({
  urlKey: 'https://news.example/a', url: 'https://news.example/a', canonicalUrl: null,
  title: 'Channel shipwreck', byline: null, siteName: 'News', lang: 'en', published: '2021-11-25',
  excerpt: null, text: TEXT, html: `<p>${TEXT}</p>`, mentions: MENTIONS, ...over,
});

let db: MigraLensDB;
beforeEach(async () => { db = openDatabase(`lib-${Math.random()}`); await db.open(); });
afterEach(async () => { await db.delete(); });

const titles = async (ids: number[]) => (await clippingsByIds(db, ids)).map((c) => c.title);

describe('search words', () => {
  test('lower case, accents removed, distinct, one-letter words dropped', () => {
    expect(searchWords("Gérald DARMANIN, l'Intérieur — Gérald")).toEqual(['gerald', 'darmanin', 'interieur']);
  });
});

describe('queries', () => {
  beforeEach(async () => {
    await saveClipping(db, input(), new Date('2024-01-01'));
    await saveClipping(db, input({ urlKey: 'b', url: 'https://other.example/b', siteName: 'Other', published: '2023-05-01', title: 'Arrivals in Lampedusa',
      text: 'UNHCR counted 500 arrivals in Lampedusa.', mentions: [
        { kind: 'institution', start: 0, end: 5, text: 'UNHCR', canonical: 'UNHCR', anchor: { quote: 'UNHCR', prefix: '', suffix: '', position: 0 } },
        { kind: 'figure', start: 14, end: 26, text: '500 arrivals', canonical: '500 arrivals', category: 'arrivals', anchor: { quote: '500 arrivals', prefix: '', suffix: '', position: 14 } },
      ] }), new Date('2024-02-01'));
    await saveClipping(db, input({ urlKey: 'c', url: 'https://news.example/c', title: 'Frontex budget', text: 'Frontex gets more money.', mentions: [], published: null }), new Date('2024-03-01'));
  });

  test('few matches or many, they come in the order of the recency index, ties included', async () => {
    const many = Array.from({ length: 150 }, (_, i) => input({
      urlKey: `k${i}`, url: `https://news.example/k${i}`, title: `Item ${i}`, text: `Plentiful words ${i % 3 ? '' : 'scarce'}`, mentions: [],
    }));
    // Two saves of 75 share a stamp each; saving one page again moves it to the top.
    await saveClippings(db, many.slice(0, 75), new Date('2024-04-01'));
    await saveClippings(db, many.slice(75), new Date('2024-04-02'));
    const item30 = (await db.clippings.where('urlKey').equals('k30').first())!.id;
    await saveClipping(db, many[30], new Date('2024-05-01'));
    const all = (await queryLibrary(db, {})).ids;
    const rows = await clippingsByIds(db, all);
    const idsOf = (keep: (title: string) => boolean) => rows.filter((c) => keep(c.title)).map((c) => c.id);
    const scarce = (await queryLibrary(db, { text: 'scarce' })).ids;
    expect(scarce).toHaveLength(50);
    expect(scarce).toEqual(idsOf((t) => /^Item \d+$/.test(t) && Number(t.slice(5)) % 3 === 0));
    expect(scarce[0]).toBe(item30);
    expect((await queryLibrary(db, { text: 'plentiful' })).ids).toEqual(idsOf((t) => t.startsWith('Item ')));
    expect((await queryLibrary(db, { text: 'plentiful scarce' })).ids).toEqual(scarce);
    // The head of a result: the same first ids and rows, ties included, without putting every match
    // of many in order; the count at once for a filter, for the whole library only when the head holds it all.
    const queries: LibraryQuery[] = [{}, { text: 'a' }, { text: ' ', facets: [] }, { text: 'plentiful' }, { text: 'scarce' },
      { text: 'plentiful scarce' }, { text: 'plentiful', siteName: 'News' }, { text: 'words 14' }, { text: 'nothing' }];
    for (const q of queries) {
      const full = (await queryLibrary(db, q)).ids;
      for (const limit of [1, 9, 80, full.length, full.length + 1, 500]) {
        for (const reads of [undefined, [7, 20, Infinity]]) {
          const head = await queryHead(db, q, limit, reads);
          // A few matches come all at once; many, the first screen's.
          expect(head.ids).toEqual(full.slice(0, full.length <= 100 ? undefined : limit));
          expect(head.rows).toEqual(await clippingsByIds(db, full.slice(0, limit)));
          expect(head.total).toBe(isWholeLibrary(q) && limit <= full.length ? null : full.length);
        }
      }
    }
    expect((await queryLibrary(db, { text: 'plentiful', siteName: 'News' })).ids).toHaveLength(150);
    // A clipping deleted between the read of the search index and that of the recency index: the
    // head that holds every match counts what it found.
    await db.clippings.delete(item30);
    const head = await queryHead(db, { text: 'plentiful' }, 500, [7, 20, Infinity]);
    expect(head.ids).toEqual((await queryLibrary(db, { text: 'plentiful' })).ids);
    expect(head.total).toBe(149);
    expect((await queryLibrary(db, { text: 'words 14' })).ids.length).toBeGreaterThan(0);
  });

  test('no filter: everything, most recent first', async () => {
    expect(await titles((await queryLibrary(db, {})).ids)).toEqual(['Frontex budget', 'Arrivals in Lampedusa', 'Channel shipwreck']);
  });

  test('text search over title, text and notes, accent-insensitive, last word as a prefix', async () => {
    expect(await titles((await queryLibrary(db, { text: 'frontex' })).ids)).toEqual(['Frontex budget', 'Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { text: 'gerald darm' })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { text: 'lampedusa' })).ids)).toEqual(['Arrivals in Lampedusa']);
    expect((await queryLibrary(db, { text: 'frontex lampedusa' })).ids).toEqual([]);
    const [c] = await clippingsByIds(db, (await queryLibrary(db, { text: 'budget' })).ids);
    await editClipping(db, c.id, { note: 'compare with Eurostat tables' });
    expect(await titles((await queryLibrary(db, { text: 'eurostat' })).ids)).toEqual(['Frontex budget']);
  });

  test('filters by detected name, entity, kind and figure category', async () => {
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'name', kind: 'institution', canonical: 'Frontex' }] })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'entity', entityId: 'eu.europol' }] })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'kind', kind: 'figure' }] })).ids)).toEqual(['Arrivals in Lampedusa', 'Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { facets: [{ type: 'category', category: 'deaths' }] })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { text: 'frontex', facets: [{ type: 'kind', kind: 'person' }] })).ids)).toEqual(['Channel shipwreck']);
  });

  test('filters by site, tag, collection and publication date range', async () => {
    expect(await titles((await queryLibrary(db, { siteName: 'Other' })).ids)).toEqual(['Arrivals in Lampedusa']);
    const [c] = await clippingsByIds(db, (await queryLibrary(db, { text: 'shipwreck' })).ids);
    await editClipping(db, c.id, { tags: ['channel', ' channel ', ''], collections: ['Thesis', 'Calais'] });
    expect(await titles((await queryLibrary(db, { tag: 'channel' })).ids)).toEqual(['Channel shipwreck']);
    const thesis = await db.collections.where('name').equals('Thesis').first();
    expect(await titles((await queryLibrary(db, { collectionId: thesis!.id })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { from: '2021-01-01', to: '2021-12-31' })).ids)).toEqual(['Channel shipwreck']);
    expect(await titles((await queryLibrary(db, { from: '2022-01-01' })).ids)).toEqual(['Arrivals in Lampedusa']);
    expect(await filterValues(db)).toEqual({ sites: ['News', 'Other'], tags: ['channel'] });
  });

  test('filter menus list every distinct site and tag in order, by seeks and after the last seek', async () => {
    const sites = ['Zeit', 'BBC', 'Le Monde', 'El País', 'NOS', 'Avvenire', 'ANSA'];
    for (let n = 0; n < 40; n++) {
      await saveClipping(db, input({ urlKey: `https://many.example/${n}`, url: `https://many.example/${n}`, siteName: n % 9 === 0 ? null : sites[n % sites.length] }));
    }
    const rows = await db.clippings.toArray();
    for (const [i, c] of rows.entries()) await editClipping(db, c.id, { tags: [`t${i % 11}`, i % 2 ? 'channel' : 'med'] });
    const expected = {
      sites: [...new Set(rows.map((c) => c.siteName).filter((s): s is string => !!s))].sort(),
      tags: [...new Set((await db.clippings.toArray()).flatMap((c) => c.tags))].sort(),
    };
    expect(expected.sites).toHaveLength(9);
    expect(expected.tags).toHaveLength(13);
    // Seeks only (more jumps than values), the rest read whole after one seek or a few, and by default.
    for (const jumps of [100, 1, 3, 9, 13]) expect(await filterValues(db, jumps)).toEqual(expected);
    expect(await filterValues(db)).toEqual(expected);
  });

  test('chips offer the detected names and figure categories', async () => {
    const labels = (await facetOptions(db)).map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['Frontex', 'UNHCR', 'Gérald Darmanin', 'deaths', 'arrivals']));
  });

  test('the index answers "which clippings mention X / have a figure of category Y"; their lists hold the values', async () => {
    const frontex = [...await clippingsWithWord(db, facetTerm('name:institution:Frontex'), false)];
    expect(await titles(frontex)).toEqual(['Channel shipwreck']);
    const deaths = [...await clippingsWithWord(db, facetTerm('category:deaths'), false)];
    expect(deaths).toEqual(frontex);
    // A facet is not a search word, nor found by one.
    expect((await queryLibrary(db, { text: 'frontex' })).ids).toHaveLength(2);
    expect((await queryLibrary(db, { text: 'category' })).ids).toEqual([]);
    const mentions = await storedMentions(db, deaths[0]);
    expect(mentions.filter((m) => m.category === 'deaths').map((m) => m.value)).toEqual([27]);
    expect(mentions.filter((m) => m.iso === '2021-11-24')).toHaveLength(1);
  });
});

describe('saving', () => {
  test('re-saving keeps note, tags and collections and the words of the note', async () => {
    const { id } = await saveClipping(db, input());
    await editClipping(db, id, { note: 'Check Eurostat', tags: ['channel'], collections: ['Thesis'] });
    const again = await saveClipping(db, input({ title: 'Channel shipwreck (updated)' }));
    expect(again).toEqual({ id, created: false });
    const c = (await db.clippings.get(id))!;
    expect(c).toMatchObject({ title: 'Channel shipwreck (updated)', note: 'Check Eurostat', tags: ['channel'] });
    expect(c.collections).toHaveLength(1);
    expect(await idsInRow(db, 'eurostat', 0)).toEqual([id]);
    expect((await queryLibrary(db, { text: 'eurostat' })).ids).toEqual([id]);
    expect(await db.clippings.count()).toBe(1);
  });

  test('isSaved knows the page by its key and by the address it was saved from', async () => {
    await saveClipping(db, input({ urlKey: 'https://news.example/canonical', url: 'https://news.example/amp?x=1' }));
    expect(await isSaved(db, 'https://news.example/canonical')).toBe(true);
    expect(await isSaved(db, 'https://news.example/amp?x=1')).toBe(true);
    expect(await isSaved(db, 'https://news.example/other')).toBe(false);
  });

  test('a selection keeps its mentions, rebased, and links to its page without counting as the page', async () => {
    const sel = selectionClipping(input(), 'Gérald   Darmanin, ministre de\nl\'Intérieur, met Europol.')!;
    expect(sel.text).toBe('Gérald Darmanin, ministre de l\'Intérieur, met Europol.');
    expect(sel.mentions.map((m) => [m.text, sel.text.slice(m.start, m.end)])).toEqual([['Gérald Darmanin', 'Gérald Darmanin'], ['Europol', 'Europol']]);
    expect(sel.mentions[1].anchor.position).toBe(sel.text.indexOf('Europol'));
    const { id } = await saveClipping(db, sel);
    const stored = (await db.clippings.get(id))!;
    expect(stored).toMatchObject({ source: 'selection', url: 'https://news.example/a', pageKey: 'https://news.example/a' });
    expect(await isSaved(db, 'https://news.example/a')).toBe(false);
    // the same passage saved twice is one clipping; the page itself is another
    await saveClipping(db, selectionClipping(input(), 'Gérald Darmanin, ministre de l\'Intérieur, met Europol.')!);
    await saveClipping(db, input());
    expect(await db.clippings.count()).toBe(2);
    expect((await mentionsOf(db, id)).map((m) => m.text)).toEqual(['Gérald Darmanin', 'Europol']);
  });

  test('a selection outside the article is kept as text, its HTML escaped', () => {
    const sel = selectionClipping(input(), 'Read also: <b>other</b> news')!;
    expect(sel.mentions).toEqual([]);
    expect(sel.html).toBe('<p>Read also: &#60;b&#62;other&#60;/b&#62; news</p>');
    expect(selectionClipping(input(), '   ')).toBeNull();
  });

  test('the reader page\'s read: the clipping with its article and its mentions in text order, from one read of its pack', async () => {
    const { id } = await saveClipping(db, input({ mentions: [...MENTIONS].reverse() }));
    await editClipping(db, id, { note: 'a note' });
    const packReads: unknown[] = [];
    db.packs.hook('reading', (pack) => { packReads.push(pack); return pack; });
    const opened = (await clippingWithMentions(db, id))!;
    expect(packReads).toHaveLength(1);
    expect(opened.clipping).toEqual(await getClipping(db, id));
    expect(opened.clipping).toMatchObject({ note: 'a note', text: TEXT });
    expect(opened.mentions).toEqual(await mentionsOf(db, id));
    expect(opened.mentions.map((m) => m.text)).toEqual(['Frontex', '27 people', '24 November 2021', 'Gérald Darmanin', 'Europol']);
    expect(await clippingWithMentions(db, id + 1)).toBeUndefined();
  });

  test('bulk save: all in one transaction', async () => {
    const results = await saveClippings(db, Array.from({ length: 30 }, (_, i) => input({ urlKey: `k${i}` })));
    expect(results.every((r) => r.created)).toBe(true);
    expect((await storedMentions(db)).length).toBe(150);
  });
});

describe('delete and undo', () => {
  test('deletes the clipping and its mentions, and undo puts both back with the same id', async () => {
    const { id } = await saveClipping(db, input());
    await editClipping(db, id, { note: 'keep me' });
    const deleted = (await deleteClipping(db, id))!;
    expect(await db.clippings.count()).toBe(0);
    expect((await storedMentions(db)).length).toBe(0);
    expect(await restoreClipping(db, deleted)).toBe(true);
    expect(await db.clippings.get(id)).toMatchObject({ note: 'keep me' });
    expect(await storedMentions(db, id)).toHaveLength(5);
    expect((await storedMentions(db, id)).map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
  });

  test('a deleted clipping leaves the search, its article and words included; undo brings them back', async () => {
    const { id } = await saveClipping(db, input());
    await editClipping(db, id, { note: 'keep me' });
    const deleted = (await deleteClipping(db, id))!;
    expect(deleted.clipping).toMatchObject({ text: TEXT, html: `<p>${TEXT}</p>`, note: 'keep me' });
    expect(await db.packs.count()).toBe(0);
    expect(await db.terms.count()).toBe(0);
    expect((await queryLibrary(db, { text: 'darmanin' })).ids).toEqual([]);
    await restoreClipping(db, deleted);
    expect((await queryLibrary(db, { text: 'darmanin keep' })).ids).toEqual([id]);
    expect(await getClipping(db, id)).toMatchObject({ text: TEXT, html: `<p>${TEXT}</p>` });
  });

  test('undo does not resurrect a page that was saved again meanwhile', async () => {
    const { id } = await saveClipping(db, input());
    const deleted = (await deleteClipping(db, id))!;
    await saveClipping(db, input());
    expect(await restoreClipping(db, deleted)).toBe(false);
    expect(await db.clippings.count()).toBe(1);
  });
});

describe('a full disk', () => {
  // The quota is reached while the article and its mentions are written, after the clipping row
  // was already updated: the worst moment. A DBCore middleware makes that write fail the way
  // Chromium does, with a QuotaExceededError.
  function fillDiskOnArticles(target: MigraLensDB) {
    target.use({
      stack: 'dbcore', name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => (name === 'packs' && req.type === 'put'
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(req)),
          };
        },
      }),
    });
  }

  test('the user is told plainly and the existing clippings stay intact', async () => {
    const name = `quota-${Math.random()}`;
    const first = openDatabase(name);
    const { id } = await saveClipping(first, input());
    await editClipping(first, id, { note: 'my note' });
    first.close();

    const full = openDatabase(name);
    fillDiskOnArticles(full);
    const resave = await trySaveClipping(full, input({ title: 'Changed title', mentions: MENTIONS.slice(0, 1) }));
    const fresh = await trySaveClipping(full, input({ urlKey: 'new' }));
    for (const r of [resave, fresh]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('quota-exceeded');
        expect(r.error.message).toMatch(/no room left.*nothing was saved and your existing clippings are intact/i);
      }
    }
    full.close();

    const check = openDatabase(name);
    expect(await check.clippings.count()).toBe(1);
    expect(await check.clippings.get(id)).toMatchObject({ title: 'Channel shipwreck', note: 'my note' });
    expect(await storedMentions(check, id)).toHaveLength(5);
    expect((await queryLibrary(check, { text: 'my note' })).ids).toEqual([id]);
    await check.delete();
  });
});

describe('bulk save with pages already in the library', () => {
  test('new pages are added, known ones updated in place keeping the note, duplicates in the batch saved once', async () => {
    const { id } = await saveClipping(db, input({ urlKey: 'k1' }));
    await editClipping(db, id, { note: 'mine' });
    const results = await saveClippings(db, [input({ urlKey: 'k1', title: 'New title' }), input({ urlKey: 'k2' }), input({ urlKey: 'k2' })]);
    expect(results.map((r) => r.created)).toEqual([false, true, false]);
    expect(results[0].id).toBe(id);
    expect(results[1].id).toBe(results[2].id);
    expect(await db.clippings.count()).toBe(2);
    expect(await db.clippings.get(id)).toMatchObject({ title: 'New title', note: 'mine' });
    expect((await storedMentions(db)).length).toBe(10);
  });
});
