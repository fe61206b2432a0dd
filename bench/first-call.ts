// Times the very first detect() call of a fresh process (matchers are built lazily on that call)
// and, with --expose-gc, the heap the detector keeps once warm.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const text = readFileSync(0, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const { detect } = await import('../lib/detect');
const t = performance.now();
detect(text, { lang: process.argv[2] });
const first = performance.now() - t;
for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es']) detect(text, { lang });
detect('', {});
gc?.();
const retained = process.memoryUsage().heapUsed - before;
process.stdout.write(JSON.stringify({ first, retainedMB: gc ? retained / 1e6 : null }));
