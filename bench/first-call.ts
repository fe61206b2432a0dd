// Times the very first detect() call of a fresh process (matchers built lazily on that call).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detect } from '../lib/detect';

const text = readFileSync(0, 'utf8');
const t = performance.now();
detect(text, { lang: process.argv[2] });
process.stdout.write(String(performance.now() - t));
