import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { BUCKET, clippingsWithWord, updateTerms } from '../../lib/db/term-index';

let db: MigraLensDB;
beforeEach(async () => { db = openDatabase(`terms-${Math.random()}`); await db.open(); });
afterEach(async () => { await db.delete(); });

const found = async (word: string, prefix = false) => [...(await clippingsWithWord(db, word, prefix))].sort((a, b) => a - b);
const index = (changes: Parameters<typeof updateTerms>[1]) => db.transaction('rw', db.terms, () => updateTerms(db, changes));

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
    expect((await db.terms.where('term').equals('frontex').toArray()).map((t) => t.bucket)).toEqual([0, 2]);
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
    // No empty row is left behind for the words only it had.
    expect(await db.terms.where('term').equals('eurostat').count()).toBe(0);
  });

  test('one change set (an import) puts each word in one row, however many ids it adds', async () => {
    await index(Array.from({ length: 3 * BUCKET }, (_, i) => ({ id: 10 * BUCKET + i, before: [], after: ['eurostat', 'frontex'] })));
    expect(await db.terms.where('term').equals('eurostat').count()).toBe(1);
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
    expect((await db.terms.get(['frontex', 0]))!.ids).toEqual([3, 9]);
    expect(await found('calais')).toEqual([3, 9]);
    expect(await found('frontex')).toEqual([3, 9, far]);
    expect(await found('word799')).toEqual([9]);

    await db.terms.clear();
    await index([{ id: 4, before: [], after: many }]);
    expect(await db.terms.count()).toBe(800);
    expect(await found('word0')).toEqual([4]);
  });

  test('ids stay in ascending order whatever order clippings are indexed in', async () => {
    await index([{ id: 1, before: [], after: ['frontex'] }]);
    expect((await db.terms.get(['frontex', 0]))!.ids).toEqual([1, 3]);
  });
});
