import type { AnchoredMention } from '../annotate-page';
import { anchorFor } from '../anchor/text-quote';
import type { ClippingInput } from './clippings';

/** Short stable hash (FNV-1a, hex) of a passage, so that saving the same passage twice updates it. */
export function passageHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** `text` with whitespace runs collapsed to one space, and for each kept character its offset in `text`. */
function collapse(text: string): { flat: string; map: number[] } {
  let flat = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) { space = flat.length > 0; continue; }
    if (space) { flat += ' '; map.push(i - 1); space = false; }
    flat += text[i];
    map.push(i);
  }
  return { flat, map };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The clipping for a passage the reader selected in a page: the selection's text with the page's
 * mentions that fall inside it (offsets and anchors rebased onto the passage), linked to the page
 * by URL and `pageKey`. The selection is found in the article text ignoring whitespace differences;
 * when it lies outside the article (a caption, a sidebar) it is saved as text without mentions.
 */
export function selectionClipping(page: ClippingInput, selectionText: string): ClippingInput | null {
  const wanted = collapse(selectionText).flat;
  if (!wanted) return null;
  const { flat, map } = collapse(page.text);
  const at = flat.indexOf(wanted);
  let text = wanted;
  let mentions: AnchoredMention[] = [];
  if (at >= 0) {
    const start = map[at];
    const end = map[at + wanted.length - 1] + 1;
    text = page.text.slice(start, end);
    mentions = page.mentions
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => ({ ...m, start: m.start - start, end: m.end - start, anchor: anchorFor(text, m.start - start, m.end - start) }));
  }
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const short = wanted.length > 80 ? `${wanted.slice(0, 80).trimEnd()}…` : wanted;
  return {
    ...page,
    source: 'selection',
    urlKey: `${page.urlKey}#selection:${passageHash(wanted)}`,
    title: `${page.title} — “${short}”`,
    excerpt: short,
    text,
    html: paragraphs,
    mentions,
  };
}
