/**
 * Runs inside a corpus page in Chromium (bundled by bench/in-page.ts): times Readability alone,
 * MigraLens's in-page work, and wrapping the same mentions in elements, on the same page.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractBounded } from '../lib/bounded-extract';
import { joinAnalysis, detectOptionsFor, readAndAnalyse } from '../lib/annotate-page';
import { attachToPage, serializePage, type ReadAnswer } from '../lib/extract/serialized-page';
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
  /** Readability alone (clone + parse), warm: median of three runs. */
  readability: number;
  /** Readability's first run in the page, which also compiles it. */
  readabilityFirst: number;
  /** MigraLens on the page's main thread as the extension runs it: serialising the page and its message, reading the answer, placing the article's nodes, painting; warm. */
  ours: number;
  /** Serialising the page and the message that carries it (the JSON of an extension message). */
  send: number;
  /** Parsing the background's answer and pairing its nodes with the page's. */
  attach: number;
  /** The background's work on the serialised page (parse, extraction, detection), on its own thread in the extension. */
  background: number;
  /** Reading in the page instead (the fallback), with painting. */
  oursInPage: number;
  /** Extraction (Readability inside), warm: median of three runs alternated with Readability's. */
  extract: number;
  /** The first extraction in the page, which also compiles our code (Readability already warm). */
  extractFirst: number;
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

/**
 * Marks that bracket each timed step (`ml|LABEL|start`, `ml|LABEL|end`): the bench reads them
 * back from a Chromium trace, whose thread clock gives the CPU time the page's main thread spent
 * in the step. On a loaded machine wall-clock times mostly measure the other processes.
 */
function timed<T>(label: string, f: () => T): [T, number] {
  performance.mark(`ml|${label}|start`);
  const t = now();
  const value = f();
  const elapsed = now() - t;
  performance.mark(`ml|${label}|end`);
  return [value, elapsed];
}

async function timedAsync(label: string, f: () => Promise<void>): Promise<number> {
  performance.mark(`ml|${label}|start`);
  const t = now();
  await f();
  const elapsed = now() - t;
  performance.mark(`ml|${label}|end`);
  return elapsed;
}

const median3 = (v: number[]) => [...v].sort((a, b) => a - b)[1];

export async function probe(): Promise<ProbeResult | null> {
  const url = location.href;
  const readabilityRun = () => { new Readability(document.cloneNode(true) as Document).parse(); };
  const extractRun = () => extractBounded(document, url, { skipReaderableCheck: true }).article;
  // First runs apart: both sides compile here, and each side's first-run cost is reported alone.
  const [, readabilityFirst] = timed('readabilityFirst', readabilityRun);
  await idle();

  const longTasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = now();
  const [first, extractFirst] = timed('extractFirst', extractRun);
  await idle();
  if (!first) { observer.disconnect(); return null; }
  // Warm runs, alternated so that both sides see the same state of the machine and of the heap.
  const r: number[] = [], x: number[] = [];
  let article = first;
  for (let i = 0; i < 3; i++) {
    r.push(timed(`readability${i}`, readabilityRun)[1]);
    await idle();
    const [a, elapsed] = timed(`extract${i}`, extractRun);
    x.push(elapsed);
    article = a ?? article;
    await idle();
  }
  // As the extension runs it: the page sends its HTML, the background reads it (here on the same
  // thread, set apart like detection), the page places the answer.
  const sends: number[] = [], attaches: number[] = [];
  // The first send and the first placing are the extension's own steps: long tasks in them count as ours.
  const steps: [number, number][] = [];
  let answerJson = '';
  let background = 0;
  let placed = article;
  let answered: ReadAnswer['analysis'] = null;
  for (let i = 0; i < 3; i++) {
    const ts = now();
    const [html, sent] = timed(`send${i}`, () => { const h = serializePage(document); JSON.stringify({ type: 'page/read', payload: { html: h, url, options: {} } }); return h; });
    sends.push(sent);
    if (i === 0) steps.push([ts, ts + sent]);
    await idle();
    if (i === 0) {
      const tb = now();
      performance.mark('ml|background|start');
      answerJson = JSON.stringify(readAndAnalyse(parseHTML(html).document as unknown as Document, url, {}));
      performance.mark('ml|background|end');
      background = now() - tb;
      await idle();
    }
    const ta = now();
    const [[attached, answer], took] = timed(`attach${i}`, () => {
      const a = JSON.parse(answerJson) as ReadAnswer;
      return [attachToPage(document, a.read), a] as const;
    });
    attaches.push(took);
    if (i === 0) steps.push([ta, ta + took]);
    if (attached.article) { placed = attached.article; answered = answer.analysis; }
    await idle();
  }
  const td = now();
  const [analysis, detect] = timed('detect', () => analyse(article.text, detectOptionsFor(article)));
  await idle();
  const [{ targets, mentions }, paint] = timed('paint', () => {
    const found = joinAnalysis(document, placed, answered ?? analysis).mentions;
    const out: PaintTarget[] = [];
    for (const m of found) { const range = rangeForMention(document, placed.segments, m); if (range) out.push({ kind: m.kind, range }); }
    paintRanges(document, out);
    return { targets: out, mentions: found.length };
  });
  await frame();
  observer.disconnect();
  const extractEnd = t0 + extractFirst;
  const inExtract = (e: { start: number }) => e.start >= t0 - 1 && e.start <= extractEnd + 1;
  // Readability alone and the warm repeats are measurement runs, not part of what the extension does.
  const inRepeats = (e: { start: number }) => e.start > extractEnd + 1 && e.start < td - 1;
  // (The background's read falls in the repeats too: in the extension it is not on the page's thread.)
  // Detection runs in the extension's background; here it shares the page's thread, so its tasks are set apart.
  const inDetect = (e: { start: number }) => e.start >= td - 1 && e.start <= td + detect + 1;
  const inSteps = (e: { start: number }) => steps.some(([a, b]) => e.start >= a - 1 && e.start <= b + 1);
  const longTasksOurs = longTasks.filter((e) => e.start >= t0 - 1 && (inSteps(e) || (!inExtract(e) && !inRepeats(e) && !inDetect(e)))).length;
  const longTasksExtract = longTasks.filter(inExtract).length;

  // 200 highlights: registering them and the frame that paints them, against an empty frame.
  let paint200: number | null = null;
  if (targets.length) {
    const few = Array.from({ length: 200 }, (_, i) => targets[i % targets.length]);
    clearHighlights(document);
    await frame();
    const empty = await timedAsync('emptyFrame', frame);
    const full = await timedAsync('paint200', async () => { paintRanges(document, few); await frame(); });
    paint200 = Math.max(0, full - empty);
  }
  clearHighlights(document);

  const [, wrap] = timed('wrap', () => {
    wrapRanges(targets.map((t) => t.range));
    void document.body.offsetHeight; // the layout the new elements cause
  });
  const readability = median3(r), extract = median3(x), send = median3(sends), attach = median3(attaches);
  return { readability, readabilityFirst, ours: send + attach + paint, send, attach, background, oursInPage: extract + paint, extract, extractFirst, paint, detect, wrap, mentions, paint200, longTasksOurs, longTasksExtract };
}
