import type { MigraLensDB, TermShard } from './schema';

/** The table behind search (see schema.ts); a transaction's table during an upgrade. */
export type TermTables = Pick<MigraLensDB, 'terms'>;

/**
 * A clipping's search words before and after a change: `[]` before for a new clipping, after for a
 * deleted one. The words are not stored: they are a function of the clipping's title, text, note
 * and tags (search-words.ts), computed again from them for the `before` of a change.
 */
export type WordsChange = { id: number; before: readonly string[]; after: readonly string[] };

/**
 * Clipping ids per row of a shard: the ids of a clipping are in the rows of its bucket,
 * `floor(id / BUCKET)`, whatever wrote them. A save or a delete reads and rewrites one row per
 * shard of its words, each holding at most 1,024 clippings' ids; an import of 10,000 clippings
 * writes a row per shard for each of its ten buckets.
 */
export const BUCKET = 1024;

/**
 * The lower bounds of the ranges of second characters that share a shard: "fr…" and "fo…" are in
 * shard `fo`, "fa…" and "fe…" are not. Chromium spends about 0.1 ms on each record written (more
 * when they are many), whatever its size: a row per word made the index of a generated
 * 10,000-clipping library 30,075 rows and 3 s to import; a shard per two characters, 6,195 rows;
 * these ranges, 1,448. Searches still read small rows (a few percent of a bucket's ids).
 */
const SECOND = ['0', 'a', 'e', 'i', 'o', 's'];

/** Where the characters that name a word's shard begin: after a facet term's last colon. */
const shardStart = (word: string) => (word.charCodeAt(0) === 35 /* # */ ? word.lastIndexOf(':') + 1 : 0);

/**
 * The shard of a word: its first character, and the range of its second (see SECOND); a facet term
 * (`#name:person:…`) by what follows its last colon, so that a type's facets do not all share one
 * row. Every word that starts with a prefix of two characters or more is in that prefix's shard,
 * and every shard of a word that starts with one character starts with it.
 */
export function shardOf(word: string): string {
  const head = shardStart(word);
  if (word.length < head + 2) return word;
  const second = word[head + 1];
  let bound = second;
  // The greatest bound not after `second`; characters before '0' keep a shard of their own.
  for (let i = SECOND.length - 1; i >= 0; i--) if (SECOND[i] <= second) { bound = SECOND[i]; break; }
  return word.slice(0, head + 1) + bound;
}

/** Each word of a row with its ids (a view into the row's `ids`). */
export function* shardEntries(row: TermShard): Generator<[string, Uint32Array]> {
  let from = 0;
  for (let i = 0; i < row.words.length; i++) {
    const to = row.ends[i];
    yield [row.words[i], row.ids.subarray(from, to)];
    from = to;
  }
}

