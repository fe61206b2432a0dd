/**
 * Readability on a 5 MB page takes many seconds of the page's main thread. Past a size limit,
 * the article is read from a copy of the page cut after its first `limit` characters of text,
 * and the copy's text nodes are mapped back to the page's, so that highlights still land in the
 * live page. The cut is reported so that the panel can say so.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { extractArticle, readArticle, type ExtractedArticle, type ExtractOptions } from './extract/extract-article';
import { copyPage, type PageCopy } from './extract/page-copy';

export type BoundedArticle = { article: ExtractedArticle | null; cut: boolean };

/** Characters of page text beyond which only the beginning of the page is read. */
export const MAX_PAGE_CHARS = 250_000;

export function extractBounded(doc: Document, url: string, options: ExtractOptions = {}, limit = MAX_PAGE_CHARS): BoundedArticle {
  const body = doc.body;
  if (!body) return { article: null, cut: false };
  // Cutting text off never makes a page read more like an article, so a page that fails the
  // check whole would fail it cut too.
  const readerable = options.skipReaderableCheck || isProbablyReaderable(doc);
  if (!readerable && !options.force) return { article: null, cut: (body.textContent ?? '').length > limit };
  // The copy Readability reads is made, and its text counted, before the size is known: most
  // pages are under the limit, and are then read from that same copy.
  const copy = readerable ? copyPage(doc) : null;
  const size = copy ? copy.bodyChars : (body.textContent ?? '').length;
  if (size <= limit) return { article: readArticle(doc, url, copy, options.force), cut: false };
  return { article: extractCut(copy ?? copyPage(doc), url, options, limit), cut: true };
}

/** The article of the copy of the page cut after `limit` characters, mapped back to the page. */
function extractCut(copy: PageCopy, url: string, options: ExtractOptions, limit: number): ExtractedArticle | null {
  const walker = copy.doc.createTreeWalker(copy.doc, 4 /* SHOW_TEXT */);
  const beyond: Node[] = [];
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (seen > limit) beyond.push(n);
    else seen += (n as Text).data.length;
  }
  for (const n of beyond) n.parentNode?.removeChild(n);
  const article = extractArticle(copy.doc, url, options);
  if (!article) return null;
  const segments = article.segments.flatMap((s) => {
    const node = copy.toLive.get(s.node);
    return node ? [{ ...s, node }] : [];
  });
  return { ...article, segments };
}
