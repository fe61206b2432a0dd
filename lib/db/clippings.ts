import type { AnchoredMention } from '../annotate-page';
import { MENTION_KINDS } from '../detect/types';
import { fail, ok, type Result } from '../result';
import { urlKey as keyOf } from '../url-key';
import { facetsOf, facetTerm } from './facets';
import type { Clipping, ClippingBody, ClippingRow, ClippingSummary, MigraLensDB, StoredMention } from './schema';
import { getArticle, writeArticles, type Article } from './article-packs';
import { packMentions, unpackMentions, type MentionToPack, type PackedMentions } from './mention-store';
import { updateTerms, type WordsChange } from './term-index';
import { searchWords } from './search-words';
import { describeStorageError } from './storage-errors';

/** What a save request carries: everything but the library's own bookkeeping. */
export type ClippingInput = Omit<Clipping,
  'id' | 'savedAt' | 'updatedAt' | 'note' | 'tags' | 'collections' | 'summary' | 'facets' | 'source' | 'pageKey'
> & {
  mentions: AnchoredMention[];
  /** Defaults to `page`; see selection.ts for passages. */
  source?: Clipping['source'];
};

export type SaveResult = { id: number; created: boolean };

export function summarise(mentions: readonly AnchoredMention[]): ClippingSummary {
  const counts = Object.fromEntries(MENTION_KINDS.map((k) => [k, 0])) as ClippingSummary['counts'];
  const institutions = new Set<string>();
  const figures: string[] = [];
  for (const m of mentions) {
    counts[m.kind] += 1;
    if (m.kind === 'institution') institutions.add(m.canonical);
    if (m.kind === 'figure' && figures.length < 50) figures.push(m.text);
  }
  return { counts, institutions: [...institutions], figures };
}

/** What a clipping's entries in the `terms` index are made of. */
export type WordFields = Pick<Clipping, 'title' | 'text' | 'note' | 'tags'> & Partial<Pick<Clipping, 'facets'>>;

/**
 * The search words of a clipping, then its facet terms (see facets.ts): computed on every save and
 * every edit of note or tags, and again from the stored clipping for the entries a change removes
 * (they are not stored; see term-index.ts).
 */
export function indexFields(c: WordFields): { words: string[] } {
  const words = searchWords(c.title, c.text, c.note, c.tags.join(' '));
  for (const key of c.facets ?? []) words.push(facetTerm(key));
  return { words };
}

/** The tables a save writes, for the callers' transactions. */
export const clippingTables = (db: MigraLensDB) => [db.clippings, db.packs, db.terms];

/** A clipping's light row and its body, ready to store. */
export function splitClipping<C extends Omit<Clipping, 'id'> & { id?: number }>(c: C): { row: Omit<C, 'text' | 'html'>; body: Omit<ClippingBody, 'id'> } {
  const { text, html, ...row } = c;
  return { row, body: { text, html } };
}

/**
 * New clippings split into what each table stores, their ids not known yet: the work of a write
 * done before any of it (sanitising aside), which an import does for one batch while the writes
 * of the batch before are in flight.
 */
export type PreparedClippings = {
  rows: ClippingRow[];
  bodies: Omit<ClippingBody, 'id'>[];
  lists: PackedMentions[];
  words: string[][];
};

export function prepareClippings(
  clippings: readonly (Omit<Clipping, 'id'> & { id?: number })[], mentionsFor: (i: number) => readonly MentionToPack[],
): PreparedClippings {
  const parts = clippings.map(splitClipping);
  return {
    rows: parts.map((p) => p.row) as ClippingRow[],
    bodies: parts.map((p) => p.body),
    lists: clippings.map((_, i) => packMentions(mentionsFor(i))),
    words: clippings.map((c) => indexFields(c).words),
  };
}

/** The articles (bodies and mention lists) of prepared clippings, with the ids their rows were given. */
export const preparedArticles = (p: PreparedClippings, ids: readonly number[]): Article[] => p.bodies.map((b, i) => ({ ...b, id: ids[i], mentions: p.lists[i] }));
export const preparedWords = (p: PreparedClippings, ids: readonly number[]) => p.words.map((after, i): WordsChange => ({ id: ids[i], before: [], after }));

