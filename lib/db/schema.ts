import Dexie, { type EntityTable, type Transaction } from 'dexie';
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
   * What was detected, as index keys (`kind:person`, `entity:eu.frontex`, `name:institution:Frontex`,
   * `category:deaths`), derived from the mentions in the same transaction. Filters read clipping ids
   * straight from this index instead of joining half a million mentions.
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
  /**
   * Search tokens of title, text, note and tags (lower case, without accents; see search-words.ts),
   * multiEntry-indexed: a word search is an index lookup, not a scan of 50 MB of text. Kept here,
   * not in the row, so that list reads never drag thousands of words along.
   */
  words: string[];
};

/** A clipping with its article: what a save writes, the reader page shows and an export reads. */
export type Clipping = ClippingRow & Pick<ClippingBody, 'text' | 'html'>;

export type ClippingSummary = {
  counts: Record<Mention['kind'], number>;
  institutions: string[];
  figures: string[];
};

/** One detected mention of a saved clipping. */
export type StoredMention = Omit<Mention, never> & {
  id: number;
  clippingId: number;
  anchor: TextAnchor;
};

export type Collection = { id: number; name: string; createdAt: string };

export const DB_NAME = 'migralens';

export type MigraLensDB = Dexie & {
  clippings: EntityTable<ClippingRow, 'id'>;
  bodies: EntityTable<ClippingBody, 'id'>;
  mentions: EntityTable<StoredMention, 'id'>;
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
 * The one schema declaration. Each later change is a new `version(n)` with an `upgrade()` and a
 * test in tests/unit/db-upgrade.test.ts that upgrades data written by the version before.
 */
export function openDatabase(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): MigraLensDB {
  const db = new Dexie(name, options) as MigraLensDB;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  return db;
}

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
    for (const { text, html, words, ...row } of batch) {
      bodies.push({ id: row.id, text, html, words: words ?? [] });
      rows.push(row);
    }
    await tx.table('bodies').bulkAdd(bodies);
    await clippings.bulkPut(rows);
    after = batch[batch.length - 1].id;
  }
}
