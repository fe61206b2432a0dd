/**
 * A page of bundled bench code in headless Chromium (Debian's): the entry is bundled the way the
 * extension build bundles its code (esbuild comes with vite, a dev dependency), served on
 * 127.0.0.1 and opened in a fresh profile on disk. `run` gets the page and is awaited before everything is closed.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../scripts/driver/find-chromium';
import { servePages } from '../scripts/driver/page-server';

export async function withBenchPage<T>(entry: string, run: (page: Page) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'migralens-bench-'));
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  writeFileSync(join(dir, 'bench.js'), bundle.outputFiles[0].text);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>');
  const server = await servePages(dir);
  // A profile on disk, as a reader's browser has: a context without one (Playwright's newPage on a
  // launched browser) keeps IndexedDB in memory, where Chromium wrote the 10,000-clipping import
  // in 15.6-16.3 s against 8.2-10.8 s on disk.
  const profile = join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--max-old-space-size=4096'] });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(0);
    await page.goto(server.url('index.html'));
    return await run(page);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
