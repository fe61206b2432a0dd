import type { Clipping, Collection, StoredMention } from '../db/schema';

/**
 * The JSON backup: the library as stored, lossless and re-importable. `format` and `version` come
 * first in the file so that a reader can tell what it holds before reading the rest. A change to
 * this shape is a new version, and lib/import/ keeps reading the versions before it.
 */
export const BACKUP_FORMAT = 'migralens-library';
export const BACKUP_VERSION = 1;

/**
 * A mention as backed up: its clipping is the one it is listed under, so `clippingId` is left out,
 * and its anchor is cut from the clipping's text at its offsets, so a backup leaves it out too (a
 * file that has one is read all the same).
 */
export type BackupMention = Omit<StoredMention, 'clippingId' | 'anchor'> & Partial<Pick<StoredMention, 'anchor'>>;

/**
 * Fields the library derives from the others (search words, detection facets): left out of the
 * backup, which they would double, and recomputed on import by the same functions that save.
 */
export const DERIVED_FIELDS = ['words', 'facets'] as const;
type Derived = (typeof DERIVED_FIELDS)[number];

/**
 * A clipping as backed up. `source` and `pageKey` may be absent in files written by hand or by
 * other tools: they default to a whole page and the key of `url`.
 */
export type BackupClipping = Omit<Clipping, Derived | 'source' | 'pageKey'> & Partial<Pick<Clipping, 'source' | 'pageKey'>> & {
  mentions: BackupMention[];
};

export type LibraryBackup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO timestamp of the export. */
  exportedAt: string;
  /** What wrote the file, e.g. `MigraLens 0.1.0` or `migralens annotate`. */
  generator: string;
  collections: Collection[];
  clippings: BackupClipping[];
};
