import { detectOptionsFor, joinAnalysis, type PageAnnotation } from './annotate-page';
import type { ClippingInput } from './db/clippings';
import type { Analysis } from './detect';
import { MENTION_KINDS, type DetectOptions, type MentionKind } from './detect/types';
import { extractArticle } from './extract/extract-article';
import { clearHighlights, paintHighlights } from './highlight/paint-highlights';
import type { PageSummary } from './messages';
import { fail, ok, type Result } from './result';
import { urlKey } from './url-key';

export type PageAnnotatorOptions = {
  /** Sanitiser for the article HTML (DOMPurify bound to the page's window in the content script). */
  sanitize: (html: string) => string;
  /**
   * Runs detection on the article text. In the extension this is a message to the background,
   * so that the detector and its data are not injected into every page.
   */
  analyse: (text: string, options: DetectOptions) => Promise<Analysis>;
};

/**
 * The annotator living in one page: reads the article, highlights it, and hands out the clipping
 * on request. Pure DOM; the content script wires it to messages.
 */
export class PageAnnotator {
  private annotation: PageAnnotation | null = null;
  private wholePage = false;
  private unanchored = 0;

  constructor(private readonly doc: Document, private readonly options: PageAnnotatorOptions) {}

  /** Annotates the page (again) and says what was found. Never throws: failures come back as a summary. */
  async annotate(force = false): Promise<PageSummary> {
    const url = this.doc.location?.href ?? '';
    try {
      clearHighlights(this.doc);
      this.annotation = null;
      const article = extractArticle(this.doc, url, { force });
      this.wholePage = force && article !== null;
      if (!article) return { state: 'no-article', url, title: this.doc.title };
      this.annotation = joinAnalysis(this.doc, article, await this.options.analyse(article.text, detectOptionsFor(article)));
      const { mentions, detectedLang } = this.annotation;
      const { unanchored } = paintHighlights(this.doc, article.segments, mentions);
      this.unanchored = unanchored.length;
      const counts = Object.fromEntries(MENTION_KINDS.map((k) => [k, 0])) as Record<MentionKind, number>;
      for (const m of mentions) counts[m.kind] += 1;
      return {
        state: 'annotated', url, title: article.title, detectedLang, counts, total: mentions.length,
        unanchored: this.unanchored, wholePage: this.wholePage,
      };
    } catch (error) {
      this.annotation = null;
      return { state: 'failed', url, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The clipping to save for the page as annotated; annotates first when needed. */
  async clipping(force = false): Promise<Result<ClippingInput>> {
    if (!this.annotation || (force && !this.wholePage)) {
      const summary = await this.annotate(force);
      if (summary.state === 'failed') return fail('content-script-failed', summary.message);
    }
    const a = this.annotation;
    if (!a) return fail('no-article', 'No article found on this page. Use “Save whole page” to keep it anyway.');
    const { article } = a;
    return ok({
      urlKey: urlKey(article.url, a.canonicalUrl),
      url: article.url,
      canonicalUrl: a.canonicalUrl,
      title: article.title || this.doc.title || article.url,
      byline: article.byline,
      siteName: article.siteName,
      lang: article.lang ?? a.detectedLang,
      published: article.published,
      excerpt: article.excerpt,
      text: article.text,
      html: this.options.sanitize(article.html),
      mentions: a.mentions,
    });
  }
}
