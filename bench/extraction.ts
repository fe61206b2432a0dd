/** Article-body extraction on the extraction benchmark: Readability alone and MigraLens's extraction. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { extractArticle, type ExtractedArticle } from '../lib/extract/extract-article';
import { ms, quantile } from './shared-data';

/**
 * The article body as the benchmark defines it: MigraLens's text without the headline and
 * standfirst it puts first and without image captions (which MigraLens annotates too).
 */
export function articleBody(a: ExtractedArticle): string {
  let body = '';
  let pos = a.bodyStart;
  for (const c of a.captions) {
    if (c.end <= pos) continue;
    body += a.text.slice(pos, Math.max(pos, c.start));
    pos = Math.max(pos, c.end);
  }
  return body + a.text.slice(pos);
}

type Scores = { f1: number; precision: number; recall: number };

function score(shared: string, predictions: Record<string, { articleBody: string }>): Scores {
  const file = join(mkdtempSync(join(tmpdir(), 'extract-')), 'pred.json');
  writeFileSync(file, JSON.stringify(predictions));
  const out = execFileSync(process.execPath, [join(shared, 'eval/extraction-score.mjs'), file], { encoding: 'utf8' });
  const num = (name: string) => Number(new RegExp(`${name}[^0-9]*([0-9.]+)`, 'i').exec(out)?.[1] ?? NaN);
  return { f1: num('F1'), precision: num('precision'), recall: num('recall') };
}

export function benchExtraction(shared: string): void {
  const dir = join(shared, 'corpus/extraction-benchmark/html');
  const files = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort();
  const readability: Record<string, { articleBody: string }> = {};
  const ours: Record<string, { articleBody: string }> = {};
  const tR: number[] = [], tO: number[] = [];
  for (const f of files) {
    const id = f.replace(/\.html\.gz$/, '');
    const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    let t = performance.now();
    const r = new Readability(parseHTML(html).document as unknown as Document).parse();
    tR.push(performance.now() - t);
    readability[id] = { articleBody: r?.textContent ?? '' };
    t = performance.now();
    const a = extractArticle(parseHTML(html).document as unknown as Document, `https://example.org/${id}`, { skipReaderableCheck: true });
    tO.push(performance.now() - t);
    ours[id] = { articleBody: a ? articleBody(a) : '' };
  }
  const sR = score(shared, readability), sO = score(shared, ours);
  console.log(`\n## Article-body extraction (${files.length} pages of the extraction benchmark, its own scoring)`);
  console.log('                      F1      precision  recall   median time  p95 time');
  const row = (name: string, s: Scores, t: number[]) =>
    console.log(`${name.padEnd(20)}  ${s.f1.toFixed(3)}   ${s.precision.toFixed(3)}      ${s.recall.toFixed(3)}    ${ms(quantile(t, 0.5)).padStart(9)}  ${ms(quantile(t, 0.95)).padStart(9)}`);
  row('Readability alone', sR, tR);
  row('MigraLens', sO, tO);
}
