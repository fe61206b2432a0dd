import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { readBackup } from '../../lib/import/read-backup';

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

  test('--out writes the library export formats as files', () => {
    const pages = ['tests/fixtures/pages/calais-fr.html', 'tests/fixtures/pages/channel-en.html'];
    const json = JSON.parse(run('--format', 'json', ...pages).stdout) as Doc[];
    const mentionCount = json.reduce((n, d) => n + d.mentions.length, 0);
    const expected: Record<string, string[]> = {
      json: ['migralens-library.json'], csv: ['clippings.csv', 'figures.csv', 'mentions.csv'], w3c: ['annotations.jsonld'],
      csl: ['clippings.csl.json'], ris: ['clippings.ris'],
    };
    for (const [format, names] of Object.entries(expected)) {
      const dir = mkdtempSync(join(tmpdir(), `annotate-${format}-`));
      const r = run('--format', format, '--out', dir, ...pages);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(names);
      expect(r.stdout.trim().split('\n').sort()).toEqual(names.map((n) => join(dir, n)));
    }
    const dir = mkdtempSync(join(tmpdir(), 'annotate-out-'));
    run('--format', 'csv', '--out', dir, ...pages);
    const mentions = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'mentions.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(mentions.errors).toEqual([]);
    expect(mentions.data).toHaveLength(mentionCount);
    expect(mentions.data.filter((m) => m.text === 'Frontex').length).toBeGreaterThan(0);
    run('--format', 'json', '--out', dir, ...pages);
    const backup = readBackup(readFileSync(join(dir, 'migralens-library.json'), 'utf8'));
    expect(backup.ok && backup.backup.clippings.map((c) => c.title)).toEqual(json.map((d) => d.title));
    run('--format', 'ris', '--out', dir, ...pages);
    expect(readFileSync(join(dir, 'clippings.ris'), 'utf8').match(/^TY {2}- NEWS\r$/gm)).toHaveLength(2);
  }, 180_000); // nine runs of the annotator

  test('markdown writes one note per page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-md-'));
    const r = run('--format', 'markdown', '--out', dir, 'tests/fixtures/pages/calais-fr.html', 'tests/fixtures/pages/channel-en.html');
    expect(r.status).toBe(0);
    const notes = readdirSync(dir).sort();
    expect(notes).toHaveLength(2);
    const calais = readFileSync(join(dir, notes.find((n) => n.includes('Naufrage'))!), 'utf8');
    expect(calais).toMatch(/^---\ntitle: "Naufrage dans la Manche/);
    expect(calais).toContain('### Institutions');
  });

  test('csl, ris and w3c print to stdout without --out', () => {
    const csl = JSON.parse(run('--format', 'csl', 'tests/fixtures/pages/channel-en.html').stdout);
    expect(csl).toEqual([expect.objectContaining({ type: 'article-newspaper', title: expect.stringContaining('Channel deaths') })]);
    expect(run('--format', 'ris', 'tests/fixtures/pages/channel-en.html').stdout).toMatch(/^TY {2}- NEWS\r\n/);
    expect(JSON.parse(run('--format', 'w3c', 'tests/fixtures/pages/channel-en.html').stdout).type).toBe('AnnotationCollection');
  }, 90_000);

  test('bad arguments exit 2 with usage', () => {
    for (const args of [['--format', 'xml', 'a.html'], [], ['--nope', 'a.html'], ['--format', 'markdown', 'a.html'], ['--format', 'text', '--out', 'x', 'a.html'], ['--out']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run annotate/);
    }
  }, 90_000);
});
