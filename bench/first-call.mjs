// Times the very first detect() call of a fresh process (matchers are built lazily on that call)
// and, with --expose-gc, the heap the detector keeps once warm in one language and in all six.
// It loads the detector as the extension ships it: one bundle (built by bench/detector.ts), not
// TypeScript compiled on the fly, whose compiler's caches would count as the detector's heap.
// The time the main thread spent on a core during the first call is printed too (Linux only):
// on a shared machine it varies much less than the wall-clock time, which includes waiting for
// a core, and unlike the process's CPU time it leaves out V8's background compiler threads.
//
//   node --expose-gc bench/first-call.mjs LANG BUNDLE.mjs < article.txt
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [lang, bundle] = process.argv.slice(2);
const text = readFileSync(0, 'utf8');
const gc = globalThis.gc;
const heap = () => { gc?.(); return process.memoryUsage().heapUsed; };
const before = heap();
const loadStart = performance.now();
const { detect } = await import(pathToFileURL(bundle).href);
const load = performance.now() - loadStart;
const SCHEDSTAT = '/proc/thread-self/schedstat';
const onCore = () => (existsSync(SCHEDSTAT) ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : NaN);
const core = onCore();
const t = performance.now();
detect(text, { lang });
const first = performance.now() - t;
const firstOnCore = onCore() - core;
const oneLanguage = heap() - before;
for (const l of ['fr', 'en', 'de', 'nl', 'it', 'es']) detect(text, { lang: l });
detect('', {});
const allLanguages = heap() - before;
process.stdout.write(JSON.stringify({
  first, firstOnCore: Number.isNaN(firstOnCore) ? null : firstOnCore, load,
  oneLanguageMB: gc ? oneLanguage / 1e6 : null, retainedMB: gc ? allLanguages / 1e6 : null,
}));