/**
 * Writes new clippings (rows without ids get fresh ones), their articles with their mentions, and
 * their search words, in that order. Returns the ids in order. Joins the caller's rw transaction over
 * clippingTables as a sub-transaction, so that the caller awaits a Dexie promise: an await on a
 * plain promise from a nested async function can outlive the caller's transaction. (An import
 * writes its batches itself, and indexes their words once at the end: see import-library.ts.)
 */
export function addClippings(
  db: MigraLensDB, clippings: readonly (Omit<Clipping, 'id'> & { id?: number })[], mentionsFor: (i: number) => readonly MentionToPack[],
): Promise<number[]> {
  return db.transaction('rw', clippingTables(db), async () => {
    if (!clippings.length) return [];
    const prepared = prepareClippings(clippings, mentionsFor);
    const ids = (await db.clippings.bulkAdd(prepared.rows, { allKeys: true })) as number[];
    await writeArticles(db, preparedArticles(prepared, ids));
    await updateTerms(db, preparedWords(prepared, ids));
    return ids;
  });
}

/**
 * Replaces the clipping with this id by `next` (row, article and search words), and its mentions
 * by `mentions` when given. Joins the caller's rw transaction over clippingTables, like addClippings.
 */
export function replaceClipping(
  db: MigraLensDB, id: number, next: Omit<Clipping, 'id'>, mentions?: readonly MentionToPack[],
): Promise<void> {
  return db.transaction('rw', clippingTables(db), async () => {
    const old = await db.clippings.get(id);
    const { row, body } = splitClipping(next);
    await db.clippings.put({ ...row, id });
    const previous = await writeArticles(db, [{ ...body, id, ...(mentions && { mentions: packMentions(mentions) }) }]);
    await reindexWords(db, id, old ? { ...old, text: previous.get(id)?.text ?? '' } : null, next);
  });
}

/**
 * Updates the search index of a clipping whose title, text, note or tags changed from `before`
 * (null: it was not indexed) to `after` (null: it is deleted). Inside a rw transaction over clippingTables.
 */
export async function reindexWords(db: MigraLensDB, id: number, before: WordFields | null, after: WordFields | null): Promise<void> {
  await updateTerms(db, [{ id, before: before ? indexFields(before).words : [], after: after ? indexFields(after).words : [] }]);
}

// Must run inside a rw transaction over clippingTables.
async function saveInTransaction(db: MigraLensDB, input: ClippingInput, stamp: string): Promise<SaveResult> {
  const { mentions, source = 'page', ...fields } = input;
  const existing = await db.clippings.where('urlKey').equals(fields.urlKey).first();
  const derived = {
    source, pageKey: keyOf(fields.url), summary: summarise(mentions), facets: facetsOf(mentions), updatedAt: stamp,
  };
  if (existing) {
    const { id } = existing;
    await replaceClipping(db, id, { ...existing, ...fields, ...derived }, mentions);
    return { id, created: false };
  }
  const own = { note: '', tags: [] as string[], collections: [] as number[] };
  const [id] = await addClippings(db, [{ ...fields, ...derived, ...own, savedAt: stamp }], () => mentions);
  return { id, created: true };
}

/**
 * Saves a clipping and its mentions in one transaction. A page already in the library (same
 * urlKey) is updated in place, keeping its note, tags and collections; its mentions are replaced.
 */
export function saveClipping(db: MigraLensDB, input: ClippingInput, now = new Date()): Promise<SaveResult> {
  return db.transaction('rw', clippingTables(db), () => saveInTransaction(db, input, now.toISOString()));
}

/**
 * Saves many clippings in one transaction (imports, benchmarks): all or none. New pages are
 * written with one bulk write each for the rows, the bodies and the mentions; pages already in the
 * library go through the same update as saveClipping.
 */
