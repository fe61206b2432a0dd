import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { BUCKET, clippingsWithWord, shardEntries, shardOf, updateTerms } from '../../lib/db/term-index';
import { idsInRow } from './helpers/term-rows';

let db: MigraLensDB;
beforeEach(async () => { db = openDatabase(`terms-${Math.random()}`); await db.open(); });
afterEach(async () => { await db.delete(); });

const found = async (word: string, prefix = false) => [...(await clippingsWithWord(db, word, prefix))].sort((a, b) => a - b);
const index = (changes: Parameters<typeof updateTerms>[1]) => db.transaction('rw', db.terms, () => updateTerms(db, changes));
const idsIn = (word: string, bucket: number) => idsInRow(db, word, bucket);

describe('the inverted search index', () => {
  const far = 2 * BUCKET + 5;

  beforeEach(async () => {
    await index([
      { id: 3, before: [], after: ['frontex', 'calais'] },
      { id: 7, before: [], after: ['front'] },
    ]);
    // Saved on its own later: its ids go to a row of their own.
    await index([{ id: far, before: [], after: ['frontex', 'frontiere'] }]);
  });

  test('a word is found in every clipping that has it, across rows of ids', async () => {
    expect(await found('frontex')).toEqual([3, far]);
    expect((await db.terms.where('term').equals('fo').toArray()).map((t) => t.bucket)).toEqual([0, 2]);
    expect(await found('calais')).toEqual([3]);
    expect(await found('eurostat')).toEqual([]);
  });

  test('an exact word is not a prefix; a prefix finds every word it starts', async () => {
    expect(await found('front')).toEqual([7]);
    expect(await found('front', true)).toEqual([3, 7, far]);
    expect(await found('fronti', true)).toEqual([far]);
  });

  test('a change removes the words a clipping lost and adds the new ones; a delete leaves nothing of it', async () => {
    await index([{ id: far, before: ['frontex', 'frontiere'], after: ['frontex', 'eurostat'] }]);
    expect(await found('frontiere')).toEqual([]);
    expect(await found('eurostat')).toEqual([far]);
    expect(await found('frontex')).toEqual([3, far]);
    await index([{ id: far, before: ['frontex', 'eurostat'], after: [] }]);
    expect(await found('frontex')).toEqual([3]);
    expect((await db.terms.toArray()).filter((t) => t.ids.includes(far))).toEqual([]);
    // No empty row is left behind for the words only it had, nor an empty list in a row.
    expect(await db.terms.where('term').equals('es').count()).toBe(0);
    expect((await db.terms.toArray()).flatMap((t) => [...shardEntries(t)]).filter(([, ids]) => !ids.length)).toEqual([]);
  });

  test('one change set (an import) puts each id in the rows of its bucket: a row per shard and bucket, not per word', async () => {
    await index(Array.from({ length: 3 * BUCKET }, (_, i) => ({ id: 10 * BUCKET + i, before: [], after: ['eurostat', 'europol', 'frontex'] })));
    expect((await db.terms.where('term').equals('es').toArray()).map((t) => [t.bucket, t.words, t.ids.length])).toEqual([
      [10, ['europol', 'eurostat'], 2 * BUCKET], [11, ['europol', 'eurostat'], 2 * BUCKET], [12, ['europol', 'eurostat'], 2 * BUCKET],
    ]);
    expect(await found('eurostat')).toHaveLength(3 * BUCKET);
    expect(await found('frontex')).toHaveLength(3 * BUCKET + 2);
    // Later removed one by one from the row that holds them.
    await index([{ id: 11 * BUCKET, before: ['eurostat', 'frontex'], after: [] }]);
    expect(await found('eurostat')).toHaveLength(3 * BUCKET - 1);
    expect(await found('frontex')).not.toContain(11 * BUCKET);
  });

  test('a change set of many words keeps the ids already in their rows, and fills an empty index', async () => {
    const many = Array.from({ length: 800 }, (_, i) => `word${i}`);
    await index([{ id: 9, before: [], after: [...many, 'frontex', 'calais'] }]);
    expect(await idsIn('frontex', 0)).toEqual([3, 9]);
    expect(await found('calais')).toEqual([3, 9]);
    expect(await found('frontex')).toEqual([3, 9, far]);
    expect(await found('word799')).toEqual([9]);

    await db.terms.clear();
    await index([{ id: 4, before: [], after: many }]);
    // They all begin with the same two letters: one row holds them.
    expect(await db.terms.count()).toBe(1);
    expect((await db.terms.get(['wo', 0]))!.words).toEqual([...many].sort());
    expect(await found('word0')).toEqual([4]);
  });

  test('ids stay in ascending order whatever order clippings are indexed in', async () => {
    await index([{ id: 1, before: [], after: ['frontex'] }]);
    expect(await idsIn('frontex', 0)).toEqual([1, 3]);
  });

  test('shards: the first character, and the range of the second; every word a prefix starts is in its shard', () => {
    expect(['front', 'focus', 'fabrik', 'federal', 'f2', 'fuer', 'f\u00e4hre', 'f'].map(shardOf)).toEqual(['fo', 'fo', 'fa', 'fe', 'f0', 'fs', 'fs', 'f']);
    const alphabet = ['a', 'e', 'o', 'r', 's', 'z', '0', '9', '\u00e9', '\u0301', '\u4e2d', 'A', ' ', ':'];
    let seed = 7;
    const pick = () => alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
    for (let n = 0; n < 2000; n++) {
      const body = Array.from({ length: 1 + (n % 9) }, pick).join('');
      for (const word of [body, `#name:person:${body}`]) {
        const head = word.startsWith('#') ? word.lastIndexOf(':') + 1 : 0;
        for (let end = head + 1; end <= word.length; end++) {
          const prefix = word.slice(0, end);
          if (end >= head + 2) expect(shardOf(prefix), prefix).toBe(shardOf(word));
          else expect(shardOf(word).startsWith(prefix), prefix).toBe(true);
        }
      }
    }
  });

  test('words that begin alike share a row; the others are in rows of their own', async () => {
    expect((await db.terms.toArray()).map((t) => [t.term, t.bucket, t.words])).toEqual([
      ['ca', 0, ['calais']], ['fo', 0, ['front', 'frontex']], ['fo', 2, ['frontex', 'frontiere']],
    ]);
    // Removing a word takes only it out of its row.
    await index([{ id: 7, before: ['front'], after: [] }]);
    expect((await db.terms.get(['fo', 0]))!.words).toEqual(['frontex']);
    expect(await found('front', true)).toEqual([3, far]);
  });

  test('a prefix as short as a shard, or shorter, finds words in every shard it starts', async () => {
    await index([{ id: 20, before: [], after: ['f', 'fa', 'fabrik'] }]);
    expect(await found('f', true)).toEqual([3, 7, 20, far]);
    expect(await found('fa', true)).toEqual([20]);
    expect(await found('f')).toEqual([20]);
  });

  test('facet terms are sharded by what follows their last colon, and found exactly', async () => {
    expect(shardOf('#name:person:Gerald Darmanin')).toBe('#name:person:Ge');
    expect(shardOf('#kind:figure')).toBe('#kind:fi');
    await index([{ id: 5, before: [], after: ['#kind:figure', '#kind:fiction', '#kind:date'] }]);
    expect(await found('#kind:figure')).toEqual([5]);
    expect(await found('#kind:fig')).toEqual([]);
    expect((await db.terms.get(['#kind:fi', 0]))!.words).toEqual(['#kind:fiction', '#kind:figure']);
  });

  test('a change reads and writes only the rows of its words in its bucket', async () => {
    const read = vi.spyOn(db.terms, 'bulkGet');
    const written = vi.spyOn(db.terms, 'bulkPut');
    await index([{ id: 7, before: ['front'], after: ['calais'] }]);
    expect(read.mock.calls.flatMap(([keys]) => keys)).toEqual([['fo', 0], ['ca', 0]]);
    expect(written.mock.calls.flatMap(([rows]) => rows.map((r) => [r.term, r.bucket, r.words]))).toEqual([['fo', 0, ['frontex']], ['ca', 0, ['calais']]]);
    expect(await found('calais')).toEqual([3, 7]);
    read.mockRestore();
    written.mockRestore();
  });

  test('a row keeps its ids as 32-bit integers, the ids of each word after those of the one before', async () => {
    const row = (await db.terms.get(['fo', 0]))!;
    expect(Object.prototype.toString.call(row.ids)).toBe('[object Uint32Array]');
    expect([...row.ends]).toEqual([1, 2]);
    expect([...row.ids]).toEqual([7, 3]);
  });
});
