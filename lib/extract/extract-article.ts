import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { buildArticleText, joinArticleTexts, type TextSegment } from './article-text';
import { removeFurniture } from './clean-furniture';
import { filterByReference } from './filter-by-reference';
import { pruneContent } from './prune-content';
import { bestHeading, findStandfirst, listHeadings } from './headline';
import { copyPage, counterpart, type PageCopy } from './page-copy';
import { readPageMetadata } from './page-metadata';

/** What MigraLens keeps of a page: Readability's article plus the text detection reads. */
export type ExtractedArticle = {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The page's declared language (`<html lang>` or metadata), as written; null when absent. */
  lang: string | null;
  /** Publication date as ISO 8601 when the page states one. */
  published: string | null;
  excerpt: string | null;
  /** Headline, standfirst and article body as plain text, blocks separated by blank lines. */
  text: string;
  /** Readability's article HTML, unsanitised: sanitise before storing or showing it. */
  html: string;
  /** Where the article body (Readability's content) begins in `text`, after the headline and standfirst. */
  bodyStart: number;
  /** Image captions in `text`: part of what is annotated, but not of the body as the extraction benchmark counts it. */
  captions: { start: number; end: number }[];
  /** Maps `text` back to the text nodes of the document passed in (not Readability's copy). */
  segments: TextSegment[];
  /** The page's canonical address (`<link rel="canonical">`, `og:url`), read with the rest of its metadata. */
  canonicalUrl: string | null;
};

export type ExtractOptions = {
  /** The user asked to annotate the page even though it holds no article: read the whole body. */
  force?: boolean;
  /** Run Readability even where its readerability check says no (benchmarks over article pages). */
  skipReaderableCheck?: boolean;
};

/**
 * Extracts the article of `doc` without touching it: Readability runs on a clone, and the clone's
 * text nodes are mapped back to `doc`'s so that offsets in `text` point into the live page.
 * Returns null when the page holds no article (a home page, a search page, an empty page).
 */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractedArticle | null {
  if (!doc.body) return null;
  const readerable = options.skipReaderableCheck || isProbablyReaderable(doc);
  if (!readerable && !options.force) return null;
  return readArticle(doc, url, readerable ? copyPage(doc) : null, options.force);
}

/**
 * The article of `doc`, read by Readability from `copy`; with no copy (a page that holds no
 * article, read anyway because the user asked) the whole body is the article when `force`.
 */
export function readArticle(doc: Document, url: string, copy: PageCopy | null, force = false): ExtractedArticle | null {
  const body = doc.body;
  if (!body) return null;
  const meta = readPageMetadata(doc);
  // The copy is still the page's twin here, so headings are read once, in the page, for both.
  const headings = listHeadings(doc);
  let parsed: ReturnType<Readability['parse']> = null;
  if (copy) {
    const headline = bestHeading(headings, meta.title || doc.title || '');
    removeFurniture(copy.doc, headline && counterpart(headline, doc, copy.doc), copy.bodyChars);
    // Readability hands back its own content element instead of an HTML string, so that the text
    // nodes it kept can be traced back to the page.
    parsed = new Readability(copy.doc, { serializer: (el: Node) => el as unknown as string }).parse();
  }
  const content = parsed?.content as unknown as Element | null | undefined;
  if (content) pruneContent(content);
  if (content && meta.articleBody) filterByReference(content, meta.articleBody);

  let roots: Node[];
  let html: string | undefined;
  if (content && (content.textContent ?? '').trim().length > 0) {
    roots = [content];
  } else if (force) {
    roots = [body];
    // The live body changes after reading: its HTML is taken now.
    html = body.innerHTML;
  } else {
    return null;
  }

  const title = (parsed?.title || meta.title || doc.title || '').trim();
  const toLive = copy?.toLive;
  const bodyText = buildArticleText(roots, toLive ? (t) => toLive.get(t) ?? t : undefined);
  const head: Node[] = [];
  const headline = bestHeading(headings, title);
  if (headline && !startsWithText(bodyText.text, headline.textContent ?? '')) head.push(headline);
  const standfirst = headline ? findStandfirst(headline) : null;
  if (standfirst && !bodyText.text.includes(normaliseSpace(standfirst.textContent ?? ''))) head.push(standfirst);

  // The body is read once; the headline and standfirst, when Readability left them out, go before it.
  const { text, segments, captions } = joinArticleTexts(buildArticleText(head), bodyText);
  const bodyStart = text.length - bodyText.text.length;
  return {
    url,
    title,
    byline: parsed?.byline?.trim() || meta.author || null,
    siteName: parsed?.siteName?.trim() || meta.siteName || null,
    lang: doc.documentElement?.getAttribute('lang')?.trim() || parsed?.lang || meta.lang || null,
    published: normaliseDate(parsed?.publishedTime ?? null) ?? meta.published,
    excerpt: parsed?.excerpt?.trim() || meta.description || null,
    text,
    bodyStart,
    captions,
    // Readability's content is a detached copy that nothing changes after this: it is serialised
    // only when the HTML is asked for (saving a clipping), not on every page read.
    get html() { return (html ??= (roots[0] as Element).innerHTML); },
    segments,
    canonicalUrl: meta.canonicalUrl,
  };
}

function normaliseSpace(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function startsWithText(text: string, candidate: string): boolean {
  const c = normaliseSpace(candidate);
  return c.length > 0 && text.slice(0, c.length + 4).includes(c);
}

function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : value.trim();
}
