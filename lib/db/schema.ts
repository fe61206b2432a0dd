import Dexie, { type Collection as DexieCollection, type EntityTable, type Table, type Transaction } from 'dexie';
import { packOf, packRecords, PACK_SIZE, type Article, type ArticlePack } from './article-packs';
import { facetTerm } from './facets';
import { NO_MENTIONS, packMentions, type PackedMention, type PackedMentions } from './mention-store';
import { searchWords } from './search-words';
import { shardEntries, updateTerms, type WordsChange } from './term-index';
import type { TextAnchor } from '../anchor/text-quote';
import type { Mention } from '../detect/types';

/**
 * A saved article, or a passage of one, as list views read it: everything but the article itself.
 * Opened only in the extension's own origin (background and extension pages).
 */
export type ClippingRow = {
  id: number;
  /**
   * Deduplication key: canonical URL, else the URL without tracking parameters (see url-key.ts).
   * A selection clipping's key is its page's key plus `#selection:` and a hash of the passage.
   */
  urlKey: string;
  /** `page` for a whole article, `selection` for a passage the reader selected. */
  source: 'page' | 'selection';
  /** urlKey(url) without the canonical URL: finds the clipping again from the address bar. */
  pageKey: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Declared language of the page, else the detected one. */
  lang: string | null;
  published: string | null;
  /** ISO timestamps. */
  savedAt: string;
  updatedAt: string;
  excerpt: string | null;
  note: string;
  tags: string[];
  /** Ids in the `collections` table. */
  collections: number[];
  /** Counts per kind and the distinct institutions and figures, for list views without a join. */
  summary: ClippingSummary;
  /**
   * What was detected, as keys (`kind:person`, `entity:eu.frontex`, `name:institution:Frontex`,
   * `category:deaths`), derived from the mentions in the same transaction. Each is also an entry of
   * the `terms` index (see facets.ts), from which filters read clipping ids instead of joining half
   * a million mentions; chips count them over the recent rows.
   */
  facets: string[];
};

/**
 * The heavy part of a clipping, in its own table keyed by the clipping's id: a list, a filter or
 * a facet count never reads (nor deserialises) 50 MB of article text.
 */
export type ClippingBody = {
  id: number;
  /** The article text the mentions' offsets point into. */
  text: string;
  /** Article HTML after sanitising: no script, no event handler, no remote load. Sanitised again when rendered. */
  html: string;
};

/**
 * A row of the search index, inverted: the words of a shard (`term`: the words that begin alike;
 * see shardOf in term-index.ts), and for each, the ids of the clippings that contain it among the
 * 1,024 of the row's `bucket`. A 10,000-clipping library holds one or two thousand rows instead of
 * millions of multiEntry index entries (version 2) or a row per word (version 5, 30,000 rows for
 * a generated library), which is what made imports slow; a search reads the rows of one shard per
 * word, a save or a delete one row per shard of its words. `words` are in order; the ids of
 * `words[i]`, ascending, are `ids` from `ends[i - 1]` (0 for the first) to `ends[i]`: arrays of
 * 32-bit integers, which the browser copies in and out of IndexedDB as they are, where it decodes
 * a list of numbers one by one.
 */
export type TermShard = { term: string; bucket: number; words: string[]; ends: Uint32Array; ids: Uint32Array };

/** A version-5 row of the search index: one word's ids in a bucket. */
type V5Term = { term: string; bucket: number; ids: number[] };

/**
 * All mentions of one clipping, in one row, packed (see mention-store.ts): a save, an export or an
 * import moves one record per clipping instead of one per mention (500,000 for a large library),
 * each distinct value once. "Which clippings mention X / have a figure of category Y" is the
 * `facets` index of `clippings`, derived from these mentions in the same transaction.
 */
export type MentionList = { id: number; clippingId: number; mentions: PackedMentions };

/** A clipping with its article: what a save writes, the reader page shows and an export reads. */
export type Clipping = ClippingRow & Pick<ClippingBody, 'text' | 'html'>;

export type ClippingSummary = {
  counts: Record<Mention['kind'], number>;
  institutions: string[];
  figures: string[];
};

/** One detected mention of a saved clipping. */
export type StoredMention = Omit<Mention, never> & {
  /** Its place in the clipping's list, from 1: unique within the clipping. */
  id: number;
  clippingId: number;
  anchor: TextAnchor;
};

export type Collection = { id: number; name: string; createdAt: string };

