/**
 * Readability on a 5 MB page takes many seconds of the page's main thread. Past a size limit,
 * the article is read from a copy of the page cut after its first `limit` characters of text,
 * and the copy's text nodes are mapped back to the page's, so that highlights still land in the
 * live page. The cut is reported so that the panel can say so.
 */
import { extractArticle, type ExtractedArticle, type ExtractOptions } from './extract/extract-article';

export type BoundedArticle = { article: ExtractedArticle | null; cut: boolean };

/** Characters of page text beyond which only the beginning of the page is read. */
export const MAX_PAGE_CHARS = 250_000;

export function extractBounded(doc: Document, url: string, options: ExtractOptions = {}, limit = MAX_PAGE_CHARS): BoundedArticle {
  const size = doc.body?.textContent?.length ?? 0;
  if (size <= limit) return { article: extractArticle(doc, url, options), cut: false };

  const copy = doc.cloneNode(true) as Document;
  const copyWalker = copy.createTreeWalker(copy, 4 /* SHOW_TEXT */);
  const liveWalker = doc.createTreeWalker(doc, 4);
  const toLive = new Map<Node, Text>();
  const beyond: Node[] = [];
  let seen = 0;
  for (let c = copyWalker.nextNode(), l = liveWalker.nextNode(); c && l; c = copyWalker.nextNode(), l = liveWalker.nextNode()) {
    if (seen > limit) { beyond.push(c); continue; }
    toLive.set(c, l as Text);
    seen += (c as Text).data.length;
  }
  for (const n of beyond) n.parentNode?.removeChild(n);
  const article = extractArticle(copy, url, options);
  if (!article) return { article: null, cut: true };
  const segments = article.segments.flatMap((s) => {
    const node = toLive.get(s.node);
    return node ? [{ ...s, node }] : [];
  });
  return { article: { ...article, segments }, cut: true };
}
