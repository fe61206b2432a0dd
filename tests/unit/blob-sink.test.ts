// @vitest-environment jsdom
// jsdom's Blob and FileReader, as a page reads the file it downloads.
import { describe, expect, test } from 'vitest';
import { blobSink } from '../../lib/export/blob-sink';
import { blobBytes } from './helpers/read-blob';


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
    // Compared as lists, which a failure shows byte by byte.
    const bytes = await blobBytes(blob);
    expect([...bytes]).toEqual([...expected]);
    expect(bytes.toString('utf8')).toContain('�');
  });

  test('nothing written is an empty file', async () => {
    const blob = blobSink(8).finish('text/csv');
    expect(blob.size).toBe(0);
    expect(blob.type).toBe('text/csv');
  });
});
