import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One real page of ../shared/corpus, served at `/<id>`. */
export type CorpusPage = { id: string; file: string; gzip: boolean };

/** The shared corpus folder, or null when ../shared (or MIGRALENS_SHARED) is absent. */
export function corpusDir(): string | null {
  const dir = resolve(process.env.MIGRALENS_SHARED ?? '../shared', 'corpus');
  return existsSync(join(dir, 'readability')) && existsSync(join(dir, 'extraction-benchmark/html')) ? dir : null;
}

/** The 130 Readability test pages then the 181 extraction-benchmark pages, in a fixed order. */
export function corpusPages(dir: string): CorpusPage[] {
  const readability = readdirSync(join(dir, 'readability')).filter((n) => existsSync(join(dir, 'readability', n, 'source.html'))).sort()
    .map((n) => ({ id: `readability/${n}`, file: join(dir, 'readability', n, 'source.html'), gzip: false }));
  const bench = readdirSync(join(dir, 'extraction-benchmark/html')).filter((f) => f.endsWith('.html.gz')).sort()
    .map((f) => ({ id: `benchmark/${f.slice(0, 12)}`, file: join(dir, 'extraction-benchmark/html', f), gzip: true }));
  return [...readability, ...bench];
}

/**
 * A fixed sample for `npm test`: every `step`-th page of each set, so that both sets and their
 * spread stay represented; the full run covers all.
 */
export function corpusSample(pages: CorpusPage[], step: number): CorpusPage[] {
  return pages.filter((_, i) => i % step === 0);
}

/**
 * The page's own script probe, installed in the page's world before its scripts run (a
 * Playwright init script, so the served HTML and any CSP stay as they are): a timer and a click
 * counter, to check that the page's scripts keep running once MigraLens is in the page.
 */
export const PAGE_PROBE = 'window.__probe={ticks:0,clicks:0};setInterval(function(){window.__probe.ticks++},50);document.addEventListener("click",function(){window.__probe.clicks++},true);';

export function corpusHtml(page: CorpusPage): string {
  const raw = readFileSync(page.file);
  return (page.gzip ? gunzipSync(raw) : raw).toString('utf8');
}

export type CorpusServer = { origin: string; url: (page: CorpusPage) => string; close: () => Promise<void> };

/** Serves corpus pages on 127.0.0.1; everything else (images, scripts of the original sites) is a 404. */
export async function serveCorpus(pages: CorpusPage[]): Promise<CorpusServer> {
  const byPath = new Map(pages.map((p) => [`/${p.id}`, p]));
  const server: Server = createServer((req, res) => {
    const page = byPath.get(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!page) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(corpusHtml(page));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, url: (p) => `${origin}/${p.id}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
