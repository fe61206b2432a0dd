/**
 * Bundled by db-upgrade.test.ts and run in an extension page of Chromium: writes a library as
 * schema version 4 stored it (a search-index row per word), opens it with the current schema, and
 * reports what came out.
 */
import Dexie from 'dexie';
import { getClipping, mentionsOf } from '../../lib/db/clippings';
import { facetsOf } from '../../lib/db/facets';
import { packMentions } from '../../lib/db/mention-store';
import { queryLibrary } from '../../lib/db/queries';
import { openDatabase, SCHEMA_V4, upgradeUnderway } from '../../lib/db/schema';
import { searchWords } from '../../lib/db/search-words';
import { shardOf } from '../../lib/db/term-index';
import type { Mention } from '../../lib/detect/types';

/** The article of clipping `id`: about 5,000 characters, so that sixteen of them make a record over 64 KB. */
export const articleText = (id: number) => Array.from({ length: 60 }, (_, k) => `Frontex counted ${id * 100 + k} crossings near Calais in week ${k}.`).join(' ');

/** Twenty mentions of clipping `id`: Frontex and a figure in each of the first ten sentences. */
function mentionsOfArticle(id: number): Omit<Mention, 'text'>[] {
  const text = articleText(id);
  const out: Omit<Mention, 'text'>[] = [];
  let at = 0;
  for (let k = 0; k < 10; k++) {
    const start = text.indexOf('Frontex', at);
    out.push({ kind: 'institution', start, end: start + 7, canonical: 'Frontex', entityId: 'eu.frontex' } as Omit<Mention, 'text'>);
    const value = id * 100 + k;
    const figure = text.indexOf(String(value), start);
    out.push({ kind: 'figure', start: figure, end: figure + String(value).length, canonical: String(value), value, unit: 'people', category: id % 2 ? 'crossings' : 'deaths' } as Omit<Mention, 'text'>);
    at = figure;
  }
  return out;
}

async function writeVersion4(name: string, ids: number[]): Promise<void> {
  const old = new Dexie(name);
  old.version(4).stores(SCHEMA_V4);
  await old.open();
  const terms = new Map<string, number[]>();
  await old.transaction('rw', old.tables, async () => {
    for (const id of ids) {
      const text = articleText(id);
      const mentions = mentionsOfArticle(id);
      const row = {
        id, urlKey: `https://news.example/${id}`, pageKey: `https://news.example/${id}`, source: 'page', url: `https://news.example/${id}`,
        canonicalUrl: null, title: `Crossings ${id}`, byline: null, siteName: 'News', lang: 'en', published: '2024-01-01',
        savedAt: '2024-01-01T00:00:00.000Z', updatedAt: new Date(Date.UTC(2024, 0, 1) + id * 1000).toISOString(), excerpt: null,
        note: id === ids[0] ? 'first one' : '', tags: [], collections: [],
        summary: { counts: { institution: 10, role: 0, person: 0, figure: 10, date: 0 }, institutions: ['Frontex'], figures: [] },
        facets: facetsOf(mentions as Mention[]),
      };
      await old.table('clippings').add(row);
      await old.table('bodies').add({ id, text, html: `<p>${text}</p>` });
      await old.table('mentions').add({ clippingId: id, mentions: packMentions(mentions) });
      for (const w of searchWords(row.title, text, row.note, '')) terms.set(w, [...(terms.get(w) ?? []), id]);
    }
    await old.table('terms').bulkAdd([...terms].map(([term, of]) => ({ term, bucket: 0, ids: of })));
  });
  old.close();
}

export type UpgradeReport = {
  version: number;
  tables: string[];
  packs: number;
  largestPackBytes: number;
  articles: { id: number; textMatches: boolean; htmlMatches: boolean; mentions: number; figureValues: number[]; quotesMatch: boolean }[];
  deaths: number[];
  firstOne: number[];
  calais: number;
  /** Rows of the search index, the words and facets they hold, and whether each is in its shard's row. */
  index: { rows: number; words: number; inTheirShard: boolean };
  /** Whether the page was told, and whether the upgrade's Web Lock was seen held during it and free after. */
  told: number;
  lock: { during: boolean; after: boolean };
};

export async function upgradeFromVersion4(ids: number[]): Promise<UpgradeReport> {
  const name = `upgrade-${Date.now()}`;
  await writeVersion4(name, ids);
  let told = 0;
  const db = openDatabase(name, { onUpgrade: () => { told++; } });
  try {
    const opening = db.open();
    // As another page sees it while its own open waits: the lock is taken as the upgrade starts.
    let during = false;
    let done = false;
    void opening.finally(() => { done = true; });
    while (!done && !during) {
      during = await upgradeUnderway();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await opening;
    // Released once the open has ended (the lock's callback settles with it, a task later).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await upgradeUnderway();
    const packs = await db.packs.toArray();
    const articles = [];
    for (const id of ids) {
      const c = (await getClipping(db, id))!;
      const mentions = await mentionsOf(db, id);
      articles.push({
        id,
        textMatches: c.text === articleText(id),
        htmlMatches: c.html === `<p>${articleText(id)}</p>`,
        mentions: mentions.length,
        figureValues: mentions.filter((m) => m.kind === 'figure').map((m) => m.value!),
        quotesMatch: mentions.every((m) => m.anchor.quote === c.text.slice(m.start, m.end) && m.text === m.anchor.quote),
      });
    }
    return {
      told,
      lock: { during, after },
      version: db.verno,
      tables: db.tables.map((t) => t.name).sort(),
      packs: packs.length,
      largestPackBytes: Math.max(...packs.map((p) => p.articles.reduce((n, a) => n + ('text' in a ? 2 * (a.text.length + a.html.length) : 0), 0))),
      articles,
      deaths: (await queryLibrary(db, { facets: [{ type: 'category', category: 'deaths' }] })).ids,
      firstOne: (await queryLibrary(db, { text: 'first one' })).ids,
      calais: (await queryLibrary(db, { text: 'calais' })).ids.length,
      index: await db.terms.toArray().then((rows) => ({
        rows: rows.length,
        words: rows.reduce((n, r) => n + r.words.length, 0),
        inTheirShard: rows.every((r) => r.words.every((w) => shardOf(w) === r.term)),
      })),
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

(globalThis as unknown as { __migralensUpgrade: unknown }).__migralensUpgrade = { upgradeFromVersion4 };
