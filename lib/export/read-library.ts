import type { ClippingBody, ClippingRow, MigraLensDB, StoredMention } from '../db/schema';
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
 * Rows, bodies (in the order of `slice`, undefined where gone) and mentions of the sorted ids in
 * `slice`. A dense run of ids (the whole library, usually) is read as key ranges, one request per
 * table; a sparse one key by key, so that it never reads much beyond the scope.
 */
async function readSlice(db: MigraLensDB, slice: number[]): Promise<[(ClippingRow | undefined)[], (ClippingBody | undefined)[], StoredMention[]]> {
  const lo = slice[0];
  const hi = slice[slice.length - 1];
  if (hi - lo + 1 > 2 * slice.length) {
    return Promise.all([db.clippings.bulkGet(slice), db.bodies.bulkGet(slice), db.mentions.where('clippingId').anyOf(slice).toArray()]);
  }
  const wanted = new Set(slice);
  const [rows, bodies, mentions] = await Promise.all([
    db.clippings.where(':id').between(lo, hi, true, true).toArray(),
    db.bodies.where(':id').between(lo, hi, true, true).toArray(),
    db.mentions.where('clippingId').between(lo, hi, true, true).toArray(),
  ]);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  return [slice.map((id) => rowById.get(id)), slice.map((id) => bodyById.get(id)), mentions.filter((m) => wanted.has(m.clippingId))];
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
    const [rows, bodies, mentions] = await readSlice(db, slice);
    const byClipping = new Map<number, StoredMention[]>();
    for (const m of mentions.sort((a, b) => a.id - b.id)) {
      const list = byClipping.get(m.clippingId);
      if (list) list.push(m); else byClipping.set(m.clippingId, [m]);
    }
    rows.forEach((c, k) => {
      // The article lives in `bodies` (see schema.ts); an export gets the clipping whole, as before.
      if (c) clippings.push({ ...c, text: bodies[k]?.text ?? '', html: bodies[k]?.html ?? '', mentions: byClipping.get(c.id) ?? [] });
    });
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  const used = new Set(clippings.flatMap((c) => c.collections));
  const collections = (await db.collections.toArray()).filter((col) => scope.kind === 'library' || used.has(col.id));
  return { clippings, collections };
}