export const DB_NAME = 'migralens';

export type MigraLensDB = Dexie & {
  clippings: EntityTable<ClippingRow, 'id'>;
  terms: Table<TermShard, [string, number]>;
  packs: EntityTable<ArticlePack, 'id'>;
  collections: EntityTable<Collection, 'id'>;
};

/** Version 1 kept text, HTML and a multiEntry `words` index in every clipping row. */
export const SCHEMA_V1 = {
  clippings: '++id, &urlKey, pageKey, source, savedAt, updatedAt, siteName, lang, published, *tags, *collections, *words, *facets',
  mentions: '++id, clippingId, kind, canonical, entityId, category, iso, [kind+canonical], [kind+category]',
  collections: '++id, &name',
};

/**
 * Version 2: light clipping rows (only the indexes the queries use); the article and its search
 * words in `bodies`; on mentions only the clipping id, the ISO date and the two lookups the library
 * answers ("mentions of X of this kind", "figures of category Y"), instead of seven indexes.
 */
export const SCHEMA_V2 = {
  clippings: '++id, &urlKey, pageKey, updatedAt, siteName, published, *tags, *collections, *facets',
  bodies: 'id, *words',
  mentions: '++id, clippingId, iso, [kind+canonical], [kind+category]',
  collections: '++id, &name',
};

/**
 * Version 3: mentions as one list per clipping, and the search words as an inverted index
 * (`terms`) instead of a multiEntry index over every body. Importing 10,000 clippings wrote
 * ~500,000 mention rows and ~4 million index entries in version 2.
 */
export const SCHEMA_V3 = {
  clippings: SCHEMA_V2.clippings,
  bodies: 'id',
  words: 'id',
  terms: '[term+bucket]',
  mentions: '++id, clippingId',
  collections: '++id, &name',
};

/**
 * Version 4: each mention list packed as columns of distinct values (see mention-store.ts) instead
 * of a list of objects that repeat every field name and value; and no `words` table: a clipping's
 * search words are computed again from its title, text, note and tags when a change needs the old
 * ones (search-words.ts), instead of a record per clipping written with every save and import.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, words: null };

/**
 * Version 5: the article text, HTML and mention list of sixteen consecutive clippings in one
 * `packs` record (see article-packs.ts) instead of a `bodies` and a `mentions` record per clipping:
 * Chromium reads one large record several times faster than many small ones, which is most of
 * what an export of a large library waits for. And the facets in the `terms` index (see
 * facets.ts) instead of a multiEntry index of about twenty entries per clipping.
 */
export const SCHEMA_V5 = {
  clippings: '++id, &urlKey, pageKey, updatedAt, siteName, published, *tags, *collections',
  terms: SCHEMA_V3.terms, packs: 'id', collections: SCHEMA_V3.collections, bodies: null, mentions: null,
};

/**
 * Version 6: the same tables; the search index's rows hold the words of a shard instead of one
 * word each (see TermShard).
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * The one schema declaration. Each later change is a new `version(n)` with an `upgrade()` and a
 * test in tests/unit/db-upgrade.test.ts that upgrades data written by the version before.
 */
export function openDatabase(name = DB_NAME, options: OpenOptions = {}): MigraLensDB {
  const { onUpgrade, ...dexieOptions } = options;
  const db = new Dexie(name, dexieOptions) as MigraLensDB;
  let told = false;
  const tell = (upgrade: (tx: Transaction) => Promise<void>) => (tx: Transaction) => {
    if (!told) {
      told = true;
      onUpgrade?.();
      // Held until this open ends: another page's open waits on the upgrade meanwhile, and can tell why.
      void globalThis.navigator?.locks?.request(UPGRADE_LOCK, () => db.open().catch(() => undefined));
    }
    return upgrade(tx);
  };
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(tell(upgradeToV2));
  db.version(3).stores(SCHEMA_V3).upgrade(tell(upgradeToV3));
  db.version(4).stores(SCHEMA_V4).upgrade(tell(upgradeToV4));
  db.version(5).stores(SCHEMA_V5).upgrade(tell(upgradeToV5));
  db.version(6).stores(SCHEMA_V6).upgrade(tell(upgradeToV6));
  return db;
}

/** A Web Lock held by whichever page or worker is upgrading the library (see upgradeUnderway). */
export const UPGRADE_LOCK = 'migralens-upgrade';

