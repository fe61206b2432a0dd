import type { IndexableType } from 'dexie';
import { facetKey, facetTerm, type Facet } from './facets';
import type { ClippingRow, MigraLensDB } from './schema';
import { queryWords } from './search-words';
import { clippingsWithWord } from './term-index';

/** What the library is filtered by; every part is optional and all given parts must match. */
export type LibraryQuery = {
  /** Words searched in title, text, note and tags; the last one also matches as a prefix (typing). */
  text?: string;
  facets?: Facet[];
  collectionId?: number;
  tag?: string;
  siteName?: string;
  /** Publication date range, inclusive, `YYYY-MM-DD` (a clipping without a date is left out when a bound is set). */
  from?: string;
  to?: string;
};

export type QueryResult = {
  /** Matching clipping ids, most recently saved or updated first. */
  ids: number[];
};

/** A word shorter than this is matched exactly, never as a prefix: "a*" would read most of the index. */
const MIN_PREFIX = 3;

/**
 * Up to this many matches are put in order from their own rows; more, from the `updatedAt` index
 * (every key of it: tens of milliseconds for 10,000 clippings, where a search for a name finds a few).
 */
const FEW = 100;

/**
 * Every filter is an index lookup that yields clipping ids (no clipping is read; a word, a prefix
 * or a facet is read from the rows of one shard of the `terms` index); the sets are intersected and ordered by the
 * `updatedAt` index. Reading the rows is left to the caller, for the rows it shows (see
 * `clippingsByIds`). This keeps a 10,000-clipping library fast.
 */
export async function queryLibrary(db: MigraLensDB, q: LibraryQuery): Promise<QueryResult> {
  if (isWholeLibrary(q)) return { ids: await byRecency(db) };
  const matches = await matchingIds(db, q);
  if (matches.size <= FEW) return { ids: (await rowsByRecency(db, matches)).map((c) => c.id) };
  return { ids: (await byRecency(db)).filter((id) => matches.has(id)) };
}

/** The ids of the clippings that match a query that filters, in no order. */
async function matchingIds(db: MigraLensDB, q: LibraryQuery): Promise<Set<number>> {
  const sets: Promise<Set<number>>[] = [];
  const words = queryWords(q.text ?? '');
  words.forEach((word, i) => {
    const last = i === words.length - 1;
    sets.push(clippingsWithWord(db, word, last && word.length >= MIN_PREFIX));
  });
  for (const f of q.facets ?? []) sets.push(clippingsWithWord(db, facetTerm(facetKey(f)), false));
  if (q.collectionId !== undefined) sets.push(keySet(db.clippings.where('collections').equals(q.collectionId)));
  if (q.tag) sets.push(keySet(db.clippings.where('tags').equals(q.tag)));
  if (q.siteName) sets.push(keySet(db.clippings.where('siteName').equals(q.siteName)));
  if (q.from || q.to) {
    sets.push(keySet(db.clippings.where('published').between(q.from ?? '', `${q.to ?? '\uffff'}\uffff`, true, true)));
  }
  const [smallest, ...rest] = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}

/** The rows of a few ids, in the order of the `updatedAt` index read backwards: newest first, then the higher id first. */
async function rowsByRecency(db: MigraLensDB, ids: Set<number>): Promise<ClippingRow[]> {
  const rows = (await db.clippings.bulkGet([...ids])).filter((c): c is ClippingRow => !!c);
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id));
}

/** Keys of the `updatedAt` index read at a time when looking for the first matches of many: most searches fill a screen from the first read. */
const HEAD_READS = [256, 2_048, Infinity];

/**
 * The first `limit` of queryLibrary's ids for `q`, their rows, and how many ids it gives in all,
 * without putting every match in order: a list draws its first screen from these and reads the
 * rest when it scrolls past them. For the whole library, the rows come from the head of the
 * recency index, and `total` is null unless the head holds them all (a count reads every record,
 * 35–50 ms for 10,000 clippings). For more than a few matches, the recency index is read from the
 * top until a screen of them is found, instead of whole (60–110 ms for 10,000 clippings), `reads`
 * keys at a time.
 */
export async function queryHead(db: MigraLensDB, q: LibraryQuery, limit: number, reads = HEAD_READS): Promise<{ ids: number[]; rows: ClippingRow[]; total: number | null }> {
  if (isWholeLibrary(q)) {
    const rows = await recency(db).limit(limit).toArray();
    return { ids: rows.map((c) => c.id), rows, total: rows.length < limit ? rows.length : null };
  }
  const matches = await matchingIds(db, q);
  if (matches.size <= FEW) {
    const rows = await rowsByRecency(db, matches);
    return { ids: rows.map((c) => c.id), rows: rows.slice(0, limit), total: rows.length };
  }
  const ids: number[] = [];
  for (let read = 0, i = 0; ; i++) {
    const size = reads[Math.min(i, reads.length - 1)];
    const keys = (await recency(db).offset(read).limit(size).primaryKeys()) as number[];
    for (const id of keys) if (matches.has(id) && ids.push(id) === limit) break;
    if (ids.length === limit || keys.length < size) {
      // Every key read: the matches found are all there are (the index may have named one deleted since).
      const total = ids.length < limit ? ids.length : matches.size;
      return { ids, rows: await clippingsByIds(db, ids), total };
    }
    read += keys.length;
  }
}

