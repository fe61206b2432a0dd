import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredMention } from '@/lib/db/schema';
import { buildArticleText, rangeForSpan } from '@/lib/extract/article-text';
import { highlightCss } from '@/lib/highlight/highlight-styles';
import { clearHighlights, paintHighlights } from '@/lib/highlight/paint-highlights';
import { locateMentions } from '@/lib/reader/locate-mentions';
import { sanitizeArticleHtml } from '@/lib/sanitize-html';
import { MentionCard } from './MentionCard';

export type ArticleViewProps = {
  /** Stored (already sanitised) article HTML: sanitised once more here before it reaches the DOM. */
  html: string;
  mentions: StoredMention[];
  /** Called once the highlights are painted, with how many mentions could not be placed. */
  onPainted?: (placed: number, missing: number) => void;
};

type Placed = { mention: StoredMention; range: Range };

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as CaretDocument;
  if (d.caretPositionFromPoint) { const p = d.caretPositionFromPoint(x, y); return p ? { node: p.offsetNode, offset: p.offset } : null; }
  if (d.caretRangeFromPoint) { const r = d.caretRangeFromPoint(x, y); return r ? { node: r.startContainer, offset: r.startOffset } : null; }
  return null;
}

/**
 * The saved article with its mentions highlighted (CSS Custom Highlight API, the same
 * `migralens-<kind>` highlights as on the live page). Pointing at a highlight shows its card; the
 * mention list below gives the same cards to keyboard users.
 */
export function ArticleView({ html, mentions, onPainted }: ArticleViewProps) {
  const root = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => sanitizeArticleHtml(html, window), [html]);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [card, setCard] = useState<{ mention: StoredMention; x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const { text, segments } = buildArticleText([el]);
    const starts = locateMentions(text, mentions);
    const rebased = mentions.map((m, i) => ({ ...m, start: starts[i], end: starts[i] + (m.end - m.start) })).filter((m) => m.start >= 0);
    const { unanchored } = paintHighlights(document, segments, rebased);
    const missed = new Set(unanchored);
    const list: Placed[] = [];
    for (const m of rebased) {
      if (missed.has(m)) continue;
      const range = rangeForSpan(document, segments, m.start, m.end);
      if (range) list.push({ mention: mentions.find((x) => x.id === m.id)!, range });
    }
    setPlaced(list);
    onPainted?.(list.length, mentions.length - list.length);
    return () => clearHighlights(document);
  }, [clean, mentions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setCard(null); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onPointer = (e: MouseEvent) => {
    const caret = caretAt(e.clientX, e.clientY);
    let hit: Placed | null = null;
    if (caret && caret.node.nodeType === 3) {
      for (const p of placed) {
        if (p.range.isPointInRange(caret.node, caret.offset) && (!hit || p.range.toString().length < hit.range.toString().length)) hit = p;
      }
    }
    setCard(hit ? { mention: hit.mention, x: e.clientX, y: e.clientY } : null);
  };

  // One entry per distinct name, in order of first appearance.
  const distinct = useMemo(() => {
    const seen = new Map<string, Placed & { count: number }>();
    for (const p of [...placed].sort((a, b) => a.mention.start - b.mention.start)) {
      const key = `${p.mention.kind}:${p.mention.canonical}`;
      const entry = seen.get(key);
      if (entry) entry.count += 1; else seen.set(key, { ...p, count: 1 });
    }
    return [...seen.values()];
  }, [placed]);

  const showFor = (p: Placed, target: HTMLElement) => {
    const r = target.getBoundingClientRect();
    setCard({ mention: p.mention, x: r.left, y: r.bottom });
  };

  return (
    <>
      <style>{highlightCss()}</style>
      {/* `clean` is the output of sanitizeArticleHtml above, never the stored HTML itself. */}
      <div class="article-body" ref={root} onMouseMove={onPointer} onMouseLeave={() => setCard(null)} dangerouslySetInnerHTML={{ __html: clean }} />
      {card && <MentionCard mention={card.mention} x={card.x} y={card.y} id="mention-card" />}
      {distinct.length > 0 && (
        <section class="mention-list" aria-label="Detected in this clipping">
          <h2>Detected</h2>
          <ul>
            {distinct.map((p) => (
              <li key={`${p.mention.kind}:${p.mention.canonical}`}>
                <button type="button" class={`mention-chip ${p.mention.kind}`} aria-describedby={card?.mention === p.mention ? 'mention-card' : undefined}
                  onFocus={(e) => showFor(p, e.currentTarget)} onMouseEnter={(e) => showFor(p, e.currentTarget)} onBlur={() => setCard(null)}
                  onClick={() => (p.range.startContainer.parentElement)?.scrollIntoView({ block: 'center' })}>
                  {p.mention.canonical}{p.count > 1 ? ` ×${p.count}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
