import { unpackMentions } from '../db/mention-store';
import type { ClippingBody, ClippingRow, MentionList, MigraLensDB } from '../db/schema';
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
 * Rows, bodies and mention lists (in the order of `slice`, undefined where gone) of the sorted ids
 * in `slice`. A dense run of ids (the whole library, usually) is read as key ranges, one request
 * per table; a sparse one key by key, so that it never reads much beyond the scope.
 */
async function readSlice(db: MigraLensDB, slice: number[]): Promise<[(ClippingRow | undefined)[], (ClippingBody | undefined)[], (MentionList | undefined)[]]> {
  const lo = slice[0];
  const hi = slice[slice.length - 1];
  const sparse = hi - lo + 1 > 2 * slice.length;
  const [rows, bodies, lists] = await Promise.all([
    sparse ? db.clippings.bulkGet(slice) : db.clippings.where(':id').between(lo, hi, true, true).toArray(),
    sparse ? db.bodies.bulkGet(slice) : db.bodies.where(':id').between(lo, hi, true, true).toArray(),
    sparse ? db.mentions.where('clippingId').anyOf(slice).toArray() : db.mentions.where('clippingId').between(lo, hi, true, true).toArray(),
  ]);
  const inOrder = <T>(found: (T | undefined)[], idOf: (x: T) => number) => {
    const byId = new Map<number, T>();
    for (const x of found) if (x) byId.set(idOf(x), x);
    return slice.map((id) => byId.get(id));
  };
  return [inOrder(rows, (r) => r.id), inOrder(bodies, (b) => b.id), inOrder(lists, (l) => l.clippingId)];
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
    const [rows, bodies, lists] = await readSlice(db, slice);
    rows.forEach((c, k) => {
      // The article lives in `bodies` (see schema.ts); an export gets the clipping whole, as before.
      const text = bodies[k]?.text ?? '';
      if (c) clippings.push({ ...c, text, html: bodies[k]?.html ?? '', mentions: unpackMentions(c.id, lists[k]?.mentions, text) });
    });
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  const used = new Set(clippings.flatMap((c) => c.collections));
  const collections = (await db.collections.toArray()).filter((col) => scope.kind === 'library' || used.has(col.id));
  return { clippings, collections };
}
