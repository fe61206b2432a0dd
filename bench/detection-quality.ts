/** Detection quality: the annotator's output scored against gold labels with the shared scorer. */
import { parseHTML } from 'linkedom';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotatePage } from '../lib/annotate-page';
import { toAnnotatedDocument } from '../lib/output/annotated-document';

type Gold = { page: string; lang: string; topic?: string; mentions: unknown[] };

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
  const migration = labelledSets((g) => g.topic !== 'general');
  if (migration.n) {
    console.log(`\n## Detection quality — our labelled migration pages (${migration.n})`);
    console.log(score(shared, migration.goldDir, migration.docs).trimEnd());
  }
  const general = labelledSets((g) => g.topic === 'general');
  if (general.n) {
    console.log(`\n## Detection quality — our labelled general-news pages (${general.n})`);
    console.log(score(shared, general.goldDir, general.docs).trimEnd());
  }
  for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es']) {
    const set = labelledSets((g) => g.lang === lang);
    if (!set.n) continue;
    const overall = score(shared, set.goldDir, set.docs).trim().split('\n').pop();
    console.log(`  ${lang}: ${overall}`);
  }
  mkdirSync('bench-output', { recursive: true });
}
