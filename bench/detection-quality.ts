/** Detection quality: the annotator's output scored against gold labels with the shared scorer. */
import { parseHTML } from 'linkedom';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotatePage } from '../lib/annotate-page';
import { toAnnotatedDocument } from '../lib/output/annotated-document';

type Gold = { page: string; lang: string; topic?: string; split?: string; mentions: unknown[] };

function annotate(file: string, page: string) {
  const a = annotatePage(parseHTML(readFileSync(file, 'utf8')).document as unknown as Document, `https://example.org/${page}`);
  return a ? toAnnotatedDocument(page, a) : { file: page, mentions: [] };
}

function score(shared: string, goldDir: string, docs: unknown[]): string {
  const pred = join(mkdtempSync(join(tmpdir(), 'score-')), 'pred.json');
  writeFileSync(pred, JSON.stringify(docs));
  return execFileSync(process.execPath, [join(shared, 'eval/score.mjs'), goldDir, pred], { encoding: 'utf8' });
}

/** Our labelled pages live one folder per case; the scorer wants one folder of NAME.gold.json. */
function labelledSets(filter: (g: Gold) => boolean): { goldDir: string; docs: unknown[]; n: number } {
  const goldDir = mkdtempSync(join(tmpdir(), 'gold-'));
  const docs: unknown[] = [];
  let n = 0;
  const root = 'tests/labelled';
  if (!existsSync(root)) return { goldDir, docs, n };
  for (const name of readdirSync(root).sort()) {
    const gold = JSON.parse(readFileSync(join(root, name, 'gold.json'), 'utf8')) as Gold;
    if (!filter(gold)) continue;
    writeFileSync(join(goldDir, `${name}.gold.json`), JSON.stringify({ ...gold, page: `${name}/source.html` }));
    docs.push(annotate(join(root, name, 'source.html'), `${name}/source.html`));
    n++;
  }
  return { goldDir, docs, n };
}

export function benchDetectionQuality(shared: string): void {
  const dev = join(shared, 'eval/dev');
  const devDocs = readdirSync(dev).filter((f) => f.endsWith('.html')).sort().map((f) => annotate(join(dev, f), f));
  console.log(`\n## Detection quality — shared dev pages (${devDocs.length})`);
  console.log(score(shared, dev, devDocs).trimEnd());
  const heldOut = (g: Gold) => g.split === 'held-out';
  const sets: [string, (g: Gold) => boolean][] = [
    ['held-out migration pages, labelled after the detector was written', (g) => heldOut(g) && g.topic !== 'general'],
    ['earlier labelled migration pages', (g) => !heldOut(g) && g.topic !== 'general'],
    ['general-news pages (politics, security, economy), held out: never looked at to write a rule', (g) => heldOut(g) && g.topic === 'general'],
    ['general-news pages whose misses were studied to write the rules for bodies outside the gazetteer', (g) => !heldOut(g) && g.topic === 'general'],
  ];
  for (const [title, filter] of sets) {
    const set = labelledSets(filter);
    if (!set.n) continue;
    console.log(`\n## Detection quality — ${title} (${set.n})`);
    console.log(score(shared, set.goldDir, set.docs).trimEnd());
  }
  console.log('\nPer language, all labelled migration pages (held-out + earlier):');
  for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es']) {
    const set = labelledSets((g) => g.lang === lang && g.topic !== 'general');
    if (!set.n) continue;
    const overall = score(shared, set.goldDir, set.docs).trim().split('\n').pop();
    console.log(`  ${lang}: ${overall}`);
  }
  console.log('Per language, held-out migration pages only:');
  for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es']) {
    const set = labelledSets((g) => g.lang === lang && heldOut(g) && g.topic !== 'general');
    if (!set.n) continue;
    const overall = score(shared, set.goldDir, set.docs).trim().split('\n').pop();
    console.log(`  ${lang}: ${overall}`);
  }
}
