/**
 * Export and import of a generated library in real Chromium (Debian's, headless): the page code
 * (bench/export-import-page.ts) is bundled, loaded into a page served on 127.0.0.1, and runs the
 * import (parse, validate, sanitise, one transaction), the JSON export and the CSV export (zipped)
 * against the browser's IndexedDB. Prints figures only.
 *
 *   npx tsx bench/export-import.ts [clippings]   (default 10,000: ~50 MB of text, ~500,000 mentions)
 */
// esbuild comes with vite (a dev dependency): it bundles the page code the way the extension build does.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/driver/find-chromium';
import { servePages } from '../scripts/driver/page-server';
import type { BenchFigures } from './export-import-page';
import { ms } from './shared-data';

export async function benchExportImport(n = 10_000): Promise<void> {
  console.log(`\n## Export and import (${n.toLocaleString('en')} generated clippings, headless Chromium, this machine)`);
  const dir = mkdtempSync(join(tmpdir(), 'migralens-bench-'));
  const bundle = await build({ entryPoints: ['bench/export-import-page.ts'], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  writeFileSync(join(dir, 'bench.js'), bundle.outputFiles[0].text);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>');
  const server = await servePages(dir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--max-old-space-size=4096'] });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(0);
    await page.goto(server.url('index.html'));
    const f = await page.evaluate((count) => (globalThis as unknown as { runExportImportBench(n: number): Promise<BenchFigures> }).runExportImportBench(count), n);
    console.log(`library: ${f.mentions.toLocaleString('en')} mentions, ${f.textMb.toFixed(1)} MB of article text, backup file ${f.fileMb.toFixed(1)} MB`);
    console.log(`import:      parse + validate ${ms(f.importCheck)}, sanitise + write ${ms(f.importWrite)} (of which sanitising ${ms(f.importSanitise)}), total ${ms(f.importCheck + f.importWrite)}`);
    console.log(`JSON export: read ${ms(f.exportRead)}, write ${ms(f.jsonWrite)} (${f.jsonMb.toFixed(1)} MB), total ${ms(f.exportRead + f.jsonWrite)}`);
    console.log(`CSV export:  read ${ms(f.exportRead)}, write ${ms(f.csvWrite)}, zip ${ms(f.csvZip)} (${f.zipMb.toFixed(1)} MB), total ${ms(f.exportRead + f.csvWrite + f.csvZip)}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchExportImport(Number(process.argv[2]) || undefined).catch((e) => { console.error(e); process.exitCode = 1; });
}
