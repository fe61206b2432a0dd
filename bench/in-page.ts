/**
 * In-page speed over the corpus, in real Chromium: Readability alone, MigraLens's in-page work
 * (extraction with Readability, then painting; detection runs in the background and is shown
 * apart), and wrapping the same mentions in <mark> elements as a comparison.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { corpusPages, serveCorpus } from '../scripts/driver/corpus';
import { findChromium } from '../scripts/driver/find-chromium';
import type { ProbeResult } from './in-page-probe';
import { ms, quantile } from './shared-data';

export async function benchInPage(shared: string): Promise<void> {
  const pages = corpusPages(`${shared}/corpus`);
  const limit = Number(process.env.BENCH_IN_PAGE_PAGES ?? pages.length);
  const bundle = await build({ entryPoints: ['bench/in-page-probe.ts'], bundle: true, format: 'iife', globalName: 'migralensProbe', write: false, minify: true });
  const code = bundle.outputFiles[0].text;
  const server = await serveCorpus(pages);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((u) => !u.href.startsWith(server.origin), (r) => r.abort());
  const page = await context.newPage();
  const rows: (ProbeResult & { id: string })[] = [];
  let skipped = 0;
  for (const p of pages.slice(0, limit)) {
    try {
      await page.goto(server.url(p), { waitUntil: 'domcontentloaded', timeout: 15_000 });
      await page.waitForLoadState('load', { timeout: 3_000 }).catch(() => undefined);
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(() => (globalThis as unknown as { migralensProbe: { probe(): Promise<ProbeResult | null> } }).migralensProbe.probe());
      if (r) rows.push({ id: p.id, ...r }); else skipped++;
    } catch {
      skipped++;
    }
  }
  await browser.close();
  await server.close();

  const col = (f: (r: ProbeResult) => number) => rows.map(f);
  const line = (label: string, v: number[]) => console.log(`${label.padEnd(46)} ${ms(quantile(v, 0.5)).padStart(9)} ${ms(quantile(v, 0.95)).padStart(9)}`);
  console.log(`\n## In the page (${rows.length} corpus pages in Chromium; ${skipped} without an article or not loaded)`);
  console.log(`${''.padEnd(46)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
  line('Readability alone', col((r) => r.readability));
  line('MigraLens in the page (extraction + painting)', col((r) => r.ours));
  line('  of which extraction (Readability inside)', col((r) => r.extract));
  line('  of which highlighting (CSS Custom Highlights)', col((r) => r.paint));
  line('detection (background, off the page thread)', col((r) => r.detect));
  line('wrapping the same mentions in <mark> + layout', col((r) => r.wrap));
  const share = rows.filter((r) => r.readability > 0).map((r) => (r.ours - r.readability) / r.readability);
  console.log(`main-thread time added beyond Readability: median ${(quantile(share, 0.5) * 100).toFixed(0)} % of Readability's time (p95 ${(quantile(share, 0.95) * 100).toFixed(0)} %)`);
  const p200 = rows.map((r) => r.paint200).filter((x): x is number => x !== null);
  console.log(`highlight paint for 200 mentions (register + frame, minus an empty frame): median ${ms(quantile(p200, 0.5))}, p95 ${ms(quantile(p200, 0.95))}`);
  console.log(`mentions per page: median ${quantile(col((r) => r.mentions), 0.5)}, max ${Math.max(...col((r) => r.mentions))}`);
  const ours = rows.filter((r) => r.longTasksOurs > 0).length;
  const extract = rows.filter((r) => r.longTasksExtract > 0).length;
  console.log(`long tasks > 50 ms: during our steps besides extraction on ${ours} pages; during extraction (Readability's step) on ${extract} pages`);
}
