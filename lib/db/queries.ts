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
 * Every filter is an index lookup that yields clipping ids (no clipping is read; a word or a facet
 * is one row of the `terms` index, a prefix a key range of it); the sets are intersected and ordered by the
 * `updatedAt` index. Reading the rows is left to the caller, for the rows it shows (see
 * `clippingsByIds`). This keeps a 10,000-clipping library fast.
 */
export async function queryLibrary(db: MigraLensDB, q: LibraryQuery): Promise<QueryResult> {
  if (isWholeLibrary(q)) return { ids: await byRecency(db) };
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
  const resolved = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = resolved;
  if (smallest.size <= FEW) {
    const matches = [...smallest].filter((id) => rest.every((s) => s.has(id)));
    const rows = (await db.clippings.bulkGet(matches)).filter((c): c is ClippingRow => !!c);
    // The order of the `updatedAt` index read backwards: newest first, then the higher id first.
    return { ids: rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id)).map((c) => c.id) };
  }
  return { ids: (await byRecency(db)).filter((id) => resolved.every((s) => s.has(id))) };
}

/** Whether `q` asks for the whole library: no word of two letters or more, no filter. */
export function isWholeLibrary(q: LibraryQuery): boolean {
  return !queryWords(q.text ?? '').length && !q.facets?.length && q.collectionId === undefined && !q.tag && !q.siteName && !q.from && !q.to;
}

/**
 * For the whole library, the rows of the first `limit` ids that queryLibrary gives, from the head
 * of the recency index, and how many there are in all when the head holds them all (fewer than
 * `limit`), else null: a list draws its first screen without reading the index's every key (100 ms
 * for 10,000 clippings), and without waiting for a count, which reads every record (35–50 ms).
 * Null for a query that filters, whose ids are read whole.
 */
export async function libraryHead(db: MigraLensDB, q: LibraryQuery, limit: number): Promise<{ rows: ClippingRow[]; total: number | null } | null> {
  if (!isWholeLibrary(q)) return null;
  const rows = await recency(db).limit(limit).toArray();
  return { rows, total: rows.length < limit ? rows.length : null };
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
export async function filterValues(db: MigraLensDB): Promise<{ sites: string[]; tags: string[] }> {
  const [sites, tags] = await Promise.all([
    db.clippings.orderBy('siteName').uniqueKeys(),
    db.clippings.orderBy('tags').uniqueKeys(),
  ]);
  return { sites: sites.map(String), tags: tags.map(String) };
}
