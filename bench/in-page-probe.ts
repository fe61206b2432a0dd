/**
 * Runs inside a corpus page in Chromium (bundled by bench/in-page.ts): times Readability alone,
 * MigraLens's in-page work, and wrapping the same mentions in elements, on the same page.
 */
import { Readability } from '@mozilla/readability';
import { extractBounded } from '../lib/bounded-extract';
import { joinAnalysis, detectOptionsFor } from '../lib/annotate-page';
import { analyse } from '../lib/detect';
import { clearHighlights, paintRanges, rangeForMention, type PaintTarget } from '../lib/highlight/paint-highlights';

const now = () => performance.now();
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const idle = () => new Promise<void>((r) => setTimeout(r, 0));

/** A small mark.js-like wrapper, for comparison only: one <mark> per text node a range crosses. */
function wrapRanges(ranges: Range[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const pieces = ranges.map((range) => {
    const out: [Text, number, number][] = [];
    const w = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    for (let n = (range.startContainer.nodeType === 3 ? range.startContainer : w.nextNode()) as Text | null; n; n = w.nextNode() as Text | null) {
      if (!range.intersectsNode(n)) { if (out.length) break; continue; }
      out.push([n, n === range.startContainer ? range.startOffset : 0, n === range.endContainer ? range.endOffset : n.data.length]);
      if (n === range.endContainer) break;
    }
    return out;
  });
  for (let i = pieces.length - 1; i >= 0; i--) {
    for (const [node, s, e] of [...pieces[i]].reverse()) {
      if (s >= e || !node.parentNode) continue;
      let piece = node;
      if (s > 0) piece = piece.splitText(s);
      if (e - s < piece.data.length) piece.splitText(e - s);
      const mark = document.createElement('mark');
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      marks.push(mark);
    }
  }
  return marks;
}

export type ProbeResult = {
  readability: number;
  /** MigraLens on the page's main thread: extraction (with Readability) and painting. */
  ours: number;
  extract: number;
  paint: number;
  /** Detection, which the extension runs in its background, off the page's thread. */
  detect: number;
  wrap: number;
  mentions: number;
  /** Registering 200 highlights and the frame that paints them, minus an empty frame. */
  paint200: number | null;
  /** Long tasks (> 50 ms) seen during our steps other than the one holding Readability. */
  longTasksOurs: number;
  longTasksExtract: number;
};

export async function probe(): Promise<ProbeResult | null> {
  const url = location.href;
  // Warm-up run first, so that neither side pays for compiling Readability.
  new Readability(document.cloneNode(true) as Document).parse();
  await idle();
  let t = now();
  new Readability(document.cloneNode(true) as Document).parse();
  const readability = now() - t;
  await idle();

  const longTasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = now();
  const { article } = extractBounded(document, url, { skipReaderableCheck: true });
  const extract = now() - t0;
  await idle();
  if (!article) { observer.disconnect(); return null; }
  const td = now();
  const analysis = analyse(article.text, detectOptionsFor(article));
  const detect = now() - td;
  await idle();
  const tp = now();
  const mentions = joinAnalysis(document, article, analysis).mentions;
  const targets: PaintTarget[] = [];
  for (const m of mentions) { const range = rangeForMention(document, article.segments, m); if (range) targets.push({ kind: m.kind, range }); }
  paintRanges(document, targets);
  const paint = now() - tp;
  await frame();
  observer.disconnect();
  const inExtract = (e: { start: number }) => e.start >= t0 - 1 && e.start <= t0 + extract + 1;
  // Detection runs in the extension's background; here it shares the page's thread, so its tasks are set apart.
  const inDetect = (e: { start: number }) => e.start >= td - 1 && e.start <= td + detect + 1;
  const longTasksOurs = longTasks.filter((e) => !inExtract(e) && !inDetect(e)).length;
  const longTasksExtract = longTasks.filter(inExtract).length;

  // 200 highlights: registering them and the frame that paints them, against an empty frame.
  let paint200: number | null = null;
  if (targets.length) {
    const few = Array.from({ length: 200 }, (_, i) => targets[i % targets.length]);
    clearHighlights(document);
    await frame();
    t = now(); await frame(); const empty = now() - t;
    t = now(); paintRanges(document, few); await frame(); paint200 = Math.max(0, now() - t - empty);
  }
  clearHighlights(document);

  t = now();
  const marks = wrapRanges(targets.map((x) => x.range));
  void document.body.offsetHeight; // the layout the new elements cause
  const wrap = now() - t;
  void marks;
  return { readability, ours: extract + paint, extract, paint, detect, wrap, mentions: mentions.length, paint200, longTasksOurs, longTasksExtract };
}
