import type { TextSegment } from '../extract/article-text';
import { rangeForSpan } from '../extract/article-text';
import { MENTION_KINDS, type Mention, type MentionKind } from '../detect/types';

export const HIGHLIGHT_PREFIX = 'migralens-';

/** Name under which a kind's highlight is registered in `CSS.highlights`. */
export const highlightName = (kind: MentionKind) => `${HIGHLIGHT_PREFIX}${kind}`;

export type PaintResult = { painted: number; unanchored: Mention[] };

/** One range to paint, with its kind. */
export type PaintTarget = { kind: MentionKind; range: Range };

type HighlightWindow = { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };

// Nested mentions (an institution inside a role) must show the inner colour.
const PRIORITY: Record<MentionKind, number> = { institution: 2, role: 0, person: 1, figure: 1, date: 1 };

/** True when the document's window implements the CSS Custom Highlight API. */
export function supportsHighlights(doc: Document): boolean {
  const win = doc.defaultView as (Window & HighlightWindow) | null;
  return !!win?.CSS?.highlights && !!win.Highlight;
}

/**
 * The live range of `mention` in the page, or null when its text nodes left the page or no longer
 * hold the mention's text (the page changed since it was read).
 */
export function rangeForMention(doc: Document, segments: readonly TextSegment[], mention: Pick<Mention, 'start' | 'end' | 'text'>): Range | null {
  const range = rangeForSpan(doc, segments, mention.start, mention.end);
  if (!range) return null;
  const found = range.toString();
  // Most mentions read exactly as on the page; only the others need their whitespace compared.
  return found === mention.text || found.replace(/\s+/g, ' ') === mention.text.replace(/\s+/g, ' ') ? range : null;
}

/**
 * Registers one CSS Custom Highlight per kind over the given ranges; kinds in `hidden` are
 * registered empty. The page's DOM is not touched: highlights are ranges the browser paints.
 */
export function paintRanges(doc: Document, targets: readonly PaintTarget[], hidden: ReadonlySet<MentionKind> = new Set()): number {
  const win = doc.defaultView as (Window & HighlightWindow) | null;
  const registry = win?.CSS?.highlights;
  const HighlightCtor = win?.Highlight;
  if (!registry || !HighlightCtor) throw new Error('This browser does not support the CSS Custom Highlight API.');
  const byKind = {} as Record<MentionKind, Highlight>;
  for (const kind of MENTION_KINDS) {
    byKind[kind] = new HighlightCtor();
    byKind[kind].priority = PRIORITY[kind];
  }
  let painted = 0;
  for (const t of targets) {
    if (hidden.has(t.kind)) continue;
    byKind[t.kind].add(t.range);
    painted++;
  }
  for (const kind of MENTION_KINDS) registry.set(highlightName(kind), byKind[kind]);
  return painted;
}

/**
 * Paints the mentions of an article read from `doc`. Returns the mentions that no longer map to
 * the page (their text nodes were replaced), so that the caller can say so.
 */
export function paintHighlights(doc: Document, segments: readonly TextSegment[], mentions: readonly Mention[]): PaintResult {
  const targets: PaintTarget[] = [];
  const unanchored: Mention[] = [];
  for (const m of mentions) {
    const range = rangeForMention(doc, segments, m);
    if (range) targets.push({ kind: m.kind, range }); else unanchored.push(m);
  }
  return { painted: paintRanges(doc, targets), unanchored };
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView as (Window & HighlightWindow) | null)?.CSS?.highlights;
  if (!registry) return;
  for (const kind of MENTION_KINDS) registry.delete(highlightName(kind));
}
