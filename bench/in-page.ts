/**
 * In-page speed over the corpus, in real Chromium: Readability alone; MigraLens's work on the
 * page's thread as the extension runs it (serialising the page for the background, placing the
 * article it sends back, painting; the background's reading and detection are timed apart); the
 * fallback that reads in the page (extraction with Readability, then painting); and wrapping the
 * same mentions in <mark> elements as a comparison.
 *
 * Every step is timed twice: wall clock, and the CPU time of the page's main thread (read from a
 * Chromium trace). On a loaded machine the wall clock mostly measures the other processes; the
 * thread's CPU time is what the step costs the page.
 *
 * BENCH_IN_PAGE_PAGES=N limits the run to N pages; BENCH_IN_PAGE_STEP=K takes every K-th page of
 * the corpus (both sets stay represented), for quick runs while working on speed;
 * BENCH_IN_PAGE_PER_PAGE=1 prints one line per page as well.
 */
import { build } from 'esbuild';
import { chromium, type CDPSession } from 'playwright-core';
import { corpusPages, corpusSample, serveCorpus } from '../scripts/driver/corpus';
import { findChromium } from '../scripts/driver/find-chromium';
import type { ProbeResult } from './in-page-probe';
import { ms, quantile } from './shared-data';

type TraceEvent = { cat: string; name: string; tts?: number };
type Row = { id: string; wall: ProbeResult; cpu: Partial<Record<string, number>> };

/** CPU time in ms of each `ml|LABEL|start` … `ml|LABEL|end` pair of marks in the trace. */
function cpuTimes(events: TraceEvent[]): Partial<Record<string, number>> {
  const starts = new Map<string, number>();
  const out: Partial<Record<string, number>> = {};
  for (const e of events) {
    if (e.cat !== 'blink.user_timing' || !e.name.startsWith('ml|') || e.tts === undefined) continue;
    const [, label, edge] = e.name.split('|');
    if (edge === 'start') starts.set(label, e.tts);
    else if (starts.has(label)) out[label] = (e.tts - starts.get(label)!) / 1000;
  }
  return out;
}

async function traced<T>(cdp: CDPSession, run: () => Promise<T>): Promise<[T, TraceEvent[]]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])); };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['blink.user_timing'] }, transferMode: 'ReportEvents' });
  try {
    return [await run(), events];
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
}

const median3 = (v: (number | undefined)[]) => {
  const s = v.filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : undefined;
};

