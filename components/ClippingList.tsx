import type { Clipping } from '@/lib/db/schema';

export type ClippingListProps = {
  clippings: Clipping[];
  onOpen?: (clipping: Clipping) => void;
};

const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '');

/** Saved clippings with what was detected in them, most recent first. */
export function ClippingList({ clippings, onOpen }: ClippingListProps) {
  if (!clippings.length) return <p class="clipping-meta">No clippings yet. Save an article to start your library.</p>;
  return (
    <ul class="clippings" aria-label="Saved clippings">
      {clippings.map((c) => (
        <li key={c.id} data-clipping-id={c.id}>
          <a class="clipping-title" href={c.url} target="_blank" rel="noopener noreferrer" onClick={onOpen ? (e) => { e.preventDefault(); onOpen(c); } : undefined}>
            {c.title}
          </a>
          <div class="clipping-meta">
            {[c.siteName, dateOf(c.published), `${c.summary.counts.institution + c.summary.counts.role + c.summary.counts.person + c.summary.counts.figure + c.summary.counts.date} mentions`].filter(Boolean).join(' · ')}
          </div>
          {c.summary.institutions.length > 0 && (
            <div class="chips" aria-label="Institutions">
              {c.summary.institutions.slice(0, 8).map((name) => <span class="chip institution" key={name}>{name}</span>)}
            </div>
          )}
          {c.summary.figures.length > 0 && (
            <div class="chips" aria-label="Figures">
              {c.summary.figures.slice(0, 6).map((text, i) => <span class="chip figure" key={i}>{text}</span>)}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
