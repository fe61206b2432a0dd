import { timeSlices } from './chunked';
import type { WriterOptions } from './types';

/** Characters encoded at a time: a large export is turned into bytes a piece at a time, between pauses. */
export const PIECE = 1 << 20;

/** The end of the piece of `text` that starts at `at`, never between the two halves of a surrogate pair. */
export function pieceEnd(text: string, at: number, size = PIECE): number {
  const end = Math.min(text.length, at + size);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

// Each Blob costs a round trip to the browser's blob store. For a 150 MB backup in Chromium, 1 MiB
// pieces took three times as long as one Blob of the whole string and 16 MiB pieces about one and a
// half times, but with the page free between pieces instead of frozen throughout.
const BLOB_PIECE = 16 << 20;

/**
 * `text` as a Blob, made a piece at a time between pauses: a Blob made from the whole string
 * encodes and stores it in one block the page cannot interrupt, seconds for a 150 MB backup. The
 * Blob of the pieces refers to them without encoding again. `onProgress` counts characters.
 */
export async function textBlob(text: string, type: string, options: WriterOptions & { piece?: number } = {}): Promise<Blob> {
  const { piece = BLOB_PIECE } = options;
  const slices = timeSlices(options);
  const pieces: Blob[] = [];
  for (let at = 0; at < text.length;) {
    const end = pieceEnd(text, at, piece);
    pieces.push(new Blob([text.slice(at, end)]));
    at = end;
    if (at < text.length && slices.due()) {
      options.onProgress?.(at, text.length);
      await slices.pause();
    }
  }
  options.onProgress?.(text.length, text.length);
  return new Blob(pieces, { type });
}
