// @vitest-environment jsdom
// jsdom's Blob and FileReader, as a page reads the file it downloads.
import { describe, expect, test } from 'vitest';
import { blobSink } from '../../lib/export/blob-sink';

const blobBytes = (blob: Blob) => new Promise<Uint8Array>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
  reader.onerror = () => reject(reader.error);
  reader.readAsArrayBuffer(blob);
});

// One, two, three and four bytes of UTF-8 per character, and a lone surrogate (written as U+FFFD,
// as a Blob of the string writes it).
const PIECES = ['Frontex', 'é', '—', '𝔄', 'Gérald Darmanin, ministre de l’Intérieur', '\ud800', '', '\n', 'ΥΠΕΣ'];

describe('a file written into a Blob as it is encoded', () => {
  test.each([1, 2, 3, 4, 5, 7, 16, 64, 1 << 20])('with buffers of %i bytes, the same bytes as a Blob of the whole text', async (chunk) => {
    const sink = blobSink(chunk);
    const texts: string[] = [];
    for (let i = 0; i < 40; i++) for (const p of PIECES) {
      const text = p.repeat(1 + (i % 5));
      texts.push(text);
      sink.write(text);
    }
    const blob = sink.finish('application/json');
    const expected = new TextEncoder().encode(texts.join(''));
    expect(blob.type).toBe('application/json');
    expect(blob.size).toBe(expected.length);
    // Compared as lists: jsdom's typed arrays are of another realm than TextEncoder's.
    expect([...await blobBytes(blob)]).toEqual([...expected]);
    expect(new TextDecoder().decode(await blobBytes(blob))).toContain('�');
  });

  test('nothing written is an empty file', async () => {
    const blob = blobSink(8).finish('text/csv');
    expect(blob.size).toBe(0);
    expect(blob.type).toBe('text/csv');
  });
});
