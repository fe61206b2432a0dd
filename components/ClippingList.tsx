import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ClippingRow } from '@/lib/db/schema';
import { useLiveQuery } from './use-live-query';
import { VirtualList } from './VirtualList';

export type ClippingListProps = {
  /** Matching ids, in display order (see queryLibrary): all of them, or the first ones while the rest are read. */
  ids: number[];
  /** How many match, when `ids` holds only the first ones: the rows after them wait for their ids. */
  count?: number;
  /** Asked once rows past the first `ids` come into view, for the rest of the ids. */
  onMore?: () => void;
  /** Reads the records of the rows in view; re-run live when the library changes. */
  load: (ids: number[]) => Promise<ClippingRow[]>;
  /**
   * The first screen's rows, read with `ids` (see firstScreen): drawn at once instead of after a
   * read of their own, which would wait for this list to render first.
   */
  preloaded?: readonly ClippingRow[];
  /** Address of a clipping's reader page, for the link (opened by `onOpen` when given). */
  href: (clipping: ClippingRow) => string;
  onOpen?: (clipping: ClippingRow) => void;
  /** Height of the list in pixels. */
  height: number;
  /** Said when `ids` is empty. */
  empty: string;
};

const ROW_HEIGHT = 84;

/** How many rows the list reads first, for a list `height` pixels high: those in view and a few more. */
export const firstScreen = (height: number): number => Math.ceil(height / ROW_HEIGHT) + 4;
const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '');

/** Saved clippings with what was detected in them; only the rows in view are read and drawn. */
export function ClippingList({ ids, count = ids.length, onMore, load, href, onOpen, preloaded, height, empty }: ClippingListProps) {
  // The first screen's rows are read straight away, before the list has measured its scroll position.
  const [range, setRange] = useState<[number, number]>(() => [0, firstScreen(height)]);
  const onRange = useCallback((start: number, end: number) => setRange([start, end]), []);
  const visible = ids.slice(range[0], range[1]);
  const key = visible.join(',');
  const rows = useLiveQuery(async () => new Map((await load(visible)).map((c) => [c.id, c])), [key, load], new Map<number, ClippingRow>());
  const early = useMemo(() => new Map((preloaded ?? []).map((c) => [c.id, c])), [preloaded]);
  const beyond = range[1] > ids.length && ids.length < count;
  useEffect(() => { if (beyond) onMore?.(); }, [beyond, onMore]);
  if (!count) return <p class="clipping-meta">{empty}</p>;
  return (
    <VirtualList count={count} rowHeight={ROW_HEIGHT} height={Math.min(height, count * ROW_HEIGHT)} label="Saved clippings" onRange={onRange}
      renderRow={(i, tabIndex) => {
        const c = rows.value.get(ids[i]) ?? early.get(ids[i]);
        if (!c) return <span class="clipping-meta">…</span>;
        const total = c.summary.counts.institution + c.summary.counts.role + c.summary.counts.person + c.summary.counts.figure + c.summary.counts.date;
        return (
          <div data-clipping-id={c.id}>
            <a class="clipping-title" href={href(c)} tabIndex={tabIndex} target="_blank" rel="noopener noreferrer"
              onClick={onOpen ? (e) => { e.preventDefault(); onOpen(c); } : undefined}>
              {c.title}
            </a>
            <div class="clipping-meta">
              {[c.source === 'selection' ? 'Passage' : null, c.siteName, dateOf(c.published), `${total} mentions`, c.note ? 'Note' : null].filter(Boolean).join(' · ')}
            </div>
            {/* Figures first: they tell one clipping from the next, where the same agencies recur, and the row cuts what does not fit. */}
            <div class="chips">
              {c.summary.figures.slice(0, 3).map((text, j) => <span class="chip figure" key={`f${j}`}>{text}</span>)}
              {c.summary.institutions.slice(0, 5).map((name) => <span class="chip institution" key={name}>{name}</span>)}
            </div>
          </div>
        );
      }} />
  );
}
