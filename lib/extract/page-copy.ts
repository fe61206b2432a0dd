/**
 * Readability rewrites the document it reads, so it reads a copy. The copy's text nodes are
 * paired with the page's, so that the text it keeps can be traced back to the live page; the
 * same walk counts the body's characters, which the size limit and the furniture cleaner need,
 * so that the body's text (inline scripts and styles included, megabytes on some pages) is never
 * built as one string only to read its length.
 */
export type PageCopy = {
  doc: Document;
  /** The page's text node each text node of `doc` was copied from. */
  toLive: Map<Node, Text>;
  /** `doc.body.textContent.length`, without building that string. */
  bodyChars: number;
};

// Text and CDATA nodes: what textContent counts. CDATA nodes are never read as article text, so
// pairing them too is harmless.
const SHOW_TEXT_AND_CDATA = 4 | 8;

export function copyPage(live: Document): PageCopy {
  const doc = live.cloneNode(true) as Document;
  const toLive = new Map<Node, Text>();
  const a = doc.createTreeWalker(doc, SHOW_TEXT_AND_CDATA);
  const b = live.createTreeWalker(live, SHOW_TEXT_AND_CDATA);
  let chars = 0;
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
    toLive.set(x, y as Text);
    chars += (x as Text).length;
  }
  const body = doc.body;
  return { doc, toLive, bodyChars: body ? chars - charsBesideBody(doc, body) : 0 };
}

/** Characters of text in the document outside its body: the head, and whitespace between the two. */
function charsBesideBody(doc: Document, body: HTMLElement): number {
  let n = 0;
  // The body is always a child of the root element; nothing outside the root holds text.
  for (let child = doc.documentElement?.firstChild; child; child = child.nextSibling) {
    if (child === body) continue;
    if (child.nodeType === 3 || child.nodeType === 4) { n += (child as Text).length; continue; }
    if (child.nodeType !== 1) continue;
    const w = doc.createTreeWalker(child, SHOW_TEXT_AND_CDATA);
    for (let t = w.nextNode(); t; t = w.nextNode()) n += (t as Text).length;
  }
  return n;
}

/** The node of `copy` at the place `node` holds in `live`, read before either changes. */
export function counterpart<T extends Node>(node: T, live: Document, copy: Document): T | null {
  const root = live.documentElement;
  const path: number[] = [];
  let n: Node | null = node;
  for (; n && n !== root; n = n.parentNode) {
    let i = 0;
    for (let s: Node | null | undefined = n.parentNode?.firstChild; s && s !== n; s = s.nextSibling) i++;
    path.push(i);
  }
  if (!root || n !== root) return null;
  let c: Node | null = copy.documentElement;
  for (let k = path.length - 1; k >= 0 && c; k--) c = c.childNodes[path[k]] ?? null;
  return c as T | null;
}
