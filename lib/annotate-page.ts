import { anchorFor, type TextAnchor } from './anchor/text-quote';
import { analyse, type Analysis } from './detect';
import type { DetectOptions, Lang, Mention } from './detect/types';
import { extractArticle, type ExtractedArticle, type ExtractOptions } from './extract/extract-article';
import { readPageMetadata } from './extract/page-metadata';
import { readParsedPage, type ReadAnswer } from './extract/serialized-page';

/** A mention with the anchor that lets it be found again in a changed page. */
export type AnchoredMention = Mention & { anchor: TextAnchor };

export type PageAnnotation = {
  article: ExtractedArticle;
  canonicalUrl: string | null;
  /** Language the detector used; null when only language-independent rules ran. */
  detectedLang: Lang | null;
  mentions: AnchoredMention[];
};

/** What detection is told about an article's text. */
export function detectOptionsFor(article: Pick<ExtractedArticle, 'lang' | 'published'>): DetectOptions {
  return { lang: article.lang ?? undefined, published: article.published ?? undefined };
}

/** Joins an extracted article with what the detector found in its text. */
export function joinAnalysis(doc: Document, article: ExtractedArticle, { lang, mentions }: Analysis): PageAnnotation {
  return {
    article,
    // Read with the article when it came from `doc`; read again for an article taken elsewhere.
    canonicalUrl: article.canonicalUrl !== undefined ? article.canonicalUrl : readPageMetadata(doc).canonicalUrl,
    detectedLang: lang,
    mentions: mentions.map((m) => ({ ...m, anchor: anchorFor(article.text, m.start, m.end) })),
  };
}

/**
 * The whole pipeline over one document: Readability, then detection on the article text.
 * Returns null when the page has no article (unless `force`).
 */
export function annotatePage(doc: Document, url: string, options: ExtractOptions = {}): PageAnnotation | null {
  const article = extractArticle(doc, url, options);
  if (!article) return null;
  return joinAnalysis(doc, article, analyse(article.text, detectOptionsFor(article)));
}

/**
 * Longest text sent to detection. A 5 MB page reads as a few million characters; beyond this the
 * panel says that only the beginning was annotated, and the page stays responsive.
 */
export const MAX_DETECTED_CHARS = 250_000;

/**
 * What the background answers a page that sent its HTML: the article read from `doc` (the
 * background's parse of that HTML) and the mentions detected in its first MAX_DETECTED_CHARS.
 */
export function readAndAnalyse(doc: Document, url: string, options: ExtractOptions = {}): ReadAnswer {
  const read = readParsedPage(doc, url, options);
  const article = read.article;
  return { read, analysis: article ? analyse(article.text.slice(0, MAX_DETECTED_CHARS), detectOptionsFor(article)) : null };
}
