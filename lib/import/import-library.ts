import { freshPackWriter, getArticle, writeArticles } from '../db/article-packs';
import { clippingTables, prepareClippings, preparedArticles, preparedWords, reindexWords, replaceClipping, summarise } from '../db/clippings';
import { facetsOf } from '../db/facets';
import { updateTerms, type WordsChange } from '../db/term-index';
import { urlKey } from '../url-key';
import type { Clipping, ClippingRow, MigraLensDB, StoredMention } from '../db/schema';
import type { BackupClipping, LibraryBackup } from '../export/backup-format';
import type { Progress } from '../export/types';

export type ImportResult = {
  /** Clippings that were not in the library. */
  added: number;
  /** Clippings already in the library (same URL key) that the file changed: newer content, or tags, collections or a note added. */
  updated: number;
  /** Clippings already in the library that the file had nothing to add to. */
  skipped: number;
  mentions: number;
  collectionsAdded: number;
};

export type ImportOptions = {
  /**
   * Sanitises each clipping's HTML before it is stored: a backup is a file from anywhere, and the
   * reader page renders that HTML. The extension passes lib/sanitize-html.ts with its window.
   */
  sanitize: (html: string) => string;
  onProgress?: Progress;
  /** Clippings prepared and written at a time (default 2,000). */
  batchSize?: number;
};

const DEFAULT_BATCH = 2_000;

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function storedClipping(c: BackupClipping, sanitize: ImportOptions['sanitize'], collections: Map<number, number>): Omit<Clipping, 'id'> & { id?: number } {
  const { mentions, ...fields } = c;
  return {
    ...fields,
    source: c.source ?? 'page',
    pageKey: c.pageKey ?? urlKey(c.url),
    html: sanitize(c.html),
    collections: c.collections.map((id) => collections.get(id)!),
    // A file without summaries (written by hand, or by a tool) gets them computed from its mentions.
    summary: c.summary ?? summarise(mentions as StoredMention[]),
    facets: facetsOf(mentions),
  };
}

/**
 * Writes a backup that readBackup() accepted, in one transaction: if anything fails, nothing is
 * written. Into an empty library it restores exactly, ids included. Into a library that has
 * clippings, those with the same URL key are merged, never duplicated: the newer content (by
 * `updatedAt`) wins with its mentions, tags and collections are united, and a note is kept
 * unless empty. Collections are matched by name.
 */
export async function importBackup(db: MigraLensDB, backup: LibraryBackup, options: ImportOptions): Promise<ImportResult> {
  const { sanitize, onProgress, batchSize: BATCH = DEFAULT_BATCH } = options;
  const total = backup.clippings.length;
  const result: ImportResult = { added: 0, updated: 0, skipped: 0, mentions: 0, collectionsAdded: 0 };
  await db.transaction('rw', [...clippingTables(db), db.collections], async () => {
    const restore = (await db.clippings.count()) === 0 && (await db.collections.count()) === 0 && (await db.packs.count()) === 0;

    // Collections: the file's id → the library's id.
    const collectionIds = new Map<number, number>();
    const byName = new Map((await db.collections.toArray()).map((col) => [col.name, col.id]));
    for (const col of backup.collections) {
      const existing = byName.get(col.name);
      if (existing !== undefined) { collectionIds.set(col.id, existing); continue; }
      const id = await db.collections.add(restore ? col : { name: col.name, createdAt: col.createdAt });
      collectionIds.set(col.id, id as number);
      result.collectionsAdded++;
    }

    const existing = new Map<string, ClippingRow>();
    if (!restore) {
      const keys = backup.clippings.map((c) => c.urlKey);
      for (let i = 0; i < keys.length; i += BATCH) {
        for (const c of await db.clippings.where('urlKey').anyOf(keys.slice(i, i + BATCH)).toArray()) existing.set(c.urlKey, c);
      }
    }

    // A batch's new clippings, sanitised, packed and split into words: CPU work, done for the next
    // batch while the articles of this one are being written.
    const prepare = (from: number) => {
      const batch = backup.clippings.slice(from, from + BATCH);
      const fresh = batch.filter((c) => !existing.has(c.urlKey));
      const records = fresh.map((c) => {
        const record = storedClipping(c, sanitize, collectionIds);
        if (!restore) delete record.id;
        return record;
      });
      // Mentions are numbered in the file's order, as an export writes them: a restore gives back the same ids.
      return { batch, fresh, prepared: prepareClippings(records, (k) => fresh[k].mentions) };
    };

    const words: WordsChange[] = [];
    let done = 0;
    let next = prepare(0);
    // Into an empty library the ids are the file's and no pack holds anything else: nothing is read
    // before writing, and the writes of a batch run while the next one is prepared.
    const putFresh = restore && backup.clippings.every((c) => Number.isInteger(c.id)) ? freshPackWriter(db) : null;
    for (let i = 0; i < total; i += BATCH) {
      const { batch, fresh, prepared } = next;
      const rowsAdded = db.clippings.bulkAdd(prepared.rows, { allKeys: true });
      const ids = putFresh ? prepared.rows.map((r) => r.id) : ((await rowsAdded) as number[]);
      const articles = preparedArticles(prepared, ids);
      const writes = [rowsAdded, putFresh ? putFresh(articles) : writeArticles(db, articles)];
      // A failed write aborts the transaction, and is thrown where it is awaited below.
      for (const w of writes) w.catch(() => undefined);
      words.push(...preparedWords(prepared, ids));
      result.added += fresh.length;
      result.mentions += fresh.reduce((n, c) => n + c.mentions.length, 0);
      if (i + BATCH < total) next = prepare(i + BATCH);
      // Before the merges below, which rewrite packs these writes may also hold.
      for (const w of writes) await w;

      for (const c of batch) {
        const old = existing.get(c.urlKey);
        if (!old) continue;
        const { id: _, ...incoming } = storedClipping(c, sanitize, collectionIds);
        const tags = union(old.tags, incoming.tags);
        const collections = union(old.collections, incoming.collections);
        if (incoming.updatedAt > old.updatedAt) {
          const note = incoming.note || old.note;
          const savedAt = old.savedAt < incoming.savedAt ? old.savedAt : incoming.savedAt;
          await replaceClipping(db, old.id, { ...incoming, savedAt, tags, collections, note }, c.mentions);
          result.mentions += c.mentions.length;
          result.updated++;
        } else {
          const note = old.note || incoming.note;
          if (sameList(tags, old.tags) && sameList(collections, old.collections) && note === old.note) { result.skipped++; continue; }
          await db.clippings.update(old.id, { tags, collections, note });
          // Tags and note are searched: the words are recomputed with the article's text.
          const text = (await getArticle(db, old.id))?.text ?? '';
          await reindexWords(db, old.id, { ...old, text }, { ...old, tags, note, text });
          result.updated++;
        }
      }
      done += batch.length;
      // The last step is the search index, after the loop.
      if (done < total) onProgress?.(done, total);
    }
    await updateTerms(db, words);
    onProgress?.(total, total);
  });
  return result;
}
