import { KIND_LABELS, describeFigure, type PanelMention } from './panel-model';

export type PageMentionCardProps = {
  mention: PanelMention;
  /** Where the mention is in the viewport; the card goes below it (above when near the bottom). */
  at: { left: number; top: number; bottom: number };
  viewport: { width: number; height: number };
};

const CARD_WIDTH = 280;

/**
 * What MigraLens knows about one mention in the page being read: shown on hover and when the
 * panel's button for it has keyboard focus. (The library's reader has its own MentionCard.)
 */
export function PageMentionCard({ mention: m, at, viewport }: PageMentionCardProps) {
  const below = at.bottom + 160 < viewport.height;
  const style = {
    left: `${Math.max(8, Math.min(at.left, viewport.width - CARD_WIDTH - 8))}px`,
    ...(below ? { top: `${at.bottom + 6}px` } : { bottom: `${viewport.height - at.top + 6}px` }),
  };
  const figure = m.kind === 'figure' ? describeFigure(m) : null;
  const rows: [string, string][] = [];
  if (m.institutionKind) rows.push(['Kind of body', m.institutionKind]);
  if (m.country) rows.push(['Country', m.country]);
  if (figure) rows.push(['Value', figure]);
  if (m.category) rows.push(['Category', m.category]);
  if (m.qualifier && !figure) rows.push(['Qualifier', m.qualifier]);
  if (m.iso) rows.push(['Date', m.iso]);
  return (
    <div class={`card kind-${m.kind}`} role="tooltip" id="migralens-card" style={style} data-mention-id={m.id}>
      <div class="card-kind"><span class={`swatch kind-${m.kind}`} aria-hidden="true" />{KIND_LABELS[m.kind].one}</div>
      <div class="card-name">{m.canonical || m.text}</div>
      {m.canonical && m.canonical !== m.text && <div class="card-quote">“{m.text}”</div>}
      {rows.length > 0 && (
        <dl>
          {rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
        </dl>
      )}
      {m.wikidata && (
        <a class="card-link" href={`https://www.wikidata.org/wiki/${m.wikidata}`} target="_blank" rel="noopener noreferrer">
          Wikidata {m.wikidata}
        </a>
      )}
      {!m.attached && <div class="card-note">No longer found in the page.</div>}
    </div>
  );
}
