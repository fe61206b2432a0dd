/** Detector speed: warm and first-call times per 1,500-word article, growth with size, the real corpus. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detect } from '../lib/detect';
import { extractArticle } from '../lib/extract/extract-article';
import { ms, quantile } from './shared-data';

/** A 1,500-word article in each language, made of the labelled pages' own article text. */
function sampleArticles(): { lang: string; text: string; published: string }[] {
  const out: { lang: string; text: string; published: string }[] = [];
  const dir = 'tests/labelled';
  if (!existsSync(dir)) return out;
  const byLang = new Map<string, string[]>();
  let published = '2024-01-01';
  for (const name of readdirSync(dir).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, name, 'gold.json'), 'utf8'));
    const a = extractArticle(parseHTML(readFileSync(join(dir, name, 'source.html'), 'utf8')).document as unknown as Document, `https://example.org/${name}`);
    if (!a) continue;
    published = gold.published ?? published;
    byLang.set(gold.lang, [...(byLang.get(gold.lang) ?? []), a.text]);
  }
  for (const [lang, texts] of byLang) {
    let words = texts.join('\n\n').split(/\s+/);
    while (words.length < 1500) words = words.concat(words);
    out.push({ lang, text: words.slice(0, 1500).join(' '), published });
  }
  return out;
}

export function benchDetector(shared: string | null): void {
  console.log('\n## Detector speed (1,500-word articles, this machine)');
  const samples = sampleArticles();
  // The entity detectors keep the analysis of the last text, so the same text again is partly
  // answered from it; "new text" alternates two texts (one with a trailing space) to time the
  // work an article the detector has not just read costs.
  console.log('lang  warm median  warm p95   mentions  new text: median     p95');
  for (const s of samples) {
    for (let i = 0; i < 20; i++) detect(s.text + ' '.repeat(i % 2), { lang: s.lang, published: s.published });
    const times: number[] = [];
    const fresh: number[] = [];
    let n = 0;
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      n = detect(s.text, { lang: s.lang, published: s.published }).length;
      times.push(performance.now() - t);
    }
    for (let i = 0; i < 200; i++) {
      const text = s.text + ' '.repeat(i % 2);
      const t = performance.now();
      detect(text, { lang: s.lang, published: s.published });
      fresh.push(performance.now() - t);
    }
    console.log(`${s.lang.padEnd(4)}  ${ms(quantile(times, 0.5)).padStart(11)}  ${ms(quantile(times, 0.95)).padStart(9)}  ${String(n).padStart(8)}  ${ms(quantile(fresh, 0.5)).padStart(16)}  ${ms(quantile(fresh, 0.95)).padStart(9)}`);
  }
  // The first call in a fresh process includes building the matchers. Three processes per
  // language, medians: one run on a shared machine says little.
  type FirstCall = { first: number; firstOnCore: number | null; oneLanguageMB: number; retainedMB: number };
  const dir = mkdtempSync(join(tmpdir(), 'migralens-detect-'));
  const bundle = join(dir, 'detect.mjs');
  // Bundled and minified the way the extension build bundles it for the background.
  buildSync({ entryPoints: ['lib/detect/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: bundle, logLevel: 'silent' });
  const runs = samples.map((s) => {
    const tries: FirstCall[] = [];
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, ['--expose-gc', 'bench/first-call.mjs', s.lang, bundle], { encoding: 'utf8', input: s.text });
      tries.push(JSON.parse(out) as FirstCall);
    }
    const onCore = tries.map((r) => r.firstOnCore).filter((x): x is number => x !== null);
    return {
      lang: s.lang,
      first: quantile(tries.map((r) => r.first), 0.5),
      onCore: onCore.length ? quantile(onCore, 0.5) : null,
      oneLanguageMB: quantile(tries.map((r) => r.oneLanguageMB), 0.5),
      retainedMB: quantile(tries.map((r) => r.retainedMB), 0.5),
    };
  });
  rmSync(dir, { recursive: true, force: true });
  console.log(`first call in a fresh process (median of 3): ${runs.map((r) => `${r.lang} ${ms(r.first)}`).join(', ')}`);
  if (runs.every((r) => r.onCore !== null)) {
    console.log(`  of which the main thread was on a core: ${runs.map((r) => `${r.lang} ${ms(r.onCore!)}`).join(', ')}`);
  }
  console.log(`heap kept by the detector (its bundle loaded and warm), medians of 3: in the article's language ${runs.map((r) => `${r.lang} ${r.oneLanguageMB.toFixed(1)}`).join(', ')} MB;`
    + ` in all six languages ${Math.min(...runs.map((r) => r.retainedMB)).toFixed(1)}–${Math.max(...runs.map((r) => r.retainedMB)).toFixed(1)} MB`);

  const base = samples.find((s) => s.lang === 'en') ?? samples[0];
  if (base) {
    console.log('\ngrowth with size (en text repeated):');
    let last = 0;
    for (const size of [10_000, 100_000, 1_000_000, 5_000_000]) {
      let text = base.text;
      while (text.length < size) text += '\n\n' + text;
      text = text.slice(0, size);
      const t = performance.now();
      detect(text, { lang: base.lang, published: base.published });
      const took = performance.now() - t;
      console.log(`  ${String(size / 1000).padStart(5)} KB  ${ms(took).padStart(10)}  (${(took / (size / 1000)).toFixed(3)} ms/KB)${last ? `  ×${(took / last).toFixed(1)} for ×${size === 100_000 || size === 1_000_000 ? 10 : 5} size` : ''}`);
      last = took;
    }
    const heapBefore = process.memoryUsage().heapUsed;
    detect(base.text, { lang: base.lang });
    console.log(`heap after warm-up: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB (delta of one call ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(2)} MB)`);
  }

  if (shared) {
    const dir = join(shared, 'corpus/readability');
    const names = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'source.html'))).sort();
    const times: number[] = [];
    let total = 0;
    for (const name of names) {
      const r = new Readability(parseHTML(readFileSync(join(dir, name, 'source.html'), 'utf8')).document as unknown as Document).parse();
      const text = r?.textContent ?? '';
      const t = performance.now();
      total += detect(text).length;
      times.push(performance.now() - t);
    }
    console.log(`\nover the ${names.length} Readability test pages (Readability's text, language detected): median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}, ${total} mentions`);
  }
}
