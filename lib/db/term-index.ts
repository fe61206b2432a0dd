import type { MigraLensDB, Term } from './schema';

/** The two tables behind search (see schema.ts); a transaction's tables during an upgrade. */
export type TermTables = Pick<MigraLensDB, 'words' | 'terms'>;

/** A clipping's search words before and after a change: `[]` before for a new clipping, after for a deleted one. */
export type WordsChange = { id: number; before: readonly string[]; after: readonly string[] };

/**
 * Clipping ids per row of a word. A save rewrites one row for each of its words: with all of a
 * common word's ids in one row, a save into a 10,000-clipping library would rewrite megabytes.
 */
export const BUCKET = 1024;

const bucketOf = (id: number) => Math.floor(id / BUCKET);
// A word never holds this character (see search-words.ts): it splits on anything but letters and digits.
const keyOf = (term: string, bucket: number) => `${term}\u0000${bucket}`;

/**
 * Applies changes of clippings' search words to the inverted index, with one read and one write
 * of each term row touched however many clippings change (an import passes thousands at once),
 * and stores each clipping's new words (or removes them when it has none left). Runs inside the
 * caller's rw transaction over both tables.
 */
export async function updateTerms(tables: TermTables, changes: readonly WordsChange[]): Promise<void> {
  if (!changes.length) return;
  const added = new Map<string, number[]>();
  const removed = new Map<string, Set<number>>();
  const rowKeys = new Map<string, [string, number]>();
  const touch = (term: string, id: number) => {
    const key = keyOf(term, bucketOf(id));
    if (!rowKeys.has(key)) rowKeys.set(key, [term, bucketOf(id)]);
    return key;
  };
  for (const { id, before, after } of changes) {
    const kept = new Set(after);
    for (const w of before) if (!kept.has(w)) addTo(removed, touch(w, id), id);
    const had = new Set(before);
    for (const w of after) if (!had.has(w)) pushTo(added, touch(w, id), id);
  }
  const keys = [...rowKeys.values()];
  const rows = await tables.terms.bulkGet(keys);
  const put: Term[] = [];
  const gone: [string, number][] = [];
  keys.forEach(([term, bucket], i) => {
    const key = keyOf(term, bucket);
    const drop = removed.get(key);
    let ids = rows[i]?.ids ?? [];
    if (drop) ids = ids.filter((id) => !drop.has(id));
    const plus = added.get(key);
    if (plus) {
      const present = new Set(ids);
      const fresh = plus.filter((id) => !present.has(id));
      // Kept in ascending order, so that the same library always has the same index (new ids come last, mostly).
      if (fresh.length) ids = ids.length && fresh[0] < ids[ids.length - 1] ? ids.concat(fresh).sort((x, y) => x - y) : ids.concat(fresh);
    }
    if (ids.length) put.push({ term, bucket, ids }); else if (rows[i]) gone.push([term, bucket]);
  });
  if (put.length) await tables.terms.bulkPut(put);
  if (gone.length) await tables.terms.bulkDelete(gone);
  const stored = changes.filter((c) => c.after.length).map((c) => ({ id: c.id, words: [...c.after] }));
  const emptied = changes.filter((c) => !c.after.length).map((c) => c.id);
  if (stored.length) await tables.words.bulkPut(stored);
  if (emptied.length) await tables.words.bulkDelete(emptied);
}

/** The clipping's words as stored, for the `before` of a change (none for a clipping not yet indexed). */
export async function storedWords(tables: TermTables, id: number): Promise<string[]> {
  return (await tables.words.get(id))?.words ?? [];
}

/** Ids of the clippings containing `word`, or, with `prefix`, any word that starts with it. */
export async function clippingsWithWord(tables: TermTables, word: string, prefix: boolean): Promise<Set<number>> {
  const out = new Set<number>();
  // Buckets are numbered from 0; `\uffff` sorts after every letter a word is made of.
  const upper = prefix ? `${word}\uffff` : word;
  await tables.terms.where(':id').between([word, -Infinity], [upper, Infinity], true, true)
    .each((row) => { for (const id of row.ids) out.add(id); });
  return out;
}

function pushTo(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id); else map.set(key, [id]);
}

function addTo(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key);
  if (set) set.add(id); else map.set(key, new Set([id]));
}
