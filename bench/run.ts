/**
 * npm run bench — prints figures; never a pass/fail gate. Parts that need ../shared (the corpus
 * and the evaluation kit) say so and are skipped when it is absent.
 */
import { execSync } from 'node:child_process';
import { benchBundleSize } from './bundle-size';
import { benchDetectionQuality } from './detection-quality';
import { benchDetector } from './detector';
import { benchExtraction } from './extraction';
import { benchInPage } from './in-page';
import { sharedDir } from './shared-data';

const shared = sharedDir();
console.log(`# MigraLens benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`);
if (!shared) console.log('../shared not found: corpus and quality figures are skipped (set MIGRALENS_SHARED to its path).');
execSync('npx wxt build', { stdio: 'ignore' });
await benchBundleSize();
benchDetector(shared);
if (shared) {
  benchDetectionQuality(shared);
  benchExtraction(shared);
  await benchInPage(shared);
}
await (await import('./export-import')).benchExportImport(); // issue 6: export and import of 10,000 generated clippings in Chromium
await (await import('./library')).benchLibrary(); // issue 5: the clippings library with 10,000 generated clippings in Chromium
