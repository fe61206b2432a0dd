/**
 * The clippings library at scale, in real Chromium with the built extension: a generated library
 * (by default 10,000 clippings, ≈ 50 MB of text, ≈ 500,000 mentions) written with the real lib/db
 * code inside the extension's origin, then the popup's first render, search and filter times and
 * the reader page's open time, read from the pages' own clocks. Figures only.
 */
import { build } from 'esbuild';
import type { ConsoleMessage, Page } from 'playwright-core';
import { launchWithExtension } from '../scripts/driver/extension-browser';
import { servePages } from '../scripts/driver/page-server';

const COUNT = Number(process.env.MIGRALENS_BENCH_CLIPPINGS ?? 10_000);
/** Popup opens timed after the first one. */
const POPUP_OPENS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/**
 * Installed in every page before its own scripts: records, in ms since navigation start, the frame
 * that first paints an element matching each selector (the page's next animation frame after the
 * element is in the DOM), and reports it as a console message. Polling from the test instead
 * (waitForFunction) starts only once the page has loaded and a round trip later, and read first
 * rows drawn at 140 ms as 250 ms or more. Waiting for the message rather than for a value of the
 * page keeps the harness out of the page while it loads: waitForFunction first evaluates
 * Playwright's own injected script in the page (a 32 ms task in a trace on this machine), on the
 * thread that is about to paint the rows.
 */
