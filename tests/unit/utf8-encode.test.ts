import { describe, expect, test } from 'vitest';
import { encodeUtf8Into } from '../../lib/export/utf8';

const encoder = new TextEncoder();
const ours = (text: string, at = 0) => {
  const out = new Uint8Array(at + 3 * text.length);
  return [...out.subarray(at, encodeUtf8Into(text, out, at))];
};

// A generator of its own, so that a failure can be replayed from its seed.
function randomText(seed: number, length: number): string {
  let x = seed;
  const next = () => { x = (x * 1103515245 + 12345) >>> 0; return x; };
  // Code units from each range UTF-8 treats differently, lone surrogates and pairs included.
  const ranges = [[0, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xd800, 0xdbff], [0xdc00, 0xdfff], [0xe000, 0xffff]];
  let text = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = ranges[next() % ranges.length];
    text += String.fromCharCode(lo + (next() % (hi - lo + 1)));
  }
  return text;
}

describe('UTF-8 written into a buffer', () => {
  test.each([
    ['ASCII', 'Frontex, 27 people'],
    ['two bytes', 'Préfecture «x»'],
    ['three bytes', 'ΥΠΕΣ — €290 million'],
    ['a surrogate pair', '𝔄😀'],
    ['a lone high surrogate at the end', 'x\ud83d'],
    ['a lone low surrogate', '\ude00x'],
    ['two high surrogates then a low one', '\ud83d\ud83d\ude00'],
    ['the edges of each range', '\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff'],
    ['nothing', ''],
  ])('%s: the bytes TextEncoder writes', (_, text) => {
    expect(ours(text)).toEqual([...encoder.encode(text)]);
    expect(ours(text, 5)).toEqual([...encoder.encode(text)]);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('random text of every range (seed %i): the bytes TextEncoder writes', (seed) => {
    const text = randomText(seed, 5000);
    expect(ours(text)).toEqual([...encoder.encode(text)]);
  });
});