export function saveClippings(db: MigraLensDB, inputs: readonly ClippingInput[], now = new Date()): Promise<SaveResult[]> {
  const stamp = now.toISOString();
  return db.transaction('rw', clippingTables(db), async () => {
    const keys = inputs.map((i) => i.urlKey);
    // The index keys only: no record is read to tell which pages are new.
    const seen = new Set((await db.clippings.where('urlKey').anyOf(keys).keys()) as string[]);
    const fresh = inputs.filter((input) => !seen.has(input.urlKey) && !!seen.add(input.urlKey));
    const rows = fresh.map(({ mentions, source = 'page', ...fields }) => ({
      ...fields, note: '', tags: [] as string[], collections: [] as number[], source, pageKey: keyOf(fields.url),
      summary: summarise(mentions), facets: facetsOf(mentions), savedAt: stamp, updatedAt: stamp,
    }));
    const ids = await addClippings(db, rows, (i) => fresh[i].mentions);
    const byKey = new Map(fresh.map((input, i) => [input.urlKey, ids[i]]));
    const out: SaveResult[] = [];
    for (const input of inputs) {
      const id = byKey.get(input.urlKey);
      if (id !== undefined) { out.push({ id, created: true }); byKey.delete(input.urlKey); }
      else out.push(await saveInTransaction(db, input, stamp));
    }
    return out;
  });
}

/**
 * saveClipping for callers across a message boundary: a failure (a full disk included) comes back
 * as a value worded for the user. The transaction was aborted, so the library is as it was.
 */
export async function trySaveClipping(db: MigraLensDB, input: ClippingInput, now = new Date()): Promise<Result<SaveResult>> {
  try {
    return ok(await saveClipping(db, input, now));
  } catch (error) {
    const { code, message } = describeStorageError(error);
    return fail(code, message);
  }
}

/** Most recently saved or updated first. */
export function recentClippings(db: MigraLensDB, limit = 50): Promise<ClippingRow[]> {
  return db.clippings.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function findByUrlKey(db: MigraLensDB, key: string): Promise<ClippingRow | undefined> {
  return db.clippings.where('urlKey').equals(key).first();
}

/**
 * The page clipping saved for this address, if any: by its dedup key, else by the key of the
 * address it was saved from (a page with a canonical URL is saved under that one). Passages do not count.
 */
export async function savedPage(db: MigraLensDB, key: string): Promise<ClippingRow | undefined> {
  const byKey = await db.clippings.where('urlKey').equals(key).first();
  if (byKey) return byKey;
  return db.clippings.where('pageKey').equals(key).filter((c) => c.source === 'page').first();
}

/** Whether the page with this key is in the library (for the badge and the popup). */
export async function isSaved(db: MigraLensDB, key: string): Promise<boolean> {
  return (await savedPage(db, key)) !== undefined;
}

/** The mentions stored with a clipping's article, whole (with their text and anchors), in text order. */
const mentionsIn = (clippingId: number, article: Article | undefined): StoredMention[] =>
  unpackMentions(clippingId, article?.mentions, article?.text ?? '').sort((a, b) => a.start - b.start || a.end - b.end);

/** A clipping's mentions, whole (with their text and anchors), in text order. */
export async function mentionsOf(db: MigraLensDB, clippingId: number): Promise<StoredMention[]> {
  return mentionsIn(clippingId, await getArticle(db, clippingId));
}

const rowAndArticle = (db: MigraLensDB, id: number) => Promise.all([db.clippings.get(id), getArticle(db, id)]);
const withArticle = (row: ClippingRow, body: Article | undefined): Clipping => ({ ...row, text: body?.text ?? '', html: body?.html ?? '' });

/** A clipping with its article (exports, tests), or undefined when there is none with this id. */
export async function getClipping(db: MigraLensDB, id: number): Promise<Clipping | undefined> {
  const [row, body] = await rowAndArticle(db, id);
  return row && withArticle(row, body);
}

/**
 * A clipping with its article and its mentions in text order (see mentionsOf), from one read of
 * its pack: what the reader page opens with.
 */
export async function clippingWithMentions(db: MigraLensDB, id: number): Promise<{ clipping: Clipping; mentions: StoredMention[] } | undefined> {
  const [row, body] = await rowAndArticle(db, id);
  return row && { clipping: withArticle(row, body), mentions: mentionsIn(id, body) };
}