/** Whether a page or worker of the extension is upgrading the library now (false where Web Locks are missing). */
export async function upgradeUnderway(): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === UPGRADE_LOCK);
}

export type OpenOptions = ConstructorParameters<typeof Dexie>[1] & {
  /**
   * Called once when opening starts upgrading a library written by an earlier version: the
   * upgrade runs before any read, once, and takes a while for a large library (15 s for 10,000
   * clippings from version 5), so a page can say why it waits.
   */
  onUpgrade?: () => void;
};

const UPGRADE_BATCH = 200;

/** Moves text, HTML and search words out of each v1 row into `bodies`, in id order, a batch at a time. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const clippings = tx.table('clippings');
  let after = 0;
  for (;;) {
    const batch = (await clippings.where(':id').above(after).limit(UPGRADE_BATCH).toArray()) as (ClippingRow & ClippingBody)[];
    if (!batch.length) return;
    const bodies: ClippingBody[] = [];
    const rows: ClippingRow[] = [];
    for (const { text, html, words, ...row } of batch as (ClippingRow & ClippingBody & { words?: string[] })[]) {
      bodies.push({ id: row.id, text, html, words: words ?? [] } as ClippingBody);
      rows.push(row);
    }
    await tx.table('bodies').bulkAdd(bodies);
    await clippings.bulkPut(rows);
    after = batch[batch.length - 1].id;
  }
}

type V2Body = ClippingBody & { words?: string[] };
/** A version-3 mention list: one object per mention, without what the text gives back. */
type V3MentionList = Omit<MentionList, 'mentions'> & { mentions: PackedMention[] };

/** How version 3 packed a list: each mention without its text, anchor, id and clipping. */
const packV3 = (list: readonly StoredMention[]): PackedMention[] => list.map(({ text: _, anchor: __, id: ___, clippingId: ____, ...rest }) => rest);
/** A version-2 mention row: one per mention, with an id unique in the whole table. */
type V2Mention = StoredMention;

/**
 * Moves each body's search words into `terms`, and regroups the mention rows of each clipping into
 * one list (in their stored order, then numbered from 1 by their place), a batch of clippings at a
 * time. (Version 3 also kept each clipping's words in `words`; version 4 drops that table and
 * rebuilds `terms`, so an upgrade through this one does not fill it.)
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const bodies = tx.table('bodies');
  const mentions = tx.table('mentions');
  const tables = { terms: tx.table('terms') } as Pick<MigraLensDB, 'terms'>;
  let after = 0;
  for (;;) {
    const batch = (await bodies.where(':id').above(after).limit(UPGRADE_BATCH).toArray()) as V2Body[];
    if (!batch.length) break;
    const last = batch[batch.length - 1].id;
    await bodies.bulkPut(batch.map(({ words: _, ...body }) => body));
    await updateTerms(tables, batch.map((b) => ({ id: b.id, before: [], after: b.words ?? [] })));
    await regroupMentions(mentions, mentions.where('clippingId').between(after, last, false, true));
    after = last;
  }
  // Mentions of a clipping without a body (none should exist) are kept all the same.
  await regroupMentions(mentions, mentions.where('clippingId').above(after));
}

async function regroupMentions(table: Table, rows: DexieCollection): Promise<void> {
  const old = ((await rows.toArray()) as V2Mention[]).sort((a, b) => a.id - b.id);
  if (!old.length) return;
  const lists = new Map<number, StoredMention[]>();
  for (const m of old) {
    const list = lists.get(m.clippingId);
    if (list) list.push(m); else lists.set(m.clippingId, [m]);
  }
  await table.bulkDelete(old.map((m) => m.id));
  await table.bulkAdd([...lists].map(([clippingId, list]) => ({ clippingId, mentions: packV3(list) })));
}

/**
 * Repacks each version-3 list (objects, in list order) as columns, a batch of lists at a time; and
 * rebuilds the search index from the words of each clipping as this version computes them, so
 * that what a later change computes as a clipping's old words is exactly what the index holds.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const mentions = tx.table('mentions');
  let after = 0;
  for (;;) {
    const batch = (await mentions.where(':id').above(after).limit(UPGRADE_BATCH).toArray()) as V3MentionList[];
    if (!batch.length) break;
    await mentions.bulkPut(batch.map((l) => ({ ...l, mentions: packMentions(l.mentions) })));
    after = batch[batch.length - 1].id;
  }
  const clippings = tx.table('clippings');
  const bodies = tx.table('bodies');
  const changes: WordsChange[] = [];
  after = 0;
  for (;;) {
    const rows = (await clippings.where(':id').above(after).limit(UPGRADE_BATCH).toArray()) as ClippingRow[];
    if (!rows.length) break;
    const texts = (await bodies.bulkGet(rows.map((r) => r.id))) as (ClippingBody | undefined)[];
    rows.forEach((r, i) => changes.push({ id: r.id, before: [], after: searchWords(r.title, texts[i]?.text ?? '', r.note, r.tags.join(' ')) }));
    after = rows[rows.length - 1].id;
  }
  const terms = tx.table('terms');
  await terms.clear();
  // One change set: one row per word, as an import writes them.
  await updateTerms({ terms } as Pick<MigraLensDB, 'terms'>, changes);
}

/**
 * Moves each body and mention list into the pack of its clipping id, whole packs at a time (a
 * mention list without a body, which should not exist, is kept all the same, with an empty
 * article); and adds each clipping's facets to the `terms` index.
 */
