import { detectOptionsFor, joinAnalysis, MAX_DETECTED_CHARS, type AnchoredMention } from './annotate-page';
import { mergeMentions, reattach } from './anchor/reattach';
import type { ClippingInput } from './db/clippings';
import type { Analysis } from './detect';
import { MENTION_KINDS, type DetectOptions, type Lang, type MentionKind } from './detect/types';
import { extractBounded, type BoundedArticle } from './bounded-extract';
import { readThrough, type PageReader } from './extract/serialized-page';
import type { ExtractedArticle } from './extract/extract-article';
import { readPageMetadata } from './extract/page-metadata';
import { rangeAtPoint } from './highlight/hit-test';
import { unwrapMarks, wrapInMarks } from './highlight/mark-fallback';
import { clearHighlights, paintRanges, rangeForMention, supportsHighlights, type PaintTarget } from './highlight/paint-highlights';
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
  /**
   * Reads the page's article away from its thread (the page's HTML in a message to the background,
   * which runs Readability and detection). Without it, or when it fails, the article is read in
   * the page.
   */
  readElsewhere?: PageReader;
  /** Lets the page run between the steps (Readability, detection, painting); resolves at once by default. */
  yieldToPage?: () => Promise<void>;
};

/** A mention as it stands in the page: its anchor, and its live range when it is attached. */
export type LiveMention = AnchoredMention & {
  /** Stable within the page's life, across re-readings. */
  id: number;
  /** null when the mention could not be placed in the page (listed as such, not dropped). */
  range: Range | null;
};

/** The article as read, with the mentions found in it when they were detected along with it. */
type PageRead = BoundedArticle & { analysis?: Analysis | null };

/**
 * The annotator living in one page: reads the article, highlights it, re-reads it when the page
 * changes, and hands out the clipping on request. Pure DOM; the content script wires it to
 * messages and to the panel.
 */
export class PageAnnotator {
  private article: ExtractedArticle | null = null;
  private canonicalUrl: string | null = null;
  private detectedLang: Lang | null = null;
  private mentionList: LiveMention[] = [];
  private wholePage = false;
  private nextId = 1;
  private hidden = new Set<MentionKind>();
  private marks: HTMLElement[] = [];
  /** Set when only the first MAX_DETECTED_CHARS of the text were annotated. */
  private detectCut = false;
  /** Set when the page was too large to read whole (see extractBounded). */
  private pageCut = false;
  private readBy: 'background' | 'page' = 'page';
  /** Moves on with every reading from scratch: a refresh that was waiting for its reading then leaves the newer state alone. */
  private generation = 0;

  constructor(private readonly doc: Document, private readonly options: PageAnnotatorOptions) {}

  private pause(): Promise<void> {
    return this.options.yieldToPage ? this.options.yieldToPage() : Promise.resolve();
  }

  get mentions(): readonly LiveMention[] { return this.mentionList; }
  /** True when only the beginning of a very large page or article was annotated. */
  get truncated(): boolean { return this.pageCut || this.detectCut; }
  get hiddenKinds(): ReadonlySet<MentionKind> { return this.hidden; }
  /** The article text as last read; null before annotating or when there is no article. */
  get articleText(): string | null { return this.article?.text ?? null; }

