import type { AnchoredMention } from '../annotate-page';
import { MENTION_KINDS } from '../detect/types';
import { fail, ok, type Result } from '../result';
import { urlKey as keyOf } from '../url-key';
import { facetsOf } from './facets';
import type { Clipping, ClippingSummary, MigraLensDB, StoredMention } from './schema';
import { searchWords } from './search-words';
import { describeStorageError } from './storage-errors';

/** What a save request carries: everything but the library's own bookkeeping. */
export type ClippingInput = Omit<Clipping,
  'id' | 'savedAt' | 'updatedAt' | 'note' | 'tags' | 'collections' | 'summary' | 'words' | 'facets' | 'source' | 'pageKey'
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

/** The derived fields of a clipping: recomputed on every save and every edit of note or tags. */
export function indexFields(c: Pick<Clipping, 'title' | 'text' | 'note' | 'tags'>): Pick<Clipping, 'words'> {
  return { words: searchWords(c.title, c.text, c.note, c.tags.join(' ')) };
}

// Must run inside a rw transaction over clippings and mentions.
async function saveInTransaction(db: MigraLensDB, input: ClippingInput, stamp: string): Promise<SaveResult> {
  const { mentions, source = 'page', ...fields } = input;
  const existing = await db.clippings.where('urlKey').equals(fields.urlKey).first();
  const derived = {
    source, pageKey: keyOf(fields.url), summary: summarise(mentions), facets: facetsOf(mentions), updatedAt: stamp,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    const kept = { note: existing.note, tags: existing.tags };
    await db.clippings.update(id, { ...fields, ...derived, ...indexFields({ ...fields, ...kept }) });
    await db.mentions.where('clippingId').equals(id).delete();
  } else {
    const own = { note: '', tags: [] as string[], collections: [] as number[] };
    id = await db.clippings.add({ ...fields, ...derived, ...own, ...indexFields({ ...fields, ...own }), savedAt: stamp });
  }
  await db.mentions.bulkAdd(mentions.map((m): Omit<StoredMention, 'id'> => ({ ...m, clippingId: id })));
  return { id, created: !existing };
}

/**
 * Saves a clipping and its mentions in one transaction. A page already in the library (same
 * urlKey) is updated in place, keeping its note, tags and collections; its mentions are replaced.
 */
export function saveClipping(db: MigraLensDB, input: ClippingInput, now = new Date()): Promise<SaveResult> {
  return db.transaction('rw', db.clippings, db.mentions, () => saveInTransaction(db, input, now.toISOString()));
}

/**
 * Saves many clippings in one transaction (imports, benchmarks): all or none. New pages are
 * written with one bulkAdd for the clippings and one for their mentions; pages already in the
 * library go through the same update as saveClipping.
 */
export function saveClippings(db: MigraLensDB, inputs: readonly ClippingInput[], now = new Date()): Promise<SaveResult[]> {
  const stamp = now.toISOString();
  return db.transaction('rw', db.clippings, db.mentions, async () => {
    const keys = inputs.map((i) => i.urlKey);
    const known = new Set((await db.clippings.where('urlKey').anyOf(keys).toArray()).map((c) => c.urlKey));
    const fresh = inputs.filter((input, i) => !known.has(input.urlKey) && keys.indexOf(input.urlKey) === i);
    const rows = fresh.map(({ mentions, source = 'page', ...fields }) => {
      const own = { note: '', tags: [] as string[], collections: [] as number[] };
      return {
        ...fields, ...own, ...indexFields({ ...fields, ...own }), source, pageKey: keyOf(fields.url),
        summary: summarise(mentions), facets: facetsOf(mentions), savedAt: stamp, updatedAt: stamp,
      };
    });
    const ids = (await db.clippings.bulkAdd(rows, { allKeys: true })) as number[];
    const byKey = new Map(fresh.map((input, i) => [input.urlKey, ids[i]]));
    await db.mentions.bulkAdd(fresh.flatMap((input, i) => input.mentions.map((m): Omit<StoredMention, 'id'> => ({ ...m, clippingId: ids[i] }))));
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
export function recentClippings(db: MigraLensDB, limit = 50): Promise<Clipping[]> {
  return db.clippings.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function findByUrlKey(db: MigraLensDB, key: string): Promise<Clipping | undefined> {
  return db.clippings.where('urlKey').equals(key).first();
}

/**
 * The page clipping saved for this address, if any: by its dedup key, else by the key of the
 * address it was saved from (a page with a canonical URL is saved under that one). Passages do not count.
 */
export async function savedPage(db: MigraLensDB, key: string): Promise<Clipping | undefined> {
  const byKey = await db.clippings.where('urlKey').equals(key).first();
  if (byKey) return byKey;
  return db.clippings.where('pageKey').equals(key).filter((c) => c.source === 'page').first();
}

/** Whether the page with this key is in the library (for the badge and the popup). */
export async function isSaved(db: MigraLensDB, key: string): Promise<boolean> {
  return (await savedPage(db, key)) !== undefined;
}

export function mentionsOf(db: MigraLensDB, clippingId: number): Promise<StoredMention[]> {
  return db.mentions.where('clippingId').equals(clippingId).sortBy('start');
}