export async function benchInPage(shared: string): Promise<void> {
  const all = corpusPages(`${shared}/corpus`);
  const stepped = corpusSample(all, Math.max(1, Number(process.env.BENCH_IN_PAGE_STEP ?? 1)));
  const pages = stepped.slice(0, Number(process.env.BENCH_IN_PAGE_PAGES ?? stepped.length));
  const bundle = await build({ entryPoints: ['bench/in-page-probe.ts'], bundle: true, format: 'iife', globalName: 'migralensProbe', write: false, minify: true });
  const code = bundle.outputFiles[0].text;
  const server = await serveCorpus(pages);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((u) => !u.href.startsWith(server.origin), (r) => r.abort());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const rows: Row[] = [];
  let skipped = 0;
  for (const p of pages) {
    try {
      await page.goto(server.url(p), { waitUntil: 'domcontentloaded', timeout: 15_000 });
      await page.waitForLoadState('load', { timeout: 3_000 }).catch(() => undefined);
      // The probe's code, once run, leaves the page: the extension's code is never part of the page's DOM.
      await (await page.addScriptTag({ content: code })).evaluate((el) => (el as Element).remove());
      const [r, events] = await traced(cdp, () => page.evaluate(() => (globalThis as unknown as { migralensProbe: { probe(): Promise<ProbeResult | null> } }).migralensProbe.probe()));
      if (!r) { skipped++; continue; }
      const c = cpuTimes(events);
      const readability = median3([c.readability0, c.readability1, c.readability2]);
      const extract = median3([c.extract0, c.extract1, c.extract2]);
      const send = median3([c.send0, c.send1, c.send2]);
      const attach = median3([c.attach0, c.attach1, c.attach2]);
      const sum = (...v: (number | undefined)[]) => (v.every((x) => x !== undefined) ? (v as number[]).reduce((a, b) => a + b, 0) : undefined);
      rows.push({ id: p.id, wall: r, cpu: { ...c, readability, extract, send, attach, ours: sum(send, attach, c.paint), oursInPage: sum(extract, c.paint) } });
    } catch {
      skipped++;
    }
  }
  await browser.close();
  await server.close();

  if (process.env.BENCH_IN_PAGE_PER_PAGE) {
    console.log(`\n${'page'.padEnd(34)} ${'Readability'.padStart(11)} ${'MigraLens'.padStart(11)} ${'added'.padStart(7)} ${'paint 200'.padStart(10)}   (CPU ms, warm)`);
    for (const r of rows) {
      const { readability, ours } = r.cpu;
      const added = readability && ours !== undefined ? `${(((ours - readability) / readability) * 100).toFixed(0)} %` : '–';
      const p200 = r.cpu.paint200 !== undefined && r.cpu.emptyFrame !== undefined ? Math.max(0, r.cpu.paint200 - r.cpu.emptyFrame).toFixed(2) : '–';
      console.log(`${r.id.padEnd(34)} ${(readability?.toFixed(2) ?? '–').padStart(11)} ${(ours?.toFixed(2) ?? '–').padStart(11)} ${added.padStart(7)} ${p200.padStart(10)}`);
    }
  }
  const wall = (f: (r: ProbeResult) => number) => rows.map((r) => f(r.wall));
  const cpu = (label: string) => rows.map((r) => r.cpu[label]).filter((x): x is number => x !== undefined);
  const cell = (v: number[]) => `${ms(quantile(v, 0.5)).padStart(9)} ${ms(quantile(v, 0.95)).padStart(9)}`;
  const line = (label: string, w: number[], c: number[] | null) => console.log(`${label.padEnd(50)} ${cell(w)}   ${c ? cell(c) : ''}`);
  const pct = (v: number[]) => `${(quantile(v, 0.5) * 100).toFixed(0)} % (p95 ${(quantile(v, 0.95) * 100).toFixed(0)} %)`;
  console.log(`\n## In the page (${rows.length} corpus pages in Chromium; ${skipped} without an article or not loaded)`);
  console.log(`${''.padEnd(50)} ${'wall median'.padStart(9)} ${'p95'.padStart(9)}   ${'CPU median'.padStart(9)} ${'p95'.padStart(9)}`);
  line('Readability alone (warm, median of 3)', wall((r) => r.readability), cpu('readability'));
  line('MigraLens on the page\'s thread (as the extension runs)', wall((r) => r.ours), cpu('ours'));
  line('  serialising the page and its message', wall((r) => r.send), cpu('send'));
  line('  reading the answer, placing its text nodes', wall((r) => r.attach), cpu('attach'));
  line('  highlighting (CSS Custom Highlights)', wall((r) => r.paint), cpu('paint'));
  line('reading in the background (parse, extraction, detection)', wall((r) => r.background), cpu('background'));
  line('fallback: reading in the page, with painting', wall((r) => r.oursInPage), cpu('oursInPage'));
  line('  of which extraction (Readability inside)', wall((r) => r.extract), cpu('extract'));
  line('first extraction in a page (compiles our code)', wall((r) => r.extractFirst), cpu('extractFirst'));
  line('first Readability run in a page (compiles it)', wall((r) => r.readabilityFirst), cpu('readabilityFirst'));
  line('detection (background, off the page thread)', wall((r) => r.detect), cpu('detect'));
  line('wrapping the same mentions in <mark> + layout', wall((r) => r.wrap), cpu('wrap'));
  const share = (ours: number | undefined, base: number | undefined) => (ours !== undefined && base ? [(ours - base) / base] : []);
  // Negative when the page's thread does less than Readability alone would make it do.
  console.log(`main-thread time added beyond Readability (warm, CPU time): median ${pct(rows.flatMap((r) => share(r.cpu.ours, r.cpu.readability)))}`);
  console.log(`main-thread time added beyond Readability (warm, wall clock): median ${pct(rows.flatMap((r) => share(r.wall.ours, r.wall.readability)))}`);
  console.log(`  the fallback, reading in the page (CPU): median ${pct(rows.flatMap((r) => share(r.cpu.oursInPage, r.cpu.readability)))}`);
  // The earlier measure: our first extraction (compiling our code) against a warm Readability.
  console.log(`  first extraction + painting against warm Readability (CPU): median ${pct(rows.flatMap((r) => share(r.cpu.extractFirst !== undefined && r.cpu.paint !== undefined ? r.cpu.extractFirst + r.cpu.paint : undefined, r.cpu.readability)))}`);
  const p200 = rows.map((r) => r.wall.paint200).filter((x): x is number => x !== null);
  const c200 = rows.flatMap((r) => (r.cpu.paint200 !== undefined && r.cpu.emptyFrame !== undefined ? [Math.max(0, r.cpu.paint200 - r.cpu.emptyFrame)] : []));
  console.log(`highlight paint for 200 mentions (register + frame, minus an empty frame): wall median ${ms(quantile(p200, 0.5))}, p95 ${ms(quantile(p200, 0.95))}; main-thread CPU median ${ms(quantile(c200, 0.5))}, p95 ${ms(quantile(c200, 0.95))}`);
  const mentions = wall((r) => r.mentions);
  console.log(`mentions per page: median ${quantile(mentions, 0.5)}, max ${Math.max(...mentions)}`);
  const ours = rows.filter((r) => r.wall.longTasksOurs > 0).length;
  const extract = rows.filter((r) => r.wall.longTasksExtract > 0).length;
  console.log(`long tasks > 50 ms (wall clock): during our steps on the page's thread on ${ours} pages; during the fallback's extraction (Readability's step) on ${extract} pages`);
}
