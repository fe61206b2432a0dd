import { mentionsOf } from '../../../lib/db/clippings';
import type { MigraLensDB, StoredMention } from '../../../lib/db/schema';

/** Every stored mention (of one clipping, or of all, in clipping order), whole. */
export async function storedMentions(db: MigraLensDB, clippingId?: number): Promise<StoredMention[]> {
  if (clippingId !== undefined) return mentionsOf(db, clippingId);
  // Packs only: a large article's own record (a negative key) repeats an id its pack marks.
  const ids = (await db.packs.where(':id').aboveOrEqual(0).toArray()).flatMap((p) => p.articles.map((a) => a.id));
  return (await Promise.all(ids.map((id) => mentionsOf(db, id)))).flat();
}
