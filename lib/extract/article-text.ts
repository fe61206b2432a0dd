/**
 * Builds the plain text that detection reads from a list of DOM subtrees, and keeps, for every
 * character, the text node and offset it came from, so that a mention found in the text can be
 * turned back into a DOM Range on the page it was read from.
 */

/** A run of the article text that comes from one DOM text node. */
export type TextSegment = {
  node: Text;
  /** Offset of the run in the article text. */
  start: number;
  end: number;
  /** Offset in `node.data` of each character of the run, when whitespace was collapsed; null when the run is the node's data verbatim from `rawStart`. */
  rawOffsets: number[] | null;
  rawStart: number;
};

export type ArticleText = {
  text: string;
  segments: TextSegment[];
  /** Spans of `text` that are image captions (figcaption), which some measures leave out of the body. */
  captions: { start: number; end: number }[];
};

// Elements that start a new line of reading; text in them never runs into the text around them.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION', 'SUMMARY', 'DETAILS',
]);
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
// Whitespace that reads differently once collapsed: anything but a lone space.
const COLLAPSIBLE = /[\n\t\r\f]| {2}/;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Collects text from each root in order; roots are separated like blocks. `resolveNode` lets a
 * caller that read a copy of the page record the page's own text nodes in the segments.
 */
export function buildArticleText(roots: readonly Node[], resolveNode: (node: Text) => Text = (n) => n): ArticleText {
  const out: string[] = [];
  let length = 0;
  const segments: TextSegment[] = [];
  // 'block' = a line break is pending, 'space' = a space is pending, 'none' = nothing pending.
  let pending: 'none' | 'space' | 'block' = 'none';

  const emitBreak = () => {
    if (length > 0 && pending !== 'none') {
      const sep = pending === 'block' ? '\n\n' : ' ';
      out.push(sep);
      length += sep.length;
    }
    pending = 'none';
  };

  const visitText = (node: Text) => {
    const data = node.data;
    const n = data.length;
    let first = 0;
    while (first < n && isSpace(data.charCodeAt(first))) first++;
    if (first === n) {
      if (n > 0 && pending === 'none') pending = 'space';
      return;
    }
    let last = n - 1;
    while (isSpace(data.charCodeAt(last))) last--;
    const core = first === 0 && last === n - 1 ? data : data.slice(first, last + 1);
    // Most text nodes hold their words separated by single spaces: they are kept as they are,
    // without the character-by-character pass (and its offsets) that collapsing needs.
    if (!COLLAPSIBLE.test(core)) {
      if (first > 0 && pending === 'none') pending = 'space';
      emitBreak();
      segments.push({ node: resolveNode(node), start: length, end: length + core.length, rawOffsets: null, rawStart: first });
      out.push(core);
      length += core.length;
      if (last < n - 1) pending = 'space';
      return;
    }
    let run = '';
    const offsets: number[] = [];
    let firstRaw = -1;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f') {
        if (pending === 'none') pending = 'space';
        continue;
      }
      if (run.length === 0) {
        emitBreak();
        firstRaw = i;
      } else if (pending !== 'none') {
        // a run of whitespace inside one node reads as one space, mapped to the last whitespace char
        pending = 'none';
        run += ' ';
        offsets.push(i - 1);
      }
      run += ch;
      offsets.push(i);
    }
    if (run.length === 0) return;
    const verbatim = run === data.slice(firstRaw, firstRaw + run.length);
    segments.push({ node: resolveNode(node), start: length, end: length + run.length, rawOffsets: verbatim ? null : offsets, rawStart: firstRaw });
    out.push(run);
    length += run.length;
  };

  const captions: { start: number; end: number }[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) { visitText(node as Text); return; }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag) || (node.nodeType === 1 && (node as Element).hasAttribute('hidden'))) return;
    const block = BLOCK.has(tag);
    if (block) pending = 'block';
    const captionStart = tag === 'FIGCAPTION' ? length : -1;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    // The range may begin with the separator written before the caption's first character.
    if (captionStart >= 0 && length > captionStart) captions.push({ start: captionStart, end: length });
    if (block) pending = 'block';
  };

  for (const root of roots) {
    pending = 'block';
    visit(root);
  }
  return { text: out.join(''), segments, captions };
}

function rawOffset(seg: TextSegment, textOffset: number): number {
  const i = textOffset - seg.start;
  return seg.rawOffsets ? seg.rawOffsets[i] : seg.rawStart + i;
}

/** Index of the segment holding the character at `offset`, or of the first segment after it. */
function segmentAt(segments: readonly TextSegment[], offset: number): number {
  let lo = 0, hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * The DOM Range covering text[start, end), or null when the span does not lie on text nodes
 * (a separator alone) or the nodes have since left the document.
 */
export function rangeForSpan(doc: Document, segments: readonly TextSegment[], start: number, end: number): Range | null {
  if (!segments.length || end <= start) return null;
  const a = segmentAt(segments, start);
  let b = segmentAt(segments, end - 1);
  // A span ending on a separator ends in the segment before it, not in the next one.
  if (segments[b] && segments[b].start > end - 1) b -= 1;
  if (b < a) return null;
  const first = segments[a], last = segments[b];
  if (!first || !last || first.start > start && first.start >= end) return null;
  const startOffset = rawOffset(first, Math.max(start, first.start));
  const endOffset = rawOffset(last, Math.min(end, last.end) - 1) + 1;
  if (!first.node.isConnected || !last.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(first.node, startOffset);
  range.setEnd(last.node, endOffset);
  return range;
}

/** `first` then `second` as one article text, as one pass over both node lists would build it. */
export function joinArticleTexts(first: ArticleText, second: ArticleText): ArticleText {
  if (!first.text) return second;
  if (!second.text) return first;
  const shift = first.text.length + 2;
  const moved = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + shift, end: x.end + shift });
  return {
    text: `${first.text}\n\n${second.text}`,
    segments: [...first.segments, ...second.segments.map(moved)],
    captions: [...first.captions, ...second.captions.map(moved)],
  };
}