/** Whether `q` asks for the whole library: no word of two letters or more, no filter. */
export function isWholeLibrary(q: LibraryQuery): boolean {
  return !queryWords(q.text ?? '').length && !q.facets?.length && q.collectionId === undefined && !q.tag && !q.siteName && !q.from && !q.to;
}

/** The clippings, most recently saved or updated first (then the higher id first). */
const recency = (db: MigraLensDB) => db.clippings.orderBy('updatedAt').reverse();

/** Every clipping id, most recently saved or updated first. */
async function byRecency(db: MigraLensDB): Promise<number[]> {
  return (await recency(db).primaryKeys()) as number[];
}

async function keySet(coll: { primaryKeys(): Promise<unknown[]> }): Promise<Set<number>> {
  return new Set((await coll.primaryKeys()) as number[]);
}

/** The rows for ids (without the article), in the same order, skipping any deleted meanwhile. */
export async function clippingsByIds(db: MigraLensDB, ids: readonly number[]): Promise<ClippingRow[]> {
  return (await db.clippings.bulkGet([...ids])).filter((c): c is ClippingRow => !!c);
}

/** A filter value offered to the user, with how many of the sampled clippings have it. */
export type FacetOption = { facet: Facet; label: string; count: number };

/**
 * Filter chips: the detected names and figure categories most frequent among the `sample` most
 * recent clippings (a fixed-size read, so its cost does not grow with the library).
 */
export async function facetOptions(db: MigraLensDB, sample = 200, limit = 12): Promise<FacetOption[]> {
  const recent = await recency(db).limit(sample).toArray();
  const counts = new Map<string, number>();
  for (const c of recent) for (const key of c.facets) counts.set(key, (counts.get(key) ?? 0) + 1);
  const options: FacetOption[] = [];
  for (const [key, count] of counts) {
    const facet = parseFacetKey(key);
    if (facet && facet.type !== 'kind' && facet.type !== 'entity') {
      options.push({ facet, count, label: facet.type === 'name' ? facet.canonical : facet.category });
    }
  }
  const named = options.filter((o) => o.facet.type === 'name').sort(byCount).slice(0, limit);
  const categories = options.filter((o) => o.facet.type === 'category').sort(byCount).slice(0, limit);
  return [...named, ...categories];
}

const byCount = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label);

export function parseFacetKey(key: string): Facet | null {
  const [type, ...rest] = key.split(':');
  if (type === 'kind' && rest.length === 1) return { type, kind: rest[0] as never };
  if (type === 'name' && rest.length >= 2) return { type, kind: rest[0] as never, canonical: rest.slice(1).join(':') };
  if (type === 'entity') return { type, entityId: rest.join(':') };
  if (type === 'category') return { type, category: rest.join(':') };
  return null;
}

/** Distinct sites and tags in the library, for the filter menus (read from the indexes only). */
export async function filterValues(db: MigraLensDB, jumps = DISTINCT_JUMPS): Promise<{ sites: string[]; tags: string[] }> {
  const [sites, tags] = await Promise.all([distinctKeys(db, 'siteName', jumps), distinctKeys(db, 'tags', jumps)]);
  return { sites: sites.map(String), tags: tags.map(String) };
}

/** Distinct keys found one seek at a time before the rest of an index is read whole. */
const DISTINCT_JUMPS = 32;

/**
 * The distinct keys of an index of `clippings`, in order. A library has a few sites for thousands
 * of clippings: Chromium reads distinct keys by stepping over every entry (110–125 ms for 10,000
 * clippings and 8 sites, with a cursor or Dexie's uniqueKeys), where a seek past each key found
 * costs one request (13–19 ms). After `jumps` seeks, the rest of the index is read whole.
 */
async function distinctKeys(db: MigraLensDB, index: 'siteName' | 'tags', jumps: number): Promise<IndexableType[]> {
  return db.transaction('r', db.clippings, async () => {
    const found: IndexableType[] = [];
    let [key] = await db.clippings.orderBy(index).limit(1).keys();
    while (key !== undefined) {
      found.push(key);
      if (found.length === jumps) return found.concat(await db.clippings.where(index).above(key).uniqueKeys());
      [key] = await db.clippings.where(index).above(key).limit(1).keys();
    }
    return found;
  });
}
