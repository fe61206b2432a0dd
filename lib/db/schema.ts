import Dexie, { type EntityTable } from 'dexie';
import type { TextAnchor } from '../anchor/text-quote';
import type { Mention } from '../detect/types';

/** A saved article, or a passage of one. Opened only in the extension's own origin (background and extension pages). */
export type Clipping = {
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
  /** The article text the mentions' offsets point into. */
  text: string;
  /** Article HTML after sanitising: no script, no event handler, no remote load. Sanitised again when rendered. */
  html: string;
  note: string;
  tags: string[];
  /** Ids in the `collections` table. */
  collections: number[];
  /** Counts per kind and the distinct institutions and figures, for list views without a join. */
  summary: ClippingSummary;
  /**
   * Search tokens of title, text, note and tags (lower case, without accents; see search-words.ts),
   * multiEntry-indexed: a word search is an index lookup, not a scan of 50 MB of text.
   */
  words: string[];
  /**
   * What was detected, as index keys (`kind:person`, `entity:eu.frontex`, `name:institution:Frontex`,
   * `category:deaths`), derived from the mentions in the same transaction. Filters read clipping ids
   * straight from this index instead of joining half a million mentions.
   */
  facets: string[];
};

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
  clippings: EntityTable<Clipping, 'id'>;
  mentions: EntityTable<StoredMention, 'id'>;
  collections: EntityTable<Collection, 'id'>;
};

/**
 * The one schema declaration. Each later change is a new `version(n)` with an `upgrade()` and a
 * test in tests/unit/db-upgrade.test.ts that upgrades data written by the version before.
 */
export function openDatabase(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): MigraLensDB {
  const db = new Dexie(name, options) as MigraLensDB;
  db.version(1).stores({
    clippings: '++id, &urlKey, pageKey, source, savedAt, updatedAt, siteName, lang, published, *tags, *collections, *words, *facets',
    mentions: '++id, clippingId, kind, canonical, entityId, category, iso, [kind+canonical], [kind+category]',
    collections: '++id, &name',
  });
  return db;
}