  /** Annotates the page (again, from scratch) and says what was found. Never throws: failures come back as a summary. */
  async annotate(force = false): Promise<PageSummary> {
    const url = this.doc.location?.href ?? '';
    this.generation++;
    try {
      this.unpaint();
      this.article = null;
      this.mentionList = [];
      await this.pause();
      const { article, cut, analysis } = await this.read(url, force);
      this.pageCut = cut;
      this.wholePage = force && article !== null;
      if (!article) return { state: 'no-article', url, title: this.doc.title };
      await this.pause();
      const fresh = await this.detect(article, analysis);
      this.article = article;
      this.mentionList = fresh.map((m) => ({ ...m, id: this.nextId++, range: null }));
      await this.pause();
      this.paint();
      // The page re-rendered its article while detection ran (a framework hydrating, a live
      // page): the text read is still right, but its nodes are gone; place the mentions again.
      if (!segmentsInPage(article)) await this.refresh();
      return this.summary();
    } catch (error) {
      this.article = null;
      this.mentionList = [];
      return { state: 'failed', url, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Reads the page again after its DOM changed: mentions are re-found by their anchors, new text
   * (a late-loaded paragraph) is detected, and what cannot be re-found stays listed as detached.
   * Returns false when nothing needed doing (same text, every highlight still in place) or when
   * the article is momentarily gone (a re-render in progress: the old state is kept).
   */
  async refresh(): Promise<boolean> {
    if (!this.article) return false;
    // Mentions without a range are in place only if the text they were read from still is.
    const stillInPlace = this.mentionList.every((m) => !m.range || rangeHolds(m.range, m.text)) && segmentsInPage(this.article);
    const generation = this.generation;
    const { article, cut, analysis } = await this.read(this.doc.location?.href ?? this.article.url, this.wholePage);
    if (!article || !this.article || generation !== this.generation) return false;
    this.pageCut = cut;
    if (article.text === this.article.text && stillInPlace) return false;
    await this.pause();
    const { attached, detached } = reattach(article.text, this.mentionList);
    const fresh = article.text === this.article.text ? attached : await this.detect(article, analysis);
    if (generation !== this.generation || !this.article) return false;
    // Keep ids stable for mentions that survived, so that the panel does not jump.
    const idOf = new Map(this.mentionList.map((m) => [`${m.kind}|${m.canonical}|${m.anchor.prefix}|${m.anchor.quote}`, m.id]));
    const merged = mergeMentions(fresh, attached).map((m) => {
      const key = `${m.kind}|${m.canonical}|${m.anchor.prefix}|${m.anchor.quote}`;
      return { ...m, id: idOf.get(key) ?? this.nextId++, range: null };
    });
    const gone = detached.filter((d) => !merged.some((m) => m.kind === d.kind && m.canonical === d.canonical && Math.abs(m.start - d.anchor.position) < 200));
    this.unpaint();
    this.article = article;
    this.mentionList = [...merged, ...gone.map((d) => ({ ...d, id: (d as LiveMention).id, range: null }))];
    this.paint(new Set(gone.map((d) => (d as LiveMention).id)));
    return true;
  }

  /** The article, read elsewhere when the annotator was given a way to, else in the page. */
  private async read(url: string, force: boolean): Promise<PageRead> {
    const reader = this.options.readElsewhere;
    if (reader) {
      const read = await readThrough(this.doc, url, { force }, reader).catch(() => null);
      this.readBy = read ? 'background' : 'page';
      if (read) return read;
    }
    return extractBounded(this.doc, url, { force });
  }

  /** The mentions of `article`, from `given` when they were detected along with the reading. */
  private async detect(article: ExtractedArticle, given?: Analysis | null): Promise<AnchoredMention[]> {
    this.detectCut = article.text.length > MAX_DETECTED_CHARS;
    const text = this.detectCut ? article.text.slice(0, MAX_DETECTED_CHARS) : article.text;
    const analysis = given ?? await this.options.analyse(text, detectOptionsFor(article));
    // Joined with the full text, of which the text detected is the beginning: anchors near the
    // cut keep their suffix.
    const joined = joinAnalysis(this.doc, article, analysis);
    this.canonicalUrl = joined.canonicalUrl;
    this.detectedLang = joined.detectedLang;
    return joined.mentions;
  }

  /** Places every mention in the page (except `detachedIds`) and paints the visible kinds. */
  private paint(detachedIds: ReadonlySet<number> = new Set()): void {
    const article = this.article;
    if (!article) return;
    const targets: PaintTarget[] = [];
    for (const m of this.mentionList) {
      m.range = detachedIds.has(m.id) ? null : rangeForMention(this.doc, article.segments, m);
      if (m.range) targets.push({ kind: m.kind, range: m.range });
    }
    this.paintTargets(targets);
  }

  private paintTargets(targets: PaintTarget[]): void {
    if (supportsHighlights(this.doc)) {
      paintRanges(this.doc, targets, this.hidden);
    } else {
      unwrapMarks(this.marks);
      this.marks = wrapInMarks(this.doc, targets, this.hidden);
    }
  }

  private unpaint(): void {
    clearHighlights(this.doc);
    unwrapMarks(this.marks);
    this.marks = [];
  }

  /** Shows or hides one kind's highlights. */
  setKindVisible(kind: MentionKind, visible: boolean): void {
    if (visible) this.hidden.delete(kind); else this.hidden.add(kind);
    const targets = this.mentionList.filter((m) => m.range).map((m) => ({ kind: m.kind, range: m.range! }));
    this.paintTargets(targets);
  }

  /** The attached, visible mention under the viewport point (x, y), or null. */
  mentionAt(x: number, y: number): LiveMention | null {
    const visible = this.mentionList.map((m) => (m.range && !this.hidden.has(m.kind) ? m.range : null));
    const i = rangeAtPoint(this.doc, visible, x, y);
    return i >= 0 ? this.mentionList[i] : null;
  }

  /** True when the marks fallback is painting (the page's DOM holds our `<mark>` elements). */
  get usesMarks(): boolean { return this.marks.length > 0; }

  /** Removes every trace of the annotation from the page. */
  dispose(): void {
    this.unpaint();
    this.article = null;
    this.mentionList = [];
  }

  /** What was found, for the popup and the badge. */
  summary(): PageSummary {
    const url = this.doc.location?.href ?? '';
    const a = this.article;
    if (!a) return { state: 'no-article', url, title: this.doc.title };
    const counts = Object.fromEntries(MENTION_KINDS.map((k) => [k, 0])) as Record<MentionKind, number>;
    for (const m of this.mentionList) counts[m.kind] += 1;
    return {
      state: 'annotated', url, title: a.title, detectedLang: this.detectedLang, counts, total: this.mentionList.length,
      unanchored: this.mentionList.filter((m) => !m.range).length, wholePage: this.wholePage, readBy: this.readBy,
    };
  }

  /** The key the library files this page under, once annotated. */
  urlKey(): string | null {
    return this.article ? urlKey(this.article.url, this.canonicalUrl ?? readPageMetadata(this.doc).canonicalUrl) : null;
  }

  /** The clipping to save for the page as annotated; annotates first when needed. */
  async clipping(force = false): Promise<Result<ClippingInput>> {
    if (!this.article || (force && !this.wholePage)) {
      const summary = await this.annotate(force);
      if (summary.state === 'failed') return fail('content-script-failed', summary.message);
    }
    const article = this.article;
    if (!article) return fail('no-article', 'No article found on this page. Use “Save whole page” to keep it anyway.');
    return ok({
      urlKey: urlKey(article.url, this.canonicalUrl),
      url: article.url,
      canonicalUrl: this.canonicalUrl,
      title: article.title || this.doc.title || article.url,
      byline: article.byline,
      siteName: article.siteName,
      lang: article.lang ?? this.detectedLang,
      published: article.published,
      excerpt: article.excerpt,
      text: article.text,
      html: this.options.sanitize(article.html),
      // What the library keeps is the text as read now: mentions re-found at their current offsets.
      mentions: this.mentionList.filter((m) => article.text.slice(m.start, m.end) === m.text)
        .map(({ id: _id, range: _range, ...m }) => m),
    });
  }
}

/** Whether the text nodes an article was read from are all still in the page. */
function segmentsInPage(article: ExtractedArticle): boolean {
  return article.segments.every((s) => s.node.isConnected);
}

/** Whether a live range still covers the text it was made for. */
function rangeHolds(range: Range, text: string): boolean {
  const node = range.startContainer;
  return node.isConnected && range.endContainer.isConnected && range.toString().replace(/\s+/g, ' ') === text.replace(/\s+/g, ' ');
}
