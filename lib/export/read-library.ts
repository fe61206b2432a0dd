import type { Clipping, MigraLensDB, StoredMention } from '../db/schema';
import type { ExportClipping, ExportSource, Progress } from './types';

/** What to export: the whole library, one collection, or the clippings of a search result (by id). */
export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; collectionId: number }
  | { kind: 'clippings'; ids: readonly number[] };

const BATCH = 500;

async function clippingIds(db: MigraLensDB, scope: ExportScope): Promise<number[]> {
  if (scope.kind === 'library') return (await db.clippings.toCollection().primaryKeys()) as number[];
  if (scope.kind === 'collection') return (await db.clippings.where('collections').equals(scope.collectionId).primaryKeys()) as number[];
  return [...scope.ids];
}

/**
 * Reads the clippings in scope with their mentions (in stored order), a batch at a time so that
 * the progress bar moves while a large library is read, and the collections they belong to
 * (all of them for the whole library, so that empty collections survive a backup).
 */
export async function readExportSource(db: MigraLensDB, scope: ExportScope, onProgress?: Progress): Promise<ExportSource> {
  const ids = (await clippingIds(db, scope)).sort((a, b) => a - b);
  const clippings: ExportClipping[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const slice = ids.slice(i, i + BATCH);
    const rows = (await db.clippings.bulkGet(slice)).filter((c): c is Clipping => !!c);
    const mentions = await db.mentions.where('clippingId').anyOf(slice).toArray();
    const byClipping = new Map<number, StoredMention[]>();
    for (const m of mentions.sort((a, b) => a.id - b.id)) {
      const list = byClipping.get(m.clippingId);
      if (list) list.push(m); else byClipping.set(m.clippingId, [m]);
    }
    for (const c of rows) clippings.push({ ...c, mentions: byClipping.get(c.id) ?? [] });
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  const used = new Set(clippings.flatMap((c) => c.collections));
  const collections = (await db.collections.toArray()).filter((col) => scope.kind === 'library' || used.has(col.id));
  return { clippings, collections };
}
