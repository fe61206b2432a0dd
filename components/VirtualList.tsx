import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export type VirtualListProps = {
  count: number;
  /** Every row has this height in pixels: what makes windowing a division, not a measurement. */
  rowHeight: number;
  /** Height of the scrolling box in pixels. */
  height: number;
  /** Accessible name of the list. */
  label: string;
  /** Rows drawn beyond the visible ones on each side, so that fast scrolling shows no gap. */
  overscan?: number;
  /** Renders row `index`; `tabIndex` goes on the row's link or button (one row is in the Tab order at a time). */
  renderRow: (index: number, tabIndex: 0 | -1) => ComponentChildren;
  /** The rows drawn now (`end` exclusive), so that the caller loads only their data. */
  onRange?: (start: number, end: number) => void;
};

/**
 * A list that renders only the rows in view. Keyboard: ↑/↓ move between rows, Home/End jump,
 * Page Up/Down move by a screen; the focused row's link or button takes Enter itself.
 */
export function VirtualList({ count, rowHeight, height, label, overscan = 4, renderRow, onRange }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const current = Math.min(active, Math.max(0, count - 1));
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => { onRange?.(start, end); }, [start, end, onRange]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    // The row's content may still be loading: keep trying on the next renders until it is there.
    const target = box.current?.querySelector<HTMLElement>(`[data-index="${current}"] [tabindex="0"]`);
    if (target) { focusPending.current = false; target.focus(); }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    const el = box.current;
    if (el) {
      const top = next * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = true;
    setActive(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight));
    const step: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1, PageDown: current + page, PageUp: current - page };
    if (!(e.key in step) || !count) return;
    e.preventDefault();
    moveTo(step[e.key]);
  };

  const rows = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <li key={i} data-index={i} aria-setsize={count} aria-posinset={i + 1} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onFocusCapture={() => { if (i !== current) setActive(i); }}>
        {renderRow(i, i === current ? 0 : -1)}
      </li>,
    );
  }
  return (
    <div class="virtual-list" ref={box} style={{ height: `${height}px` }} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)} onKeyDown={onKeyDown}>
      <ul aria-label={label} class="clippings" style={{ height: `${count * rowHeight}px` }}>{rows}</ul>
    </div>
  );
}
