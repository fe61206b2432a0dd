import { articlesBetween, getArticles, type Article } from '../db/article-packs';
import { unpackMentions } from '../db/mention-store';
import type { ClippingRow, Collection, MigraLensDB } from '../db/schema';
import type { ExportClipping, ExportSource, PackedClipping, Progress } from './types';

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
 * Rows and articles (in the order of `slice`, undefined where gone) of the sorted ids in `slice`.
 * A dense run of ids (the whole library, usually) is read as key ranges, one request per table; a
 * sparse one key by key, so that it never reads much beyond the scope.
 */
async function readSlice(db: MigraLensDB, slice: number[]): Promise<[(ClippingRow | undefined)[], (Article | undefined)[]]> {
  const lo = slice[0];
  const hi = slice[slice.length - 1];
  const sparse = hi - lo + 1 > 2 * slice.length;
  const [rows, articles] = await Promise.all([
    sparse ? db.clippings.bulkGet(slice) : db.clippings.where(':id').between(lo, hi, true, true).toArray(),
    sparse ? getArticles(db, slice) : articlesBetween(db, lo, hi),
  ]);
  const inOrder = <T>(found: (T | undefined)[], idOf: (x: T) => number) => {
    const byId = new Map<number, T>();
    for (const x of found) if (x) byId.set(idOf(x), x);
    return slice.map((id) => byId.get(id));
  };
  return [inOrder(rows, (r) => r.id), inOrder<Article>(articles, (a) => a.id)];
}

/** The clippings of one slice with their articles, which live in `packs` (see article-packs.ts), and their mentions as stored. */
async function readClippings(db: MigraLensDB, slice: number[]): Promise<PackedClipping[]> {
  const [rows, articles] = await readSlice(db, slice);
  const out: PackedClipping[] = [];
  rows.forEach((c, k) => {
    const a = articles[k];
    if (c) out.push({ ...c, text: a?.text ?? '', html: a?.html ?? '', packed: a?.mentions });
  });
  return out;
}

/** A clipping read from the library, with its mentions whole (numbered, with their text and anchor). */
export function withMentions(c: PackedClipping): ExportClipping {
  const { packed, ...clipping } = c;
  return { ...clipping, mentions: unpackMentions(c.id, packed, c.text) };
}

export type ExportBatches = {
  /** Every collection of the library, to name the clippings' collection ids. */
  allCollections: Collection[];
  /** Awaited for each batch of clippings in scope, in id order, while the next batch is being read. */
  each: (onBatch: (clippings: PackedClipping[], done: number, total: number) => Promise<void> | void) => Promise<void>;
  /** After `each`: the collections the export covers (all of them for the whole library, so that empty ones survive a backup). */
  collections: () => Collection[];
};

/**
 * Reads the clippings in scope with their mentions (in stored order) a batch at a time. The next
 * batch is asked for before the current one is handed over: IndexedDB reads it while the page
 * writes the current one, instead of the two waiting for each other.
 */
export async function readExportBatches(db: MigraLensDB, scope: ExportScope, size = BATCH): Promise<ExportBatches> {
  const ids = (await clippingIds(db, scope)).sort((a, b) => a - b);
  const allCollections = await db.collections.toArray();
  const used = new Set<number>();
  return {
    allCollections,
    each: async (onBatch) => {
      let next = ids.length ? readClippings(db, ids.slice(0, size)) : null;
      for (let i = 0; next; i += size) {
        const batch = await next;
        next = i + size < ids.length ? readClippings(db, ids.slice(i + size, i + 2 * size)) : null;
        for (const c of batch) for (const id of c.collections) used.add(id);
        await onBatch(batch, Math.min(i + size, ids.length), ids.length);
      }
    },
    collections: () => allCollections.filter((col) => scope.kind === 'library' || used.has(col.id)),
  };
}

/** The clippings in scope and their collections, all in memory (see readExportBatches). */
export async function readExportSource(db: MigraLensDB, scope: ExportScope, onProgress?: Progress): Promise<ExportSource> {
  const batches = await readExportBatches(db, scope);
  const clippings: ExportClipping[] = [];
  await batches.each((batch, done, total) => { for (const c of batch) clippings.push(withMentions(c)); onProgress?.(done, total); });
  return { clippings, collections: batches.collections() };
}
