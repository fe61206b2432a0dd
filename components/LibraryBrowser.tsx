import { useCallback, useRef, useState } from 'preact/hooks';
import { allCollections } from '@/lib/db/edits';
import { clippingsByIds, facetOptions, filterValues, queryHead, queryLibrary, type LibraryQuery } from '@/lib/db/queries';
import type { ClippingRow, MigraLensDB } from '@/lib/db/schema';
import { ClippingList, firstScreen } from './ClippingList';
import { UPGRADING } from './upgrading';
import { LibraryFilters } from './LibraryFilters';
import { useLiveQuery } from './use-live-query';

export type LibraryBrowserProps = {
  db: MigraLensDB;
  href: (clipping: ClippingRow) => string;
  onOpen?: (clipping: ClippingRow) => void;
  /** Height of the result list in pixels. */
  listHeight: number;
  /**
   * The whole library's first screen, read before the page rendered (see readLibraryHead): the
   * list draws it in the first frame, and the live query takes over from there.
   */
  first?: LibraryHead;
  /** The library is being upgraded before its first read (see openAndRead). */
  upgrading?: boolean;
};

/** A query's first screen: what the list draws before it reads any more. */
export type LibraryHead = { key: string; ids: number[]; total: number | null; first: ClippingRow[] };

/** The first screen of `query` for a list `listHeight` pixels high, read as the list reads it. */
export async function readLibraryHead(db: MigraLensDB, query: LibraryQuery, listHeight: number): Promise<LibraryHead> {
  const head = await queryHead(db, query, firstScreen(listHeight));
  return { key: JSON.stringify(query), ids: head.ids, total: head.total, first: head.rows };
}

/** Search, filters and the live result list: the same in the popup and the full-page library. */
export function LibraryBrowser({ db, href, onOpen, listHeight, first, upgrading }: LibraryBrowserProps) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const key = JSON.stringify(query);
  // The result carries the query it answers, so that the page (and the benchmark) can tell when it
  // is current, and the first screen's ids and rows, read in the same step: the list draws them
  // with the count. For the whole library the count follows (see queryHead)...
  const result = useLiveQuery(() => readLibraryHead(db, query, listHeight), [db, key, listHeight], first?.key === key ? first : null);
  // Asked for in the render that draws the first rows; then the count stays live, so that clearing
  // a search shows it at once.
  const countWanted = useRef(false);
  if (result.value?.total === null) countWanted.current = true;
  const counted = useLiveQuery(async () => (countWanted.current ? db.clippings.count() : null), [db, countWanted.current], null);
  const total = result.value ? result.value.total ?? counted.value : null;
  // ...and every id is read once the list scrolls past them: read at once, that read would compete
  // with the search typed next.
  const [moreFor, setMoreFor] = useState<string | null>(null);
  const onMore = useCallback(() => setMoreFor(key), [key]);
  const partial = moreFor === key && result.value?.key === key && total !== null && result.value.ids.length < total;
  const whole = useLiveQuery(async () => (partial ? { key, ids: (await queryLibrary(db, query)).ids } : null), [db, key, partial], null);
  const ids = whole.value?.key === result.value?.key ? whole.value?.ids : undefined;
  // The filters' own queries wait for the first result and its count: the first rows are what the
  // reader waits for.
  const listed = result.value !== null && total !== null;
  const chips = useLiveQuery(async () => (listed ? facetOptions(db) : []), [db, listed], []);
  const collections = useLiveQuery(async () => (listed ? allCollections(db) : []), [db, listed], []);
  const values = useLiveQuery(async () => (listed ? filterValues(db) : { sites: [], tags: [] }), [db, listed], { sites: [], tags: [] });
  const load = useCallback((ids: number[]) => clippingsByIds(db, ids), [db]);
  const filtered = Object.values(query).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
  const count = ids?.length ?? total;
  const failed = result.error ?? whole.error ?? counted.error;
  return (
    <section class="library" aria-label="Library">
      <LibraryFilters query={query} onChange={setQuery} chips={chips.value} collections={collections.value} sites={values.value.sites} tags={values.value.tags} />
      {failed ? <div class="status error" role="alert">The library could not be read: {failed.message}</div> : (
        <>
          <p class="result-count" role="status" aria-live="polite" data-query={result.value?.key} data-counted={count ?? undefined}>{!result.value ? (upgrading ? UPGRADING : 'Reading the library…') : count === null ? 'Latest clippings, counting…' : `${count} ${count === 1 ? 'clipping' : 'clippings'}${filtered ? ' found' : ''}`}</p>
          {result.value && (
            <ClippingList ids={ids ?? result.value.ids} count={count ?? result.value.ids.length} onMore={onMore} preloaded={result.value.first} load={load} href={href} onOpen={onOpen} height={listHeight}
              empty={filtered ? 'No clipping matches. Remove a filter or change the search.' : 'No clippings yet. Save an article to start your library.'} />
          )}
        </>
      )}
    </section>
  );
}
