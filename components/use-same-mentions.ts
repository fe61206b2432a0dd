import { useRef } from 'preact/hooks';
import type { StoredMention } from '@/lib/db/schema';

export const NO_MENTIONS: StoredMention[] = [];

/** Field by field, the anchor's too: the same offsets in a re-saved article may quote other words. */
export function sameMention(a: StoredMention, b: StoredMention): boolean {
  const keys = Object.keys(a) as (keyof StoredMention)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => (k === 'anchor'
    ? a.anchor.quote === b.anchor.quote && a.anchor.prefix === b.anchor.prefix && a.anchor.suffix === b.anchor.suffix && a.anchor.position === b.anchor.position
    : a[k] === b[k]));
}

/**
 * `mentions`, or the list it replaces when every mention is the same. A live query that reads a
 * clipping's row and mentions together gives a new list whenever the row changes (a note, a tag);
 * a view painted from the list then repaints only when the mentions themselves changed.
 */
export function useSameMentions(mentions: StoredMention[]): StoredMention[] {
  const last = useRef(mentions);
  const prev = last.current;
  if (prev !== mentions && !(prev.length === mentions.length && prev.every((m, i) => sameMention(m, mentions[i])))) last.current = mentions;
  return last.current;
}
