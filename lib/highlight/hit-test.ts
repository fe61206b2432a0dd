/**
 * Highlights are not elements, so the page gives no event for "pointer over a mention". The
 * mention under a point is found from the caret position there, checked against the mentions'
 * ranges and their boxes (the caret snaps to the nearest text even in a margin).
 */

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under the viewport point (x, y), or null. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function boxContains(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * Index in `ranges` of the range under (x, y), preferring the shortest when mentions nest
 * (an institution inside a role); -1 when none.
 */
export function rangeAtPoint(doc: Document, ranges: readonly (Range | null)[], x: number, y: number): number {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return -1;
  let best = -1;
  let bestLength = Infinity;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (!r) continue;
    let inside = false;
    try {
      inside = r.comparePoint(caret.node, caret.offset) === 0;
    } catch {
      continue; // a range whose nodes left the document
    }
    if (!inside) continue;
    const length = r.toString().length;
    if (length < bestLength && boxContains(r, x, y)) { best = i; bestLength = length; }
  }
  return best;
}
