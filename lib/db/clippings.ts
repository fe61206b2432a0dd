import type { AnchoredMention } from '../annotate-page';
import { MENTION_KINDS } from '../detect/types';
import type { Clipping, ClippingSummary, MigraLensDB, StoredMention } from './schema';

/** What a save request carries: everything but the library's own bookkeeping. */
export type ClippingInput = Omit<Clipping, 'id' | 'savedAt' | 'updatedAt' | 'note' | 'tags' | 'collections' | 'summary'> & {
  mentions: AnchoredMention[];
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

/**
 * Saves a clipping and its mentions in one transaction. A page already in the library (same
 * urlKey) is updated in place, keeping its note, tags and collections; its mentions are replaced.
 */
export async function saveClipping(db: MigraLensDB, input: ClippingInput, now = new Date()): Promise<SaveResult> {
  const { mentions, ...fields } = input;
  const stamp = now.toISOString();
  return db.transaction('rw', db.clippings, db.mentions, async () => {
    const existing = await db.clippings.where('urlKey').equals(fields.urlKey).first();
    const summary = summarise(mentions);
    let id: number;
    if (existing) {
      id = existing.id;
      await db.clippings.update(id, { ...fields, summary, updatedAt: stamp });
      await db.mentions.where('clippingId').equals(id).delete();
    } else {
      id = await db.clippings.add({
        ...fields, summary, savedAt: stamp, updatedAt: stamp, note: '', tags: [], collections: [],
      });
    }
    await db.mentions.bulkAdd(mentions.map((m): Omit<StoredMention, 'id'> => ({ ...m, clippingId: id })));
    return { id, created: !existing };
  });
}

/** Most recently saved or updated first. */
export function recentClippings(db: MigraLensDB, limit = 50): Promise<Clipping[]> {
  return db.clippings.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function findByUrlKey(db: MigraLensDB, key: string): Promise<Clipping | undefined> {
  return db.clippings.where('urlKey').equals(key).first();
}

export function mentionsOf(db: MigraLensDB, clippingId: number): Promise<StoredMention[]> {
  return db.mentions.where('clippingId').equals(clippingId).sortBy('start');
}
