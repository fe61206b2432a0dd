import type { MigraLensDB, Term } from './schema';

/** The table behind search (see schema.ts); a transaction's table during an upgrade. */
export type TermTables = Pick<MigraLensDB, 'terms'>;

/**
 * A clipping's search words before and after a change: `[]` before for a new clipping, after for a
 * deleted one. The words are not stored: they are a function of the clipping's title, text, note
 * and tags (search-words.ts), computed again from them for the `before` of a change.
 */
export type WordsChange = { id: number; before: readonly string[]; after: readonly string[] };

/**
 * Clipping ids per row of a word, for ids added by small changes. A save rewrites one row for each
 * of its words: with all of a common word's ids in one row, a save into a 10,000-clipping library
 * would rewrite megabytes. One change set (an import) puts all the ids it adds to a word into one
 * row, however many: a row per word and per 1,024 ids made an import write six times as many rows.
 */
export const BUCKET = 1024;

// A word never holds this character (see search-words.ts): it splits on anything but letters and digits.
const keyOf = (term: string, bucket: number) => `${term}\u0000${bucket}`;
/** The rows of the words from `first` to `last`, every bucket of each (buckets are numbered from 0). */
const rowsBetween = (tables: TermTables, first: string, last: string) => tables.terms.where(':id').between([first, -Infinity], [last, Infinity], true, true);

/**
 * Applies changes of clippings' search words to the inverted index. The ids added go to one row
 * per word, the row of the smallest id added (see BUCKET); an id removed is taken out of whichever
 * row of the word holds it. Runs inside the caller's rw transaction over `terms`.
 */
export async function updateTerms(tables: TermTables, changes: readonly WordsChange[]): Promise<void> {
  if (!changes.length) return;
  const added = new Map<string, number[]>();
  const removed = new Map<string, Set<number>>();
  let smallest = Infinity;
  for (const { id, before, after } of changes) {
    const kept = new Set(after);
    for (const w of before) if (!kept.has(w)) addTo(removed, w, id);
    const had = new Set(before);
    for (const w of after) if (!had.has(w)) { pushTo(added, w, id); smallest = Math.min(smallest, id); }
  }
  const bucket = Math.floor(smallest / BUCKET);
  const rows = new Map<string, Term>();
  const existed = new Set<string>();
  const keep = (row: Term) => { const key = keyOf(row.term, row.bucket); rows.set(key, row); existed.add(key); };
  // Removals are rare (a delete, an edited note): every row of the word is read to find the id.
  for (const [term, drop] of removed) {
    for (const row of await rowsBetween(tables, term, term).toArray()) keep({ ...row, ids: row.ids.filter((id) => !drop.has(id)) });
  }
  let targets = [...added.keys()].filter((term) => !rows.has(keyOf(term, bucket)));
  if (targets.length >= MANY) targets = await existingRows(tables, targets, bucket);
  (await tables.terms.bulkGet(targets.map((term): [string, number] => [term, bucket]))).forEach((row) => row && keep(row));
  for (const [term, plus] of added) {
    const key = keyOf(term, bucket);
    const row = rows.get(key) ?? { term, bucket, ids: [] };
    rows.set(key, row);
    const present = new Set(row.ids);
    const fresh = plus.filter((id) => !present.has(id));
    // Kept in ascending order, so that the same library always has the same index (new ids come last, mostly).
    if (fresh.length) row.ids = row.ids.length && fresh[0] < row.ids[row.ids.length - 1] ? row.ids.concat(fresh).sort((x, y) => x - y) : row.ids.concat(fresh);
  }
  const put = [...rows.values()].filter((row) => row.ids.length);
  const gone = [...rows.entries()].filter(([key, row]) => !row.ids.length && existed.has(key)).map(([, row]): [string, number] => [row.term, row.bucket]);
  if (put.length) await tables.terms.bulkPut(put);
  if (gone.length) await tables.terms.bulkDelete(gone);
}

const MANY = 500;

/**
 * Which of these words have a row in `bucket`. A save asks for its few hundred words one key each;
 * an import asks for tens of thousands, mostly new: looking each up costs more than reading every
 * key of the index once (keys only), and nothing when the index is empty (a restore).
 */
async function existingRows(tables: TermTables, terms: string[], bucket: number): Promise<string[]> {
  const total = await tables.terms.count();
  if (total === 0) return [];
  if (terms.length * 20 < total) return terms;
  const inBucket = new Set<string>();
  for (const [term, b] of (await tables.terms.toCollection().primaryKeys()) as [string, number][]) if (b === bucket) inBucket.add(term);
  return terms.filter((term) => inBucket.has(term));
}

/** Ids of the clippings containing `word`, or, with `prefix`, any word that starts with it. */
export async function clippingsWithWord(tables: TermTables, word: string, prefix: boolean): Promise<Set<number>> {
  const out = new Set<number>();
  // `\uffff` sorts after every letter a word is made of.
  await rowsBetween(tables, word, prefix ? `${word}\uffff` : word).each((row) => { for (const id of row.ids) out.add(id); });
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
