import type { Mention, MentionKind } from '../detect/types';

/**
 * A filter on what was detected. `name` matches a canonical name within a kind ("Frontex"),
 * `entity` a gazetteer id (`eu.frontex`), `kind` any mention of a kind, `category` a figure category.
 */
export type Facet =
  | { type: 'kind'; kind: MentionKind }
  | { type: 'name'; kind: MentionKind; canonical: string }
  | { type: 'entity'; entityId: string }
  | { type: 'category'; category: string };

/** The key of a facet, as stored in `Clipping.facets`. */
export function facetKey(f: Facet): string {
  switch (f.type) {
    case 'kind': return `kind:${f.kind}`;
    case 'name': return `name:${f.kind}:${f.canonical}`;
    case 'entity': return `entity:${f.entityId}`;
    case 'category': return `category:${f.category}`;
  }
}

/**
 * A facet key as an entry of the `terms` index, beside the search words: one list per facet holds
 * the clippings that have it, instead of an index entry per facet of every clipping (about twenty
 * each), which was a fifth of an import's time. Search words never contain `#`.
 */
export const facetTerm = (key: string): string => `#${key}`;

/** Kinds whose canonical names make useful filters; figures and dates are filtered by category instead. */
const NAMED: ReadonlySet<MentionKind> = new Set(['institution', 'role', 'person']);

/** Distinct facet keys of a clipping's mentions. */
export function facetsOf(mentions: readonly Pick<Mention, 'kind' | 'canonical' | 'entityId' | 'category'>[]): string[] {
  const keys = new Set<string>();
  for (const m of mentions) {
    keys.add(facetKey({ type: 'kind', kind: m.kind }));
    if (NAMED.has(m.kind)) keys.add(facetKey({ type: 'name', kind: m.kind, canonical: m.canonical }));
    if (m.entityId) keys.add(facetKey({ type: 'entity', entityId: m.entityId }));
    if (m.kind === 'figure' && m.category) keys.add(facetKey({ type: 'category', category: m.category }));
  }
  return [...keys];
}
