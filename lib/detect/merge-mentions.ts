import type { Mention, MentionKind } from './types';

// When two mentions of different kinds claim the same characters, the more specific reading wins:
// "Utopia 56" is an institution, not a figure; "Rete 26 febbraio" is a name, not a date.
const PRIORITY: Record<MentionKind, number> = { institution: 5, role: 4, person: 3, date: 2, figure: 1 };

const contains = (outer: Mention, inner: Mention) => outer.start <= inner.start && inner.end <= outer.end;

/** A role may hold the institution it belongs to ("directrice générale de l'OIM" + "OIM"). */
const mayNest = (outer: Mention, inner: Mention) => outer.kind === 'role' && inner.kind === 'institution';

/** Reading order: by start, a longer mention before one nested inside it. */
export function compareMentions(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end || PRIORITY[b.kind] - PRIORITY[a.kind];
}

/**
 * Joins the per-kind results into one list with no partial overlaps and no nesting within a kind;
 * the only nesting kept is an institution inside a role.
 */
export function mergeMentions(lists: readonly Mention[][]): Mention[] {
  const all = withoutTitlesInNames(lists.flat().filter((m) => m.end > m.start));
  // Stronger claims first, so that a weaker mention is tested against what is already kept.
  all.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // Kept mentions are filed in fixed-size buckets of text, so that a clash test looks only at
  // the mentions near it: linear in the number of mentions, also for a 5 MB text.
  const buckets = new Map<number, Mention[]>();
  const kept: Mention[] = [];
  for (const m of all) {
    const first = m.start >> BUCKET_BITS, last = (m.end - 1) >> BUCKET_BITS;
    let clash = false;
    for (let b = first; b <= last && !clash; b++) {
      for (const k of buckets.get(b) ?? []) {
        if (k.end <= m.start || m.end <= k.start) continue;
        if (contains(k, m) && mayNest(k, m)) continue;
        if (contains(m, k) && mayNest(m, k)) continue;
        clash = true;
        break;
      }
    }
    if (clash) continue;
    kept.push(m);
    for (let b = first; b <= last; b++) {
      const list = buckets.get(b);
      if (list) list.push(m); else buckets.set(b, [m]);
    }
  }
  return kept.sort(compareMentions);
}

const BUCKET_BITS = 6;

/**
 * A title word inside a person's name is part of the name: "Bruno Le Maire" holds no mayor, and
 * the role, which outranks a person, would otherwise take his name's place.
 */
function withoutTitlesInNames(all: Mention[]): Mention[] {
  const people = new Map<number, Mention[]>();
  for (const m of all) {
    if (m.kind !== 'person') continue;
    for (let b = m.start >> BUCKET_BITS; b <= (m.end - 1) >> BUCKET_BITS; b++) {
      const list = people.get(b);
      if (list) list.push(m); else people.set(b, [m]);
    }
  }
  if (people.size === 0) return all;
  const inName = (r: Mention) => (people.get(r.start >> BUCKET_BITS) ?? []).some((p) => contains(p, r) && p.end - p.start > r.end - r.start);
  return all.filter((m) => m.kind !== 'role' || !inName(m));
}
