/**
 * Where the CSS Custom Highlight API is missing (Firefox before 140), mentions are wrapped in
 * `<mark data-migralens="KIND">` elements instead. This is the one case where MigraLens changes
 * the page's DOM, and `unwrapMarks` puts the text nodes back as they were.
 */
import type { MentionKind } from '../detect/types';
import type { PaintTarget } from './paint-highlights';

export const MARK_ATTRIBUTE = 'data-migralens';

/**
 * Wraps each target's text in marks (one per text node the range crosses). The pieces are all
 * read before the first split, and wrapped from the last to the first, so that splitting a text
 * node never moves a piece still to be wrapped (the first part of a split keeps its node).
 * Each target's range is then moved to span its marks.
 */
export function wrapInMarks(doc: Document, targets: readonly PaintTarget[], hidden: ReadonlySet<MentionKind> = new Set()): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const visible = targets.filter((t) => !hidden.has(t.kind));
  const pieces = visible.map((t) => textPieces(t.range));
  for (let i = visible.length - 1; i >= 0; i--) {
    const { kind, range } = visible[i];
    const own: HTMLElement[] = [];
    for (const [node, start, end] of [...pieces[i]].reverse()) {
      if (start >= end || !node.parentNode) continue;
      let piece = node;
      if (start > 0) piece = piece.splitText(start);
      if (end - start < piece.data.length) piece.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, kind);
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      own.unshift(mark);
    }
    if (own.length) {
      range.setStartBefore(own[0]);
      range.setEndAfter(own[own.length - 1]);
      marks.push(...own);
    }
  }
  return marks;
}

/** The text nodes a range crosses, with the offsets it covers in each. */
function textPieces(range: Range): [Text, number, number][] {
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) return [[startContainer as Text, startOffset, endOffset]];
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  const out: [Text, number, number][] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n)) continue;
    const start = n === startContainer ? startOffset : 0;
    const end = n === endContainer ? endOffset : n.data.length;
    out.push([n, start, end]);
  }
  return out;
}

/** Removes the marks and joins the text nodes they split. */
export function unwrapMarks(marks: readonly HTMLElement[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}
