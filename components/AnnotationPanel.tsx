import { MENTION_KINDS, type MentionKind } from '@/lib/detect/types';
import { KIND_LABELS, groupEntities, type PanelMention } from './panel-model';

export type PanelStatus = 'reading' | 'annotated' | 'no-article' | 'failed';

export type AnnotationPanelProps = {
  status: PanelStatus;
  /** Why annotating failed, worded for the reader (status `failed`). */
  failure?: string;
  mentions: PanelMention[];
  hidden: ReadonlySet<MentionKind>;
  open: boolean;
  wholePage: boolean;
  /** The library already holds this page. */
  saved: boolean;
  saving: boolean;
  /** Outcome of the last save, worded for the reader. */
  saveMessage: string | null;
  /** What happened on this page that the reader should know (re-renders, a cut, a removed panel). */
  notices: string[];
  onToggleOpen: () => void;
  onToggleKind: (kind: MentionKind) => void;
  /** A mention's button got focus (`advance` false) or was clicked (`advance` true: go to the next occurrence). */
  onShowEntity: (mentionIds: number[], advance: boolean) => void;
  onShowMention: (id: number) => void;
  onHideCard: () => void;
  onSave: () => void;
  onAnnotateAnyway: () => void;
};

/** The collapsible summary panel in the page: counts, entities, toggles, save. */
export function AnnotationPanel(p: AnnotationPanelProps) {
  const attached = p.mentions.filter((m) => m.attached);
  const detached = p.mentions.filter((m) => !m.attached);
  const total = p.mentions.length;
  if (!p.open) {
    return (
      <button type="button" class="pill" aria-expanded="false" aria-controls="migralens-panel" onClick={p.onToggleOpen}>
        MigraLens{p.status === 'annotated' ? ` · ${total}` : ''}
      </button>
    );
  }
  const counts = Object.fromEntries(MENTION_KINDS.map((k) => [k, attached.filter((m) => m.kind === k).length])) as Record<MentionKind, number>;
  const entities = groupEntities(p.mentions);
  return (
    <section class="panel" id="migralens-panel" aria-label="MigraLens">
      <header>
        <h2>MigraLens</h2>
        <button type="button" class="icon" aria-expanded="true" aria-label="Collapse the MigraLens panel" onClick={p.onToggleOpen}>–</button>
      </header>
      {p.notices.map((n) => <p class="notice" role="status" key={n}>{n}</p>)}
      {p.status === 'reading' && <p role="status">Reading the page…</p>}
      {p.status === 'failed' && <p class="error" role="alert">The page could not be annotated: {p.failure}</p>}
      {p.status === 'no-article' && (
        <div role="status">
          <p>No article found on this page.</p>
          <button type="button" onClick={p.onAnnotateAnyway}>Annotate the whole page anyway</button>
        </div>
      )}
      {p.status === 'annotated' && (
        <>
          <p class="total" role="status" aria-label="Mentions found">
            {total} mentions{p.wholePage ? ' in the whole page' : ''}{p.saved ? ' · saved in your library' : ''}
          </p>
          <ul class="kinds" aria-label="Kinds">
            {MENTION_KINDS.map((k) => (
              <li key={k}>
                <label>
                  <input type="checkbox" checked={!p.hidden.has(k)} onChange={() => p.onToggleKind(k)} />
                  <span class={`swatch kind-${k}`} aria-hidden="true" />
                  {KIND_LABELS[k].many} <span class="count" data-kind={k}>{counts[k]}</span>
                </label>
              </li>
            ))}
          </ul>
          {MENTION_KINDS.filter((k) => !p.hidden.has(k)).map((k) => {
            const list = entities.filter((e) => e.kind === k);
            if (!list.length) return null;
            return (
              <div class="entities" key={k}>
                <h3>{KIND_LABELS[k].many}</h3>
                <ul aria-label={KIND_LABELS[k].many}>
                  {list.map((e) => (
                    <li key={e.key}>
                      <button type="button" class={`entity kind-${k}`} aria-describedby="migralens-card"
                        onFocus={() => p.onShowEntity(e.mentionIds, false)} onClick={() => p.onShowEntity(e.mentionIds, true)}
                        onBlur={p.onHideCard}>
                        <span class="label">{e.label}</span> <span class="count">{e.mentionIds.length}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {detached.length > 0 && (
            <div class="entities detached">
              <h3>Not found in the page any more ({detached.length})</h3>
              <ul aria-label="Mentions not found in the page">
                {detached.map((m) => (
                  <li key={m.id}>
                    <button type="button" class={`entity kind-${m.kind}`} onFocus={() => p.onShowMention(m.id)} onBlur={p.onHideCard}>
                      <span class="label">{m.text}</span> <span class="count">{KIND_LABELS[m.kind].one}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="actions">
            <button type="button" class="primary" onClick={p.onSave} disabled={p.saving}>Save clipping</button>
            {p.saveMessage && <span role="status">{p.saveMessage}</span>}
          </div>
        </>
      )}
    </section>
  );
}
