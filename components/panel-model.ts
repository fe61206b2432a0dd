/**
 * What the in-page panel and card show, as plain data: the content script builds it from the
 * annotator, the components only render it.
 */
import type { Mention, MentionKind } from '@/lib/detect/types';

/** A mention as the panel knows it. */
export type PanelMention = Pick<Mention,
  'kind' | 'text' | 'canonical' | 'entityId' | 'wikidata' | 'institutionKind' | 'country' | 'value' | 'valueMax'
  | 'unit' | 'currency' | 'category' | 'qualifier' | 'iso'> & {
  id: number;
  /** False when the mention could not be placed in the page (after a re-render, for instance). */
  attached: boolean;
};

/** One distinct entity (or figure, or date) with its occurrences in page order. */
export type PanelEntity = { key: string; kind: MentionKind; label: string; mentionIds: number[] };

export const KIND_LABELS: Record<MentionKind, { one: string; many: string }> = {
  institution: { one: 'Institution', many: 'Institutions' },
  role: { one: 'Role', many: 'Roles' },
  person: { one: 'Person', many: 'People' },
  figure: { one: 'Figure', many: 'Figures' },
  date: { one: 'Date', many: 'Dates' },
};

export const entityKey = (m: Pick<Mention, 'kind' | 'entityId' | 'canonical'>) =>
  `${m.kind}|${m.entityId ?? m.canonical.toLocaleLowerCase()}`;

/** Distinct entities per kind, most frequent first; only mentions placed in the page count. */
export function groupEntities(mentions: readonly PanelMention[]): PanelEntity[] {
  const byKey = new Map<string, PanelEntity>();
  for (const m of mentions) {
    if (!m.attached) continue;
    const key = entityKey(m);
    let e = byKey.get(key);
    if (!e) byKey.set(key, e = { key, kind: m.kind, label: m.canonical || m.text, mentionIds: [] });
    e.mentionIds.push(m.id);
  }
  return [...byKey.values()].sort((a, b) => b.mentionIds.length - a.mentionIds.length || a.label.localeCompare(b.label));
}

/** "at least 27 people", "£290 million" read back from the figure's fields, for the card. */
export function describeFigure(m: PanelMention): string | null {
  if (m.value === undefined) return null;
  const n = (x: number) => x.toLocaleString('en-GB');
  const amount = m.valueMax !== undefined ? `${n(m.value)}–${n(m.valueMax)}` : n(m.value);
  const unit = m.unit === 'other' ? m.currency ?? '' : m.unit ?? '';
  return [m.qualifier, amount, unit].filter(Boolean).join(' ');
}