const PAINTED = '__migralensFirstPaint';
const FIRST_PAINT_OF = `(() => {
  const PAINTED = ${JSON.stringify(PAINTED)};
  const wanted = { rows: '.clippings a', counted: '.result-count[data-counted]', article: '.mention-list' };
  const seen = {};
  const look = () => {
    for (const [name, selector] of Object.entries(wanted)) {
      if (seen[name] === undefined && document.querySelector(selector)) {
        seen[name] = null;
        requestAnimationFrame(() => {
          seen[name] = performance.now();
          console.debug(PAINTED + ' ' + name + ' ' + seen[name]);
        });
      }
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

type FirstPaint = 'rows' | 'counted' | 'article';

/**
 * ms since navigation start to the frame that first paints each of `what` in `page` (see
 * FIRST_PAINT_OF). Call it before the page navigates: the messages may come before `goto` returns.
 */
function paintedAt(page: Page, what: readonly FirstPaint[]): Promise<number[]> {
  const times = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const onMessage = (message: ConsoleMessage) => {
      const [tag, name, at] = message.text().split(' ');
      if (tag !== PAINTED || times.has(name)) return;
      times.set(name, Number(at));
      if (what.every((w) => times.has(w))) {
        clearTimeout(timer);
        page.off('console', onMessage);
        resolve(what.map((w) => times.get(w)!));
      }
    };
    const timer = setTimeout(() => {
      page.off('console', onMessage);
      reject(new Error(`not painted within 60 s: ${what.filter((w) => !times.has(w)).join(', ')}`));
    }, 60_000);
    page.on('console', onMessage);
  });
}

/**
 * Types into the search box (or clicks the first chip matching a selector) and returns ms until the
 * list shows the result of the new query (the count carries the query it answers) with its rows drawn.
 */
function timeChange(page: Page, action: { search?: string; chip?: string }): Promise<number> {
  return page.evaluate(async ({ search, chip }) => {
    const status = () => document.querySelector('.result-count');
    const before = status()?.getAttribute('data-query');
    const t0 = performance.now();
    if (search !== undefined) {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      input.value = search;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      document.querySelector<HTMLButtonElement>(chip!)!.click();
    }
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const current = status()?.getAttribute('data-query');
      const rowsDrawn = !document.querySelector('.clippings li > .clipping-meta') && (document.querySelector('.clippings a') || /^0 /.test(status()?.textContent ?? ''));
      if (current && current !== before && rowsDrawn) return performance.now() - t0;
      if (performance.now() - t0 > 30_000) return NaN;
    }
  }, action);
}

export async function benchLibrary(): Promise<void> {
  console.log(`\n## Clippings library (${COUNT.toLocaleString('en')} generated clippings, Chromium, built extension)`);
  const bundle = await build({ entryPoints: ['bench/library/generate.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
  const script = bundle.outputFiles[0].text;
  const server = await servePages('tests/fixtures/pages');
  const browser = await launchWithExtension();
  try {
    const ext = await browser.context.newPage();
    // The extension's origin (its IndexedDB) without a page of ours querying the library while it is written.
    await ext.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await ext.evaluate(script);
    const report = await ext.evaluate((count) => (globalThis as unknown as { __migralensBench: { generateLibrary(o: object): Promise<{ clippings: number; mentions: number; textBytes: number; ms: number }> } })
      .__migralensBench.generateLibrary({ count, batch: 100, textChars: 5_000, mentionsPerClipping: 50 }), COUNT);
    console.log(`bulk insert: ${report.clippings.toLocaleString('en')} clippings, ${report.mentions.toLocaleString('en')} mentions, ${(report.textBytes / 1e6).toFixed(1)} MB text in ${(report.ms / 1000).toFixed(1)} s`
      + ` → ${(report.clippings / (report.ms / 1000)).toFixed(0)} clippings/s, ${(report.mentions / (report.ms / 1000)).toFixed(0)} mentions/s (batches of 100 per transaction)`);
    await ext.close();

    const article = await browser.context.newPage();
    await article.goto(server.url('channel-en.html'));
    await browser.clickAction(article);
    const tabId = await browser.tabIdOf(article);
    await browser.context.addInitScript({ content: FIRST_PAINT_OF });
    const firsts: number[] = [];
    const counts: number[] = [];
    // The browser's own share: the page's HTML and scripts loaded, before any of our code has run.
    const loaded: number[] = [];
    let popup: Page | null = null;
    // The first open pays for opening the database's files, just after 50 MB were written to them;
    // the next ones are the popup as a reader opens it during the day.
    for (let i = 0; i < 1 + POPUP_OPENS; i++) {
      await popup?.close();
      popup = await browser.context.newPage();
      const painted = paintedAt(popup, ['rows', 'counted']);
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      const [rows, counted] = await painted;
      firsts.push(rows);
      counts.push(counted);
      loaded.push(await popup.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart));
      // tsx names the functions it compiles with a helper that the page does not have.
      await popup.evaluate('globalThis.__name = (f) => f');
    }
    const [cold, ...warm] = firsts;
    console.log(`popup first render (navigation start → first clipping rows painted): first open ${fmt(cold)};`
      + ` then median of ${POPUP_OPENS}: ${fmt(median(warm))} (${warm.map(fmt).join(', ')});`
      + ` loading the page and our scripts (DOMContentLoaded): ${fmt(median(loaded.slice(1)))}; the library's count painted: ${fmt(median(counts.slice(1)))}`);
    const p = popup!;
    await p.waitForSelector('.filter-chip');
    const cases: [string, { search?: string; chip?: string }][] = [
      ['search common word "frontex"', { search: 'frontex' }],
      ['search two words "frontex report"', { search: 'frontex report' }],
      ['search prefix "darm"', { search: 'darm' }],
      ['search rare word', { search: 'zzyation' }],
      ['clear search (whole library)', { search: '' }],
      ['chip of the most frequent figure category', { chip: '[aria-label="Detected in your clippings"] .filter-chip.figure' }],
      ['+ chip of the most frequent detected name', { chip: '[aria-label="Detected in your clippings"] .filter-chip:not(.figure)' }],
      ['+ search "report" with both chips', { search: 'report' }],
    ];
    for (const [label, action] of cases) {
      console.log(`${label}: ${fmt(await timeChange(p, action))}`);
    }

    const opens: number[] = [];
    for (const id of [1, Math.floor(COUNT / 2), COUNT]) {
      const reader = await browser.context.newPage();
      const painted = paintedAt(reader, ['article']);
      await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${id}`);
      opens.push((await painted)[0]);
      await reader.close();
    }
    console.log(`reader page open (navigation start → article with its highlights and mention list painted), median of 3: ${fmt(median(opens))} (${opens.map(fmt).join(', ')})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLibrary(); // npx tsx bench/library.ts on its own
