/** Size of what a page receives (the content script) and of the detector, which runs in the background. */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../scripts/driver/extension-browser';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchBundleSize(): Promise<void> {
  console.log('\n## Bundles');
  for (const [label, file] of [['content script (injected into pages)', `${EXTENSION_DIR}/content-scripts/content.js`], ['background', `${EXTENSION_DIR}/background.js`]]) {
    if (!existsSync(file)) { console.log(`${label}: not built (run npm run build)`); continue; }
    const raw = readFileSync(file);
    console.log(`${label.padEnd(38)} ${kb(raw.length).padStart(9)}  ${kb(gzipSync(raw, { level: 9 }).length).padStart(9)} gzip`);
  }
  const detector = await build({ entryPoints: ['lib/detect/index.ts'], bundle: true, minify: true, format: 'esm', write: false });
  const code = detector.outputFiles[0].contents;
  console.log(`${'detector, code + data (lib/detect)'.padEnd(38)} ${kb(code.length).padStart(9)}  ${kb(gzipSync(code, { level: 9 }).length).padStart(9)} gzip — in the background bundle, not in the content script`);
}
