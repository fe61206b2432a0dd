/**
 * Export and import of a generated library in real Chromium (Debian's, headless): the page code
 * (bench/export-import-page.ts) is bundled, loaded into a page served on 127.0.0.1, and runs the
 * import (parse, validate, sanitise, one transaction), the JSON export and the CSV export (zipped)
 * against the browser's IndexedDB. Prints figures only.
 *
 *   npx tsx bench/export-import.ts [clippings]   (default 10,000: ~50 MB of text, ~500,000 mentions)
 */
import { pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import type { BenchFigures } from './export-import-page';
import { ms } from './shared-data';

export async function benchExportImport(n = 10_000): Promise<void> {
  console.log(`\n## Export and import (${n.toLocaleString('en')} generated clippings, headless Chromium, this machine)`);
  await withBenchPage('bench/export-import-page.ts', async (page) => {
    const f = await page.evaluate((count) => (globalThis as unknown as { runExportImportBench(n: number): Promise<BenchFigures> }).runExportImportBench(count), n);
    console.log(`library: ${f.mentions.toLocaleString('en')} mentions, ${f.textMb.toFixed(1)} MB of article text, backup file ${f.fileMb.toFixed(1)} MB`);
    console.log(`import:      parse + validate ${ms(f.importCheck)}, sanitise + write ${ms(f.importWrite)} (of which sanitising ${ms(f.importSanitise)}), total ${ms(f.importCheck + f.importWrite)}`);
    console.log(`JSON export: read, written and made a file ${ms(f.jsonExport)} (${f.jsonMb.toFixed(1)} MB)`);
    console.log(`CSV export:  read, written and zipped as written ${ms(f.csvExport)} (${f.zipMb.toFixed(1)} MB zip)`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchExportImport(Number(process.argv[2]) || undefined).catch((e) => { console.error(e); process.exitCode = 1; });
}
