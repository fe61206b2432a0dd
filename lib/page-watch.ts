/**
 * Watches the page for changes to its text (late-loaded paragraphs, live blogs, a framework
 * re-rendering the article) and calls back once things settle. Pages that never settle (a
 * re-render every second) are refreshed less and less often, so that MigraLens's cost on them
 * stays bounded.
 */

export type PageWatchOptions = {
  /** Our own nodes (the UI host, fallback marks): their changes are not the page's. */
  isOwn: (node: Node) => boolean;
  /** Called after the page has been quiet for the current delay. */
  onChange: () => void | Promise<void>;
  /** Told when the delay grows because the page keeps changing, with the new delay in ms. */
  onBackoff?: (delayMs: number) => void;
  /** Quiet time before a refresh; doubled (up to `maxDelayMs`) while changes keep coming. */
  debounceMs?: number;
  maxDelayMs?: number;
};

export type PageWatch = {
  stop: () => void;
  /** Drops the changes seen so far: called after our own painting (the `<mark>` fallback) so it does not trigger a refresh. */
  discardPending: () => void;
  readonly delayMs: number;
};

function hasText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim().length > 0;
  if (node.nodeType !== 1) return false;
  const tag = (node as Element).tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'LINK' || tag === 'IFRAME' || tag === 'IMG') return false;
  return (node.textContent ?? '').trim().length > 0;
}

export function watchPage(doc: Document, options: PageWatchOptions): PageWatch {
  const win = doc.defaultView;
  const base = options.debounceMs ?? 600;
  const max = options.maxDelayMs ?? 30_000;
  let delay = base;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = 0;
  let running = false;
  let pendingWhileRunning = false;

  const relevant = (records: MutationRecord[]) => records.some((r) => {
    if (options.isOwn(r.target)) return false;
    if (r.type === 'characterData') return true;
    for (const n of r.addedNodes) if (!options.isOwn(n) && hasText(n)) return true;
    for (const n of r.removedNodes) if (!options.isOwn(n) && hasText(n)) return true;
    return false;
  });

  const run = async () => {
    timer = null;
    if (running) { pendingWhileRunning = true; return; }
    running = true;
    lastRun = Date.now();
    try { await options.onChange(); } finally {
      running = false;
      if (pendingWhileRunning) { pendingWhileRunning = false; schedule(); }
    }
  };

  const schedule = () => {
    // A change soon after a refresh means the page is still busy: wait longer next time.
    const busy = lastRun > 0 && Date.now() - lastRun < delay * 2;
    const next = busy ? Math.min(max, delay * 2) : base;
    if (next > delay) options.onBackoff?.(next);
    delay = next;
    // Throttle, not debounce: a page that changes without pause must still get its refresh.
    if (!timer) timer = setTimeout(() => { void run(); }, delay);
  };

  const observer = new (win?.MutationObserver ?? MutationObserver)((records) => {
    if (relevant(records)) schedule();
  });
  observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, characterData: true });
  return {
    stop: () => { observer.disconnect(); if (timer) clearTimeout(timer); timer = null; },
    discardPending: () => { observer.takeRecords(); },
    get delayMs() { return delay; },
  };
}
