import type { MigraLensDB } from '../../../lib/db/schema';
import { idsInShard, shardOf } from '../../../lib/db/term-index';

/** A word's ids in one row of the search index, as stored; undefined without a row or the word in it. */
export async function idsInRow(db: MigraLensDB, word: string, bucket: number): Promise<number[] | undefined> {
  const row = await db.terms.get([shardOf(word), bucket]);
  const ids = row && idsInShard(row, word);
  return ids && [...ids];
}
