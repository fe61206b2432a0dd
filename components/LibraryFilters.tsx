import { MENTION_KINDS, type MentionKind } from '@/lib/detect/types';
import { facetKey, type Facet } from '@/lib/db/facets';
import type { FacetOption, LibraryQuery } from '@/lib/db/queries';
import type { Collection } from '@/lib/db/schema';

export type LibraryFiltersProps = {
  query: LibraryQuery;
  onChange: (query: LibraryQuery) => void;
  chips: FacetOption[];
  collections: Collection[];
  sites: string[];
  tags: string[];
};

const KIND_LABELS: Record<MentionKind, string> = { institution: 'Institutions', role: 'Roles', person: 'People', figure: 'Figures', date: 'Dates' };

/** Search box, filter chips (kinds, detected names, figure categories) and menus (collection, tag, site, dates). */
export function LibraryFilters({ query, onChange, chips, collections, sites, tags }: LibraryFiltersProps) {
  const active = new Set((query.facets ?? []).map(facetKey));
  const toggle = (f: Facet) => {
    const key = facetKey(f);
    const facets = active.has(key) ? (query.facets ?? []).filter((x) => facetKey(x) !== key) : [...(query.facets ?? []), f];
    onChange({ ...query, facets });
  };
  const chip = (f: Facet, label: string, extra = '') => (
    <button type="button" key={facetKey(f)} class={`filter-chip ${extra}`} aria-pressed={active.has(facetKey(f))} onClick={() => toggle(f)}>{label}</button>
  );
  // Active filters stay visible even when they are no longer among the most frequent.
  const shown = new Set(chips.map((o) => facetKey(o.facet)));
  const extra = (query.facets ?? []).filter((f) => f.type !== 'kind' && !shown.has(facetKey(f)));
  const set = (part: Partial<LibraryQuery>) => onChange({ ...query, ...part });
  return (
    <div class="filters">
      <input type="search" class="search" aria-label="Search clippings" placeholder="Search clippings" value={query.text ?? ''}
        onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })} />
      <div class="chip-row" role="group" aria-label="Kinds">
        {MENTION_KINDS.map((k) => chip({ type: 'kind', kind: k }, KIND_LABELS[k], k))}
      </div>
      {(chips.length > 0 || extra.length > 0) && (
        <div class="chip-row" role="group" aria-label="Detected in your clippings">
          {chips.map((o) => chip(o.facet, o.label, o.facet.type === 'category' ? 'figure' : o.facet.type === 'name' ? o.facet.kind : ''))}
          {extra.map((f) => chip(f, f.type === 'name' ? f.canonical : f.type === 'category' ? f.category : f.type === 'entity' ? f.entityId : ''))}
        </div>
      )}
      <details class="more-filters">
        <summary>Collection, tag, site, dates</summary>
        <div class="filter-grid">
          <label>Collection
            <select value={query.collectionId === undefined ? '' : String(query.collectionId)}
              onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; set({ collectionId: v ? Number(v) : undefined }); }}>
              <option value="">Any</option>
              {collections.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
            </select>
          </label>
          <label>Tag
            <select value={query.tag ?? ''} onChange={(e) => set({ tag: (e.currentTarget as HTMLSelectElement).value || undefined })}>
              <option value="">Any</option>
              {tags.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <label>Site
            <select value={query.siteName ?? ''} onChange={(e) => set({ siteName: (e.currentTarget as HTMLSelectElement).value || undefined })}>
              <option value="">Any</option>
              {sites.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <label>Published from
            <input type="date" value={query.from ?? ''} onInput={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </label>
          <label>Published to
            <input type="date" value={query.to ?? ''} onInput={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </label>
        </div>
      </details>
    </div>
  );
}