/** A word's ids in a row, or undefined. */
export function idsInShard(row: TermShard, word: string): Uint32Array | undefined {
  let lo = 0;
  let hi = row.words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = row.words[mid];
    if (w === word) return row.ids.subarray(mid ? row.ends[mid - 1] : 0, row.ends[mid]);
    if (w < word) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/** A row as stored, from each word's ids: its words in order (so that the same library always has the same index), none without ids. */
function shardRow(term: string, bucket: number, lists: ReadonlyMap<string, ArrayLike<number>>): TermShard {
  const words = [...lists.keys()].filter((w) => lists.get(w)!.length).sort();
  const ends = new Uint32Array(words.length);
  let total = 0;
  words.forEach((w, i) => { total += lists.get(w)!.length; ends[i] = total; });
  const ids = new Uint32Array(total);
  words.forEach((w, i) => ids.set(lists.get(w)!, i ? ends[i - 1] : 0));
  return { term, bucket, words, ends, ids };
}

// A shard never holds this character (see search-words.ts): a word splits on anything but letters and digits.
const keyOf = (shard: string, bucket: number) => `${shard}\u0000${bucket}`;
/** The rows of the shards from `first` to `last`, every bucket of each (buckets are numbered from 0). */
const rowsBetween = (tables: TermTables, first: string, last: string) => tables.terms.where(':id').between([first, -Infinity], [last, Infinity], true, true);

/**
 * A row being changed: the lists changed so far by word, beside the row as read. Only the lists a
 * change touches are copied out of the row's array.
 */
type OpenRow = { term: string; bucket: number; stored: TermShard | null; changed: Map<string, number[]> };

function listOf(row: OpenRow, word: string): number[] {
  const known = row.changed.get(word);
  if (known) return known;
  const stored = row.stored && idsInShard(row.stored, word);
  return stored ? Array.from(stored) : [];
}

function close(row: OpenRow): TermShard {
  const lists = new Map<string, ArrayLike<number>>(row.stored ? shardEntries(row.stored) : []);
  for (const [word, list] of row.changed) lists.set(word, list);
  return shardRow(row.term, row.bucket, lists);
}

/** What a change set does to one row: ids added and removed, by word. */
type RowChange = { term: string; bucket: number; added: Map<string, number[]>; removed: Map<string, Set<number>> };

/**
 * Applies changes of clippings' search words to the inverted index: each id is added to or removed
 * from the row of its word's shard in its bucket. Runs inside the caller's rw transaction over `terms`.
 */
export async function updateTerms(tables: TermTables, changes: readonly WordsChange[]): Promise<void> {
  if (!changes.length) return;
  // By bucket, then by row: an import makes millions of (word, id) pairs, and a few thousand rows.
  const byBucket = new Map<number, Pick<RowChange, 'added' | 'removed'>>();
  for (const { id, before, after } of changes) {
    const bucket = Math.floor(id / BUCKET);
    let change = byBucket.get(bucket);
    if (!change) byBucket.set(bucket, change = { added: new Map(), removed: new Map() });
    // A new clipping (an import's thousands of them) has nothing to compare with.
    if (!before.length) {
      for (const w of after) pushTo(change.added, w, id);
      continue;
    }
    const kept = new Set(after);
    for (const w of before) if (!kept.has(w)) addTo(change.removed, w, id);
    const had = new Set(before);
    for (const w of after) if (!had.has(w)) pushTo(change.added, w, id);
  }
  const byRow = new Map<string, RowChange>();
  const rowOf = (word: string, bucket: number) => {
    const term = shardOf(word);
    const key = keyOf(term, bucket);
    let change = byRow.get(key);
    if (!change) byRow.set(key, change = { term, bucket, added: new Map(), removed: new Map() });
    return change;
  };
  for (const [bucket, { added, removed }] of byBucket) {
    for (const [word, ids] of removed) rowOf(word, bucket).removed.set(word, ids);
    for (const [word, ids] of added) rowOf(word, bucket).added.set(word, ids);
  }
  const wanted = [...byRow.values()];
  const toRead = wanted.length >= MANY ? await existingRows(tables, wanted) : wanted;
  const read = await tables.terms.bulkGet(toRead.map(({ term, bucket }): [string, number] => [term, bucket]));
  const stored = new Map<string, TermShard>();
  for (const row of read) if (row) stored.set(keyOf(row.term, row.bucket), row);

  const put: TermShard[] = [];
  const gone: [string, number][] = [];
  for (const [key, { term, bucket, added, removed }] of byRow) {
    const row: OpenRow = { term, bucket, stored: stored.get(key) ?? null, changed: new Map() };
    for (const [word, drop] of removed) {
      const ids = listOf(row, word);
      if (ids.some((id) => drop.has(id))) row.changed.set(word, ids.filter((id) => !drop.has(id)));
    }
    for (const [word, plus] of added) {
      const ids = listOf(row, word);
      const present = new Set(ids);
      const fresh = plus.filter((id) => !present.has(id));
      // Kept in ascending order, so that the same library always has the same index (new ids come last, mostly).
      if (fresh.length) row.changed.set(word, ids.length && fresh[0] < ids[ids.length - 1] ? ids.concat(fresh).sort((x, y) => x - y) : ids.concat(fresh));
    }
    if (!row.changed.size) continue;
    const closed = close(row);
    if (closed.words.length) put.push(closed);
    else if (row.stored) gone.push([term, bucket]);
  }
  if (put.length) await tables.terms.bulkPut(put);
  if (gone.length) await tables.terms.bulkDelete(gone);
}

const MANY = 500;

/**
 * Which of these rows exist. A save asks for its few dozen one key each; an import asks for
 * thousands, mostly new: looking each up costs more than reading every key of the index once
 * (keys only), and nothing when the index is empty (a restore).
 */
async function existingRows<R extends { term: string; bucket: number }>(tables: TermTables, rows: R[]): Promise<R[]> {
  const total = await tables.terms.count();
  if (total === 0) return [];
  if (rows.length * 20 < total) return rows;
  const keys = new Set(((await tables.terms.toCollection().primaryKeys()) as [string, number][]).map(([term, bucket]) => keyOf(term, bucket)));
  return rows.filter((r) => keys.has(keyOf(r.term, r.bucket)));
}

/** Ids of the clippings containing `word`, or, with `prefix`, any word that starts with it. */
export async function clippingsWithWord(tables: TermTables, word: string, prefix: boolean): Promise<Set<number>> {
  const out = new Set<number>();
  // A prefix of one character is in every shard that starts with it; `\uffff` sorts after every
  // letter a word is made of.
  const [first, last] = prefix && word.length < shardStart(word) + 2 ? [word, `${word}\uffff`] : [shardOf(word), shardOf(word)];
  await rowsBetween(tables, first, last).each((row: TermShard) => {
    if (!prefix) idsInShard(row, word)?.forEach((id) => out.add(id));
    else for (const [w, ids] of shardEntries(row)) if (w.startsWith(word)) ids.forEach((id) => out.add(id));
  });
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
