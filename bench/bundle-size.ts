/** Size of what a page receives: the content-script bundle, raw and gzip. */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export function benchBundleSize(): void {
  const file = '.output/chrome-mv3/content-scripts/content.js';
  console.log('\n## Content-script bundle');
  if (!existsSync(file)) { console.log('not built (run npm run build)'); return; }
  const raw = readFileSync(file);
  console.log(`${file}: ${(raw.length / 1024).toFixed(1)} KB, ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}
