import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/annotate.ts', ...args], { encoding: 'utf8' });

type Doc = { file: string; title: string; lang: string; published: string; text: string; mentions: { kind: string; start: number; end: number; text: string; value?: number; iso?: string }[] };

describe('npm run annotate', { timeout: 30_000 }, () => {
  test('prints the fixture pages with offsets that point into their text', () => {
    const r = run('--format', 'json', 'tests/fixtures/pages/calais-fr.html', 'tests/fixtures/pages/channel-en.html');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docs = JSON.parse(r.stdout) as Doc[];
    expect(docs.map((d) => d.file)).toEqual(['tests/fixtures/pages/calais-fr.html', 'tests/fixtures/pages/channel-en.html']);
    const [calais] = docs;
    expect(calais).toMatchObject({ lang: 'fr', title: expect.stringContaining('Naufrage dans la Manche') });
    for (const d of docs) for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
    const found = (kind: string) => calais.mentions.filter((m) => m.kind === kind).map((m) => m.text);
    expect(found('institution')).toEqual(expect.arrayContaining(['Frontex', 'Europol', 'Commission européenne']));
    expect(found('person')).toContain('Gérald Darmanin');
    expect(calais.mentions.find((m) => m.text === '27 personnes')?.value).toBe(27);
    expect(calais.mentions.find((m) => m.text === 'dimanche 28 novembre 2021')?.iso).toBe('2021-11-28');
  });

  test('reads directories recursively and gzip-compressed pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    writeFileSync(join(dir, 'page.html.gz'), gzipSync(readFileSync('tests/fixtures/pages/channel-en.html')));
    const r = run('--format', 'jsonl', dir);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).title).toContain('Channel deaths');
  });

  test('csv has a header and one parseable row per mention', () => {
    const r = run('--format', 'csv', 'tests/fixtures/pages/channel-en.html');
    const parsed = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toContain('kind');
    expect(parsed.data.length).toBeGreaterThan(5);
    expect(parsed.data.every((row) => row.file === 'tests/fixtures/pages/channel-en.html')).toBe(true);
  });

  test('text marks mentions for a reader', () => {
    const r = run('--format', 'text', 'tests/fixtures/pages/channel-en.html');
    expect(r.stdout).toContain('[Frontex]{institution');
  });

  test('a bad file is named with the reason, the others are still processed, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-bad-'));
    writeFileSync(join(dir, 'broken.html.gz'), 'not gzip at all');
    const r = run('--format', 'json', 'tests/fixtures/pages/no-article.html', join(dir, 'broken.html.gz'), 'missing.html', 'tests/fixtures/pages/channel-en.html');
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      'tests/fixtures/pages/no-article.html: no article found',
      `${join(dir, 'broken.html.gz')}: not a valid gzip file`,
      'missing.html: cannot read (ENOENT)',
    ]);
    expect((JSON.parse(r.stdout) as Doc[]).map((d) => d.file)).toEqual(['tests/fixtures/pages/channel-en.html']);
  });

  test('bad arguments exit 2 with usage', () => {
    for (const args of [['--format', 'xml', 'a.html'], [], ['--nope', 'a.html']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run annotate/);
    }
  });
});
