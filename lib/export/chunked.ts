import type { WriterOptions } from './types';

/** Long enough for the work between pauses to dominate, short enough to keep a 60 Hz page moving. */
export const SLICE_MS = 16;

/**
 * Hands control back to the event loop. A MessageChannel message runs as soon as the page has
 * painted and handled its input, where setTimeout(0) is clamped to at least 4 ms once nested, which
 * over thousands of pauses costs seconds. Node (the command line) has MessageChannel too.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * A clock for one long task: `due()` says whether the current slice has run its time, and `pause()`
 * yields (through the options' `pause`) and starts the next slice. Timing by the clock rather than
 * by a count of items keeps slices even whether an item is a short note or a 5 MB article.
 */
export function timeSlices(options: Pick<WriterOptions, 'pause' | 'sliceMs'> = {}) {
  const { pause = yieldToEventLoop, sliceMs = SLICE_MS } = options;
  let started = performance.now();
  return {
    due: () => performance.now() - started >= sliceMs,
    pause: async () => {
      await pause();
      started = performance.now();
    },
  };
}

/**
 * Feeds `items` to `fn` a slice of time at a time, yielding to the event loop between slices;
 * `offset` and `total` place them in a larger whole for the progress report.
 */
export async function forEachChunked<T>(items: readonly T[], fn: (item: T) => void, options: WriterOptions = {}, offset = 0, total = items.length): Promise<void> {
  const slices = timeSlices(options);
  for (let i = 0; i < items.length; i++) {
    fn(items[i]);
    if (i + 1 < items.length && slices.due()) {
      options.onProgress?.(offset + i + 1, total);
      await slices.pause();
    }
  }
  options.onProgress?.(offset + items.length, total);
}

/**
 * Maps over `items`, reporting progress and yielding to the event loop every slice of time, so
 * that an export of a large library neither freezes the page nor leaves its progress bar still.
 */
export async function mapChunked<T, R>(items: readonly T[], fn: (item: T, index: number) => R, options: WriterOptions = {}): Promise<R[]> {
  const { onProgress } = options;
  const slices = timeSlices(options);
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i], i);
    if (i + 1 < items.length && slices.due()) {
      onProgress?.(i + 1, items.length);
      await slices.pause();
    }
  }
  onProgress?.(items.length, items.length);
  return out;
}
