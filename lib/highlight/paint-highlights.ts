import type { TextSegment } from '../extract/article-text';
import { rangeForSpan } from '../extract/article-text';
import { MENTION_KINDS, type Mention, type MentionKind } from '../detect/types';

export const HIGHLIGHT_PREFIX = 'migralens-';

/** Name under which a kind's highlight is registered in `CSS.highlights`. */
export const highlightName = (kind: MentionKind) => `${HIGHLIGHT_PREFIX}${kind}`;

export type PaintResult = { painted: number; unanchored: Mention[] };

type HighlightWindow = { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };

/**
 * Registers one CSS Custom Highlight per kind over the mentions' ranges. The page's DOM is not
 * touched: highlights are ranges the browser paints. Returns the mentions that no longer map to
 * the page (their text nodes were replaced), so that the caller can say so.
 */
export function paintHighlights(doc: Document, segments: readonly TextSegment[], mentions: readonly Mention[]): PaintResult {
  const win = doc.defaultView as (Window & HighlightWindow) | null;
  const registry = win?.CSS?.highlights;
  const HighlightCtor = win?.Highlight;
  if (!registry || !HighlightCtor) throw new Error('This browser does not support the CSS Custom Highlight API.');
  const byKind = new Map<MentionKind, Range[]>(MENTION_KINDS.map((k) => [k, []]));
  const unanchored: Mention[] = [];
  for (const m of mentions) {
    const range = rangeForSpan(doc, segments, m.start, m.end);
    if (!range || range.toString().replace(/\s+/g, ' ') !== m.text.replace(/\s+/g, ' ')) {
      unanchored.push(m);
      continue;
    }
    byKind.get(m.kind)!.push(range);
  }
  let painted = 0;
  for (const [kind, ranges] of byKind) {
    const highlight = new HighlightCtor(...ranges);
    // Nested mentions (an institution inside a role) must show the inner colour.
    highlight.priority = kind === 'institution' ? 2 : kind === 'role' ? 0 : 1;
    registry.set(highlightName(kind), highlight);
    painted += ranges.length;
  }
  return { painted, unanchored };
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView as (Window & HighlightWindow) | null)?.CSS?.highlights;
  if (!registry) return;
  for (const kind of MENTION_KINDS) registry.delete(highlightName(kind));
}