async function upgradeToV5(tx: Transaction): Promise<void> {
  const bodies = tx.table('bodies');
  const mentions = tx.table('mentions');
  const packs = tx.table('packs');
  const facets: WordsChange[] = [];
  await tx.table('clippings').each((row: ClippingRow) => { facets.push({ id: row.id, before: [], after: (row.facets ?? []).map(facetTerm) }); });
  await updateTerms({ terms: tx.table('terms') } as Pick<MigraLensDB, 'terms'>, facets);
  let after = -1;
  for (;;) {
    const first = (await bodies.where(':id').above(after).first()) as ClippingBody | undefined;
    const firstList = (await mentions.where('clippingId').above(after).first()) as MentionList | undefined;
    const start = Math.min(first?.id ?? Infinity, firstList?.clippingId ?? Infinity);
    if (start === Infinity) return;
    // Whole packs, so that each is written once.
    const end = (packOf(start) + Math.ceil(UPGRADE_BATCH / PACK_SIZE)) * PACK_SIZE - 1;
    const [texts, lists] = await Promise.all([
      bodies.where(':id').between(start, end, true, true).toArray() as Promise<ClippingBody[]>,
      mentions.where('clippingId').between(start, end, true, true).toArray() as Promise<MentionList[]>,
    ]);
    const articles = new Map<number, Article>();
    for (const { id, text, html } of texts) articles.set(id, { id, text, html, mentions: NO_MENTIONS });
    for (const { clippingId: id, mentions: list } of lists) articles.set(id, { id, text: '', html: '', ...articles.get(id), mentions: list });
    const byPack = new Map<number, Article[]>();
    for (const a of [...articles.values()].sort((x, y) => x.id - y.id)) {
      const pack = byPack.get(packOf(a.id));
      if (pack) pack.push(a); else byPack.set(packOf(a.id), [a]);
    }
    await packs.bulkPut([...byPack].flatMap(([id, list]) => packRecords(id, list)));
    after = end;
  }
}

/**
 * Rebuilds the search index from version 5's rows of one word each: each clipping's words are read
 * back from them and indexed again as one change set, as an import is (version 5 put all the ids
 * an import added to a word in one row). An upgrade through version 4 or 5 already wrote shards,
 * with this version's updateTerms: their words are read back all the same.
 */
async function upgradeToV6(tx: Transaction): Promise<void> {
  const terms = tx.table('terms');
  const wordsOf = new Map<number, string[]>();
  // A page of rows at a time: a library saved a hundred clippings at a time has hundreds of
  // thousands of version-5 rows.
  let after: [string, number] | null = null;
  for (;;) {
    const page = (await (after ? terms.where(':id').above(after) : terms.toCollection()).limit(UPGRADE_BATCH * 10).toArray()) as (V5Term | TermShard)[];
    if (!page.length) break;
    for (const row of page) {
      for (const [word, ids] of 'words' in row ? shardEntries(row) : [[row.term, row.ids] as const]) {
        for (const id of ids) {
          const words = wordsOf.get(id);
          if (words) words.push(word); else wordsOf.set(id, [word]);
        }
      }
    }
    const last = page[page.length - 1];
    after = [last.term, last.bucket];
  }
  await terms.clear();
  const changes = [...wordsOf].sort(([x], [y]) => x - y).map(([id, words]): WordsChange => ({ id, before: [], after: words }));
  await updateTerms({ terms } as Pick<MigraLensDB, 'terms'>, changes);
}
