import { getArticle, writeArticles } from './article-packs';
import { clippingTables, reindexWords } from './clippings';
import { packMentions, unpackMentions } from './mention-store';
import type { Clipping, ClippingRow, Collection, MigraLensDB, StoredMention } from './schema';

/** What the reader changes by hand; absent fields stay as they are. */
export type ClippingEdit = { note?: string; tags?: string[]; collections?: string[] };

/** Trimmed, de-duplicated, non-empty names, in the order given. */
export function cleanNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

/** The collection ids for these names, creating the missing collections. Runs inside the caller's transaction. */
async function collectionIds(db: MigraLensDB, names: readonly string[], stamp: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of cleanNames(names)) {
    const found = await db.collections.where('name').equals(name).first();
    ids.push(found ? found.id : await db.collections.add({ name, createdAt: stamp }));
  }
  return ids;
}

/** Updates note, tags and collections (by name) and the search words, in one transaction. */
export function editClipping(db: MigraLensDB, id: number, edit: ClippingEdit, now = new Date()): Promise<void> {
  return db.transaction('rw', [db.clippings, db.packs, db.terms, db.collections], async () => {
    const c = await db.clippings.get(id);
    if (!c) throw new Error(`Clipping ${id} no longer exists.`);
    const stamp = now.toISOString();
    const changes: Partial<ClippingRow> = {};
    if (edit.note !== undefined) changes.note = edit.note;
    if (edit.tags !== undefined) changes.tags = cleanNames(edit.tags);
    if (edit.collections !== undefined) changes.collections = await collectionIds(db, edit.collections, stamp);
    await db.clippings.update(id, changes);
    if (edit.note === undefined && edit.tags === undefined) return;
    // Note and tags are searched: the words are recomputed with the article's text.
    const text = (await getArticle(db, id))?.text ?? '';
    await reindexWords(db, id, { ...c, text }, { ...c, ...changes, text });
  });
}

/** Names of all collections, for pickers and filters. */
export function allCollections(db: MigraLensDB): Promise<Collection[]> {
  return db.collections.orderBy('name').toArray();
}

/** Everything a deleted clipping was, so that "Undo" can put it back with the same id. */
export type DeletedClipping = { clipping: Clipping; mentions: StoredMention[] };

/** Deletes a clipping, its article and its mentions in one transaction; returns them for undo (null when already gone). */
export function deleteClipping(db: MigraLensDB, id: number): Promise<DeletedClipping | null> {
  return db.transaction('rw', clippingTables(db), async () => {
    const row = await db.clippings.get(id);
    if (!row) return null;
    const article = (await writeArticles(db, [], [id])).get(id);
    const clipping: Clipping = { ...row, text: article?.text ?? '', html: article?.html ?? '' };
    const mentions = unpackMentions(id, article?.mentions, clipping.text);
    await reindexWords(db, id, clipping, null);
    await db.clippings.delete(id);
    return { clipping, mentions };
  });
}

/**
 * Puts a deleted clipping back as it was. If the page was saved again meanwhile, the new save wins
 * and the old one is not restored (it would break the one-clipping-per-page rule): returns false.
 */
export function restoreClipping(db: MigraLensDB, deleted: DeletedClipping): Promise<boolean> {
  return db.transaction('rw', clippingTables(db), async () => {
    if (await db.clippings.where('urlKey').equals(deleted.clipping.urlKey).count()) return false;
    const { text, html, ...row } = deleted.clipping;
    await db.clippings.put(row);
    await writeArticles(db, [{ id: row.id, text, html, mentions: packMentions(deleted.mentions) }]);
    await reindexWords(db, row.id, null, deleted.clipping);
    return true;
  });
}
