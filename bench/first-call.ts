// Times the very first detect() call of a fresh process (matchers are built lazily on that call)
// and, with --expose-gc, the heap the detector keeps once warm in all six languages.
// The time the main thread spent on a core during the first call is printed too (Linux only):
// on a shared machine it varies much less than the wall-clock time, which includes waiting for
// a core, and unlike the process's CPU time it leaves out V8's background compiler threads.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const text = readFileSync(0, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const loadStart = performance.now();
const { detect } = await import('../lib/detect');
const load = performance.now() - loadStart;
const SCHEDSTAT = '/proc/thread-self/schedstat';
const onCore = () => (existsSync(SCHEDSTAT) ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : NaN);
const core = onCore();
const t = performance.now();
detect(text, { lang: process.argv[2] });
const first = performance.now() - t;
const firstOnCore = onCore() - core;
for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es']) detect(text, { lang });
detect('', {});
gc?.();
const retained = process.memoryUsage().heapUsed - before;
process.stdout.write(JSON.stringify({ first, firstOnCore: Number.isNaN(firstOnCore) ? null : firstOnCore, load, retainedMB: gc ? retained / 1e6 : null }));
