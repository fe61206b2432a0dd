import type { StoredMention } from '@/lib/db/schema';

export type MentionCardProps = { mention: StoredMention; x: number; y: number; id: string };

const KIND: Record<StoredMention['kind'], string> = { institution: 'Institution', role: 'Role', person: 'Person', figure: 'Figure', date: 'Date' };

/** What was detected in one highlight: kind, canonical name, and a figure's value or a date's ISO form. */
export function MentionCard({ mention: m, x, y, id }: MentionCardProps) {
  const rows: [string, string][] = [];
  if (m.canonical !== m.text) rows.push(['Name', m.canonical]);
  if (m.kind === 'figure') {
    if (m.value !== undefined) rows.push(['Value', m.valueMax !== undefined ? `${m.value}–${m.valueMax}` : String(m.value)]);
    if (m.unit) rows.push(['Unit', m.currency ?? m.unit]);
    if (m.category) rows.push(['Category', m.category]);
    if (m.qualifier) rows.push(['Qualifier', m.qualifier]);
  }
  if (m.kind === 'date' && m.iso) rows.push(['Date', m.iso]);
  if (m.entityId) rows.push(['Id', m.entityId]);
  const left = Math.min(x + 8, window.innerWidth - 280);
  return (
    <div class={`mention-card ${m.kind}`} role="tooltip" id={id} style={{ left: `${Math.max(4, left)}px`, top: `${y + 12}px` }}>
      <div class="mention-kind">{KIND[m.kind]}</div>
      <div class="mention-text">{m.text}</div>
      {rows.length > 0 && <dl>{rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>}
    </div>
  );
}
