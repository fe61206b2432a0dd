import { anchorFor } from '../anchor/text-quote';
import type { StoredMention } from './schema';

/**
 * A mention as the `mentions` table keeps it: without what the clipping's text gives back exactly
 * (its own text and its quote/prefix/suffix anchor, both cut from the text at its offsets) and
 * without its place and clipping, which its list gives.
 */
export type PackedMention = Omit<StoredMention, 'id' | 'clippingId' | 'text' | 'anchor'>;

/**
 * All mentions of one clipping as one record of three columns. A library's mentions are mostly
 * the same few field sets over and over (every "Frontex" of an article has the same kind, name,
 * id and country), and IndexedDB's cost here is the bytes it moves: a list of objects repeats every
 * field name and value in each mention, this keeps each distinct value and each distinct field set
 * once, and the offsets as 32-bit integers.
 */
export type PackedMentions = {
  /** The distinct field names and values of the list. */
  values: unknown[];
  /** The distinct field sets, one after the other: their length, then name and value for each field, as indexes into `values`. */
  fields: Uint32Array;
  /** Per mention, in list order: start, end, and where its field set begins in `fields`. */
  spans: Uint32Array;
};

/** A list of no mentions. */
export const NO_MENTIONS: PackedMentions = { values: [], fields: new Uint32Array(0), spans: new Uint32Array(0) };

/** Stands for the mention's own `start` or `end` in a field set, which keeps their place among its fields. */
const OWN_OFFSET = 0xffffffff;

/** A mention with or without what packing leaves out. */
export type MentionToPack = PackedMention & Partial<Pick<StoredMention, 'id' | 'clippingId' | 'text' | 'anchor'>>;

/**
 * Field sets met so far, as a trie: from a node, a field's name index then its value index lead to
 * the node of the set with that field added; `at` is where the set begins in `fields` once one
 * ends there. Looking a set up by number costs a fraction of building a string key per mention.
 */
type SetNode = { at: number; next?: Map<number, Map<number, SetNode>> };

function childOf(node: SetNode, name: number, value: number): SetNode {
  const next = (node.next ??= new Map());
  let byValue = next.get(name);
  if (!byValue) next.set(name, (byValue = new Map()));
  let child = byValue.get(value);
  if (!child) byValue.set(value, (child = { at: -1 }));
  return child;
}

export function packMentions(mentions: readonly MentionToPack[]): PackedMentions {
  const values: unknown[] = [];
  const valueIndex = new Map<unknown, number>();
  const indexOf = (v: unknown) => {
    let i = valueIndex.get(v);
    if (i === undefined) { i = values.length; values.push(v); valueIndex.set(v, i); }
    return i;
  };
  const fields: number[] = [];
  const sets: SetNode = { at: -1 };
  const spans = new Uint32Array(mentions.length * 3);
  const set: number[] = [];
  mentions.forEach((m, k) => {
    set.length = 0;
    let node = sets;
    for (const name in m) {
      if (name === 'text' || name === 'anchor' || name === 'id' || name === 'clippingId') continue;
      const n = indexOf(name);
      const v = name === 'start' || name === 'end' ? OWN_OFFSET : indexOf(m[name as keyof MentionToPack]);
      set.push(n, v);
      node = childOf(node, n, v);
    }
    if (node.at < 0) { node.at = fields.length; fields.push(set.length / 2, ...set); }
    spans[3 * k] = m.start;
    spans[3 * k + 1] = m.end;
    spans[3 * k + 2] = node.at;
  });
  return { values, fields: Uint32Array.from(fields), spans };
}

/** How many mentions a packed list holds, without unpacking it. */
export const packedCount = (packed: PackedMentions | undefined): number => (packed ? packed.spans.length / 3 : 0);

/** The mentions of the clipping `clippingId` whose article is `text`, whole again, numbered from 1 in list order. */
export function unpackMentions(clippingId: number, packed: PackedMentions | undefined, text: string): StoredMention[] {
  if (!packed) return [];
  const { values, fields, spans } = packed;
  const out: StoredMention[] = [];
  for (let k = 0; k < spans.length; k += 3) {
    const start = spans[k], end = spans[k + 1];
    let at = spans[k + 2];
    const m: Record<string, unknown> = {};
    for (let n = fields[at++]; n > 0; n--, at += 2) {
      const name = values[fields[at]] as string;
      const v = fields[at + 1];
      m[name] = v === OWN_OFFSET ? (name === 'start' ? start : end) : values[v];
    }
    out.push({ ...(m as PackedMention), id: out.length + 1, clippingId, text: text.slice(start, end), anchor: anchorFor(text, start, end) });
  }
  return out;
}

/** In a field set's entries (see eachPacked), the value of `start` and `end`: each mention's own. */
export const OWN = Symbol('own offset');

/** A field set's fields in stored order, as [name, value]; `start` and `end` are valued OWN. */
export type FieldEntries = readonly (readonly [name: string, value: unknown])[];

/**
 * Walks a packed list in list order without making an object per mention: `visit` gets the
 * mention's field set (one array for all the mentions that share it: never change it), its
 * offsets and its place. A writer of a large export then makes what a set writes once for all of
 * its mentions; unpackMentions gives the same mentions whole.
 */
export function eachPacked(packed: PackedMentions | undefined, visit: (set: FieldEntries, start: number, end: number, index: number) => void): void {
  if (!packed) return;
  const { values, fields, spans } = packed;
  const sets = new Map<number, FieldEntries>();
  for (let k = 0; k < spans.length; k += 3) {
    const at = spans[k + 2];
    let set = sets.get(at);
    if (!set) {
      const entries: [string, unknown][] = [];
      for (let i = at + 1, n = fields[at]; n > 0; n--, i += 2) {
        entries.push([values[fields[i]] as string, fields[i + 1] === OWN_OFFSET ? OWN : values[fields[i + 1]]]);
      }
      set = entries;
      sets.set(at, set);
    }
    visit(set, spans[k], spans[k + 1], k / 3);
  }
}
