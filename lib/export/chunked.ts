import type { WriterOptions } from './types';

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Maps over `items`, reporting progress and yielding to the event loop every `chunk` items, so that
 * an export of a large library neither freezes the page nor leaves its progress bar still.
 */
export async function mapChunked<T, R>(items: readonly T[], fn: (item: T, index: number) => R, options: WriterOptions = {}): Promise<R[]> {
  const { onProgress, pause = nextTick, chunk = 100 } = options;
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i], i);
    if ((i + 1) % chunk === 0 || i + 1 === items.length) {
      onProgress?.(i + 1, items.length);
      if (i + 1 < items.length) await pause();
    }
  }
  if (!items.length) onProgress?.(0, 0);
  return out;
}
