import { anchorFor } from '../anchor/text-quote';
import type { StoredMention } from './schema';

/**
 * A mention as the `mentions` table keeps it: without what the clipping's text gives back exactly
 * (its own text and its quote/prefix/suffix anchor, both cut from the text at its offsets) and
 * without its place and clipping, which its list gives. Half the bytes of a library's largest
 * table, which is what an export reads.
 */
export type PackedMention = Omit<StoredMention, 'id' | 'clippingId' | 'text' | 'anchor'>;

export function packMentions(mentions: readonly Omit<StoredMention, 'id' | 'clippingId'>[]): PackedMention[] {
  return mentions.map(({ text: _, anchor: __, id: ___, clippingId: ____, ...rest }: Omit<StoredMention, 'id' | 'clippingId'> & { id?: number; clippingId?: number }) => rest);
}

/** The mentions of the clipping `clippingId` whose article is `text`, whole again, numbered from 1. */
export function unpackMentions(clippingId: number, packed: readonly PackedMention[], text: string): StoredMention[] {
  return packed.map((m, i) => ({ ...m, id: i + 1, clippingId, text: text.slice(m.start, m.end), anchor: anchorFor(text, m.start, m.end) }));
}
