import type { TextSink } from './types';
import { encodeUtf8Into } from './utf8';

/** Bytes per Blob: each is a round trip to the browser's blob store, and a full one is handed over while the export goes on. */
export const SINK_CHUNK = 4 << 20;

/**
 * A file made into a Blob as it is written, its text encoded to UTF-8 into buffers of
 * SINK_CHUNK bytes, a Blob made of each buffer as it fills. For a 166 MB backup in Chromium,
 * making Blobs of its lines as strings, a hundred clippings at a time, took the page 2.6–3.0 s;
 * encoding them (encodeUtf8Into) and making Blobs of the bytes took it about 1.5 s in a profile
 * (0.5 s and 1 s), whether the buffers were of 1, 4 or 16 MB.
 */
export function blobSink(chunk = SINK_CHUNK): TextSink & { finish(type: string): Blob } {
  const blobs: Blob[] = [];
  const buffer = new Uint8Array(chunk);
  let used = 0;
  // A Blob copies the bytes it is made of, so the one buffer serves the whole file.
  const flush = () => {
    if (used) blobs.push(new Blob([buffer.subarray(0, used)]));
    used = 0;
  };
  return {
    write: (text) => {
      // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
      if (3 * text.length > chunk - used) {
        flush();
        if (3 * text.length > chunk) {
          const bytes = new Uint8Array(3 * text.length);
          blobs.push(new Blob([bytes.subarray(0, encodeUtf8Into(text, bytes, 0))]));
          return;
        }
      }
      used = encodeUtf8Into(text, buffer, used);
    },
    finish: (type) => {
      flush();
      return new Blob(blobs, { type });
    },
  };
}
