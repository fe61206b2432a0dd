// @vitest-environment jsdom
// jsdom: the fixture pages are saved through the real pipeline, HTML sanitiser included.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import CSL from 'citeproc';
import { strFromU8, unzipSync } from 'fflate';
import { load as loadYaml } from 'js-yaml';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../../lib/db/schema';
import { authorsFromByline, dateParts } from '../../lib/export/bibliographic';
import { writeCslJson, type CslItem } from '../../lib/export/csl-json';
import { mapChunked, yieldToEventLoop } from '../../lib/export/chunked';
import { BOM, CLIPPING_COLUMNS, csvCell, csvFile, csvRow, FIGURE_COLUMNS, MENTION_COLUMNS, toCsv, writeCsvFiles } from '../../lib/export/csv';
import { exportFiles } from '../../lib/export/index';
import { escapeMarkdown, writeMarkdownFiles } from '../../lib/export/markdown';
import { readExportSource } from '../../lib/export/read-library';
import { writeRis } from '../../lib/export/ris';
import { sentenceAround } from '../../lib/export/sentence';
import type { ExportSource } from '../../lib/export/types';
import { pieceEnd, PIECE, textBlob } from '../../lib/export/utf8';
import { ANNO_CONTEXT, writeWebAnnotations, type AnnotationCollection } from '../../lib/export/web-annotation';
import { fromGzip, hasGzipStream, NATIVE_PIECE, zipFflate, zipFiles, zipNative } from '../../lib/export/zip';
import { zipWriter } from '../../lib/export/zip-writer';
import { seedLibrary } from './helpers/export-library';
import { blobBytes } from './helpers/read-blob';

const noPause = { pause: async () => {} };
let source: ExportSource;
const byTitle = (part: string) => source.clippings.find((c) => c.title.includes(part))!;

beforeAll(async () => {
  const db = openDatabase(`test-${Math.random()}`);
  await seedLibrary(db);
  source = await readExportSource(db, { kind: 'library' });
  await db.delete();
});

type Row = Record<string, string>;
const parseCsv = (text: string) => Papa.parse<Row>(text, { header: true, skipEmptyLines: true });

describe('CSV', () => {
  test('three RFC 4180 files with a BOM, which papaparse reads into the expected rows', async () => {
    const files = await writeCsvFiles(source, noPause);
    expect(files.map((f) => f.name)).toEqual(['clippings.csv', 'mentions.csv', 'figures.csv']);
    for (const f of files) {
      expect(f.content.startsWith(BOM)).toBe(true);
      expect(f.content.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/); // CRLF outside quoted cells
    }
    const [clippings, mentions, figures] = files.map((f) => parseCsv(f.content));
    for (const p of [clippings, mentions, figures]) expect(p.errors).toEqual([]);
    expect(clippings.meta.fields).toEqual([...CLIPPING_COLUMNS]);
    expect(mentions.meta.fields).toEqual([...MENTION_COLUMNS]);
    expect(figures.meta.fields).toEqual([...FIGURE_COLUMNS]);

    expect(clippings.data).toHaveLength(3);
    const calais = byTitle('Naufrage');
    const row = clippings.data.find((r) => r.clipping_id === String(calais.id))!;
    expect(row).toMatchObject({ title: calais.title, tags: 'channel; shipwreck 2021', collections: 'Calais; Thesis ch. 2', note: 'Check the 27: Préfecture vs. HCR\nsecond line' });
    expect(Number(row.institutions)).toBe(calais.summary.counts.institution);

    expect(mentions.data).toHaveLength(source.clippings.reduce((n, c) => n + c.mentions.length, 0));
    const frontex = mentions.data.find((r) => r.clipping_id === String(calais.id) && r.text === 'Frontex')!;
    expect(frontex).toMatchObject({ url: calais.url, title: calais.title, kind: 'institution', canonical: 'Frontex', published: calais.published ?? '' });
    for (const r of mentions.data) {
      const c = source.clippings.find((x) => String(x.id) === r.clipping_id)!;
      expect(c.text.slice(Number(r.start), Number(r.end))).toBe(r.text.replace(/^'(?=[=+\-@])/, ''));
    }
  });

  test('figures carry value, unit, category, qualifier and their sentence', async () => {
    const figures = parseCsv((await writeCsvFiles(source, noPause))[2].content).data;
    const hand = byTitle('HYPERLINK');
    const rows = figures.filter((r) => r.clipping_id === String(hand.id));
    expect(rows).toEqual([
      expect.objectContaining({ text: 'At least 27 people', value: '27', value_max: '', unit: 'people', category: 'deaths', qualifier: 'at least', sentence: 'At least 27 people died on 24 November 2021.' }),
      expect.objectContaining({ text: '1.5 million euros', value: '1500000', unit: 'EUR', category: 'money', sentence: 'Frontex said 1.5 million euros were spent.' }),
    ]);
    expect(figures.some((r) => r.text === '27 personnes' && r.value === '27')).toBe(true);
  });

  test('rows written a cell at a time are byte for byte what papaparse writes for the whole table', () => {
    const awkward: (string | number)[] = ['', ' lead', 'trail ', '=1+2', '+x', '-5', -5, '@a', '\tx', '\rx', 'a,b', 'say "hi"', 'two\r\nlines',
      '=a\nb', '\uFEFFbom', 'é😀', 0, 1.5, 1e21, NaN, 'plain'];
    const rows = Array.from({ length: 60 }, (_, i) => [awkward[i % awkward.length], awkward[(i * 7) % awkward.length], i]);
    expect(csvFile(['a', 'b', 'n'], rows.map((r) => csvRow(r)))).toBe(toCsv(['a', 'b', 'n'], rows));
    expect(csvFile(['a', 'b', 'n'], [])).toBe(toCsv(['a', 'b', 'n'], []));
  });

  test('a cell is what papaparse writes for it, whatever characters it is made of', () => {
    const unparse = (v: unknown) => Papa.unparse([[v]], { newline: '\r\n', quotes: false, escapeFormulae: true });
    // Every character that papaparse treats apart, at the start, inside and at the end of a cell.
    const alphabet = ['a', 'é', '😀', ' ', ',', '"', '\r', '\n', '\uFEFF', '=', '+', '-', '@', '\t', "'", '\u2028', ';', '\u00a0'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: next() % 6 }, () => alphabet[next() % alphabet.length]).join('');
      expect(csvCell(text)).toBe(unparse(text));
    }
    for (const v of [0, -0, -5, 1.5, 1e21, -1e-7, NaN, Infinity, null, undefined, true, new Date('2024-04-01T00:00:00Z'), 12n]) {
      expect(csvCell(v)).toBe(unparse(v));
    }
  });

  test('a figure\'s sentence is the one a plain character-by-character scan finds', () => {
    // The definition, with the boundary pattern tested at every step: what sentenceAround must keep giving.
    const plainSentence = (text: string, start: number, end: number) => {
      let from = start;
      while (from > 0 && start - from < 600 && !/[.!?…]["'»”)]*\s+$|\n\s*$/.test(text.slice(Math.max(0, from - 4), from))) from--;
      let to = end;
      while (to < text.length && to - end < 600) {
        const ch = text[to];
        if (ch === '\n') break;
        to++;
        if (/[.!?…]/.test(ch) && (to >= text.length || /[\s"'»”)]/.test(text[to]))) {
          while (to < text.length && /["'»”)]/.test(text[to])) to++;
          break;
        }
      }
      return text.slice(from, to).replace(/\s+/g, ' ').trim();
    };
    // Every kind of white space /\s/ knows, and two it does not (U+180E, U+200B).
    const alphabet = ['a', 'b', ' ', ' ', '.', '!', '?', '…', '"', '\'', '»', '”', ')', '\n', '\u00a0', '\t', '3', ',',
      '\r', '\v', '\f', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b', '\u201c'];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 5 + (next() % 60) }, () => alphabet[next() % alphabet.length]).join('');
      for (let start = 0; start < text.length; start++) {
        const end = Math.min(text.length, start + (k % 3));
        expect(sentenceAround(text, start, end)).toBe(plainSentence(text, start, end));
      }
    }
    const long = `${'word '.repeat(300)}27 people. Next`;
    expect(sentenceAround(long, long.indexOf('27'), long.indexOf('27') + 9)).toBe(plainSentence(long, long.indexOf('27'), long.indexOf('27') + 9));
  });

  test('a headline that looks like a formula is written as text, quotes doubled', async () => {
    const clippings = (await writeCsvFiles(source, noPause))[0].content;
    expect(clippings).toContain('"\'=HYPERLINK(""x"") crossings, ""quoted"""');
  });
});

test('zip: the files come back out, accents intact', async () => {
  const files = await exportFiles('csv', source, { exportedAt: '2024-04-01T00:00:00.000Z', generator: 'test' }, noPause);
  const progress: [number, number][] = [];
  const zipped = await zipFiles(files, { ...noPause, mtime: new Date('2024-04-01T00:00:00Z'), onProgress: (d, t) => progress.push([d, t]) });
  const out = unzipSync(zipped);
  expect(Object.keys(out)).toEqual(['clippings.csv', 'mentions.csv', 'figures.csv']);
  expect([...out['clippings.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, as bytes
  expect(strFromU8(out['clippings.csv'])).toBe(files[0].content.slice(1)); // TextDecoder drops it
  expect(strFromU8(out['clippings.csv'])).toContain('Préfecture');
  const chars = files.reduce((n, f) => n + f.content.length, 0);
  expect(progress.at(-1)).toEqual([chars, chars]);
});

test('zip: a file larger than one piece comes back whole, with a surrogate pair on the cut, progress and pauses between pieces', async () => {
  // 1 MiB - 1 characters, then an emoji whose two halves straddle the first piece's end.
  const big = 'a'.repeat(PIECE - 1) + '😀' + 'é «x»\r\n'.repeat(200_000);
  let pauses = 0;
  const progress: number[] = [];
  const zipped = await zipFiles([{ name: 'big.txt', content: big }, { name: 'empty.txt', content: '' }], {
    pause: async () => { pauses++; }, sliceMs: 0, onProgress: (d) => progress.push(d),
  });
  const out = unzipSync(zipped);
  expect(strFromU8(out['big.txt'])).toBe(big);
  expect(out['empty.txt']).toHaveLength(0);
  expect(pauses).toBeGreaterThanOrEqual(2);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(big.length);
});

describe('zip, with the platform\'s compressor and without', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  const files = [
    { name: 'mentions.csv', content: `${BOM}a,b\r\n${'Préfecture «x»,😀\r\n'.repeat(60_000)}` },
    { name: 'empty.txt', content: '' },
    { name: 'notes/Été à Calais — 27 personnes.md', content: '# Été\n\n> « 27 personnes »\n' },
  ];
  const mtime = new Date(2024, 3, 1, 12, 30, 10);
  const contents = (zipped: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zipped)).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));

  test('both ways give the same files, names and dates', async () => {
    expect(hasGzipStream()).toBe(true); // Node 18+, as in Chromium and Firefox
    const native = await zipNative(files, { ...noPause, mtime });
    const fallback = await zipFflate(files, { ...noPause, mtime });
    const expected = Object.fromEntries(files.map((f) => [f.name, f.content]));
    expect(contents(native)).toEqual(expected);
    expect(contents(fallback)).toEqual(expected);
    // The first local header's MS-DOS date and time.
    const dosDate = (zipped: Uint8Array) => new DataView(zipped.buffer, zipped.byteOffset).getUint32(10, true);
    expect(dosDate(native)).toBe(dosDate(fallback));
  });

  test('a standard unzip reads the archive the platform\'s compressor made', async (context) => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); } catch { context.skip(); }
    const dir = mkdtempSync(join(tmpdir(), 'migralens-zip-'));
    try {
      const path = join(dir, 'export.zip');
      writeFileSync(path, await zipNative(files, { ...noPause, mtime }));
      expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
      expect(execFileSync('unzip', ['-p', path, 'mentions.csv'], { encoding: 'utf8', maxBuffer: 64 << 20 })).toBe(files[0].content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without CompressionStream, zipFiles falls back to fflate', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    expect(hasGzipStream()).toBe(false);
    const zipped = await zipFiles(files, { ...noPause, mtime });
    expect(contents(zipped)).toEqual(Object.fromEntries(files.map((f) => [f.name, f.content])));
  });

  // Written as an export writes them: a run of text at a time (never cut inside a surrogate pair),
  // the files interleaved, some runs longer than a buffer.
  const writeInterleaved = async () => {
    const zip = zipWriter();
    const sinks = files.map((f) => zip.entry(f.name));
    files.forEach((f, i) => {
      for (let at = 0, k = 0; at < f.content.length; k++) {
        const end = pieceEnd(f.content, at, [2, 7, 5000, NATIVE_PIECE, 3 * NATIVE_PIECE][k % 5]);
        sinks[i].write(f.content.slice(at, end));
        at = end;
      }
    });
    return zip.finish(mtime);
  };

  test('a zip written as the files are, with the platform\'s compressor and without, holds the same files', async () => {
    const expected = Object.fromEntries(files.map((f) => [f.name, f.content]));
    const streamed = await writeInterleaved();
    expect(contents(streamed)).toEqual(expected);
    // The same archive as zipNative makes from the whole texts, byte for byte.
    expect([...streamed]).toEqual([...await zipNative(files, { ...noPause, mtime })]);
    vi.stubGlobal('CompressionStream', undefined);
    expect(contents(await writeInterleaved())).toEqual(expected);
  });

  test('a compressor that refuses gzip counts as none', () => {
    vi.stubGlobal('CompressionStream', class { constructor() { throw new TypeError('unsupported'); } });
    expect(hasGzipStream()).toBe(false);
  });

  test('the deflate data and checksum are read past any optional gzip header field', () => {
    // A gzip member of the empty input, with FEXTRA, FNAME, FCOMMENT and FHCRC set: deflate 03 00,
    // CRC-32 0, size 0.
    const gz = Uint8Array.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 2, 0, 0xaa, 0xbb, 0x61, 0, 0x62, 0, 0x12, 0x34, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const { data, crc, size } = fromGzip(gz, 0);
    expect([...data]).toEqual([3, 0]);
    expect([crc, size]).toEqual([0, 0]);
    expect(() => fromGzip(gz, 1)).toThrow();
    expect(() => fromGzip(gz.subarray(1), 0)).toThrow();
  });
});

describe('UTF-8 pieces', () => {
  test('a long text made into a Blob a piece at a time comes back whole, never cut inside a surrogate pair', async () => {
    const text = `${'x'.repeat(PIECE - 1)}😀${'ü😀'.repeat(PIECE / 2)}`;
    const progress: number[] = [];
    let pauses = 0;
    const blob = await textBlob(text, 'application/json', { piece: PIECE, pause: async () => { pauses++; }, sliceMs: 0, onProgress: (d) => progress.push(d) });
    expect(blob.type).toBe('application/json');
    // Compared as Buffers: element by element is slow.
    const bytes = await blobBytes(blob);
    expect(bytes.equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
    expect(bytes.toString('utf8')).toBe(text);
    expect(pauses).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(text.length);
  });

});

describe('slices of work', () => {
  test('mapChunked maps every item in order and pauses only once a slice has run its time', async () => {
    let pauses = 0;
    const progress: number[] = [];
    const items = Array.from({ length: 50 }, (_, i) => i);
    const options = { pause: async () => { pauses++; }, onProgress: (d: number) => progress.push(d) };
    expect(await mapChunked(items, (x) => x * 2, { ...options, sliceMs: 0 })).toEqual(items.map((x) => x * 2));
    expect(pauses).toBe(49); // after every item but the last
    expect(progress).toEqual([...items.slice(1), 50]);
    pauses = 0;
    progress.length = 0;
    await mapChunked(items, (x) => x, { ...options, sliceMs: 60_000 });
    expect(pauses).toBe(0);
    expect(progress).toEqual([50]);
  });

  test('the default pause hands control back to the event loop, not just to the microtasks', async () => {
    // Microtasks all run before the next task: a real yield sees the whole chain finished.
    let chain = 0;
    const spin = () => { if (++chain < 100) queueMicrotask(spin); };
    queueMicrotask(spin);
    await yieldToEventLoop();
    expect(chain).toBe(100);
  });
});

describe('Markdown', () => {
  test('one note per clipping, YAML front matter a YAML parser reads, the text and the entities', async () => {
    const files = await writeMarkdownFiles(source, noPause);
    expect(files).toHaveLength(3);
    expect(new Set(files.map((f) => f.name)).size).toBe(3);
    for (const f of files) expect(f.name).toMatch(/^\d{4}-\d{2}-\d{2} [^/\\:*?"<>|#^[\]]+\.md$/);
    const calais = byTitle('Naufrage');
    const note = files.find((f) => f.content.includes(`migralens_id: ${calais.id}`))!.content;
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note)!;
    const meta = loadYaml(front) as Record<string, unknown>;
    expect(meta).toMatchObject({ title: calais.title, source: calais.url, site: calais.siteName, tags: ['channel', 'shipwreck-2021'], collections: ['Calais', 'Thesis ch. 2'] });
    expect(meta.institutions).toEqual(expect.arrayContaining(['Frontex', 'Europol']));
    expect(meta.people).toContain('Gérald Darmanin');
    expect(meta.dates).toContain('2021-11-28');
    expect(body).toContain('> [!note] Note\n> Check the 27: Préfecture vs. HCR\n> second line');
    expect(body).toContain('## Article');
    expect(body).toMatch(/### Institutions\n\n(- .*\n)*- Frontex/);
    expect(body).toMatch(/### Figures\n\n(- .*\n)*- 27 personnes — 27, people, deaths/);
  });

  test('hostile or awkward text stays text', async () => {
    expect(escapeMarkdown('#tag [[link]] *bold* $x$ <b>')).toBe('\\#tag \\[\\[link\\]\\] \\*bold\\* \\$x\\$ \\<b\\>');
    expect(escapeMarkdown('- not a list\n12) not a list')).toBe('\\- not a list\n12\\) not a list');
    const hand = byTitle('HYPERLINK');
    const note = (await writeMarkdownFiles({ clippings: [hand], collections: [] }, noPause))[0].content;
    const meta = loadYaml(/^---\n([\s\S]*?)\n---/.exec(note)![1]) as Record<string, unknown>;
    expect(meta.title).toBe(hand.title);
    expect(meta.author).toBe('By Anna Smith and Ursula von der Leyen');
  });
});

describe('W3C Web Annotation', () => {
  test('one annotation per mention, each with every field the model requires', async () => {
    const doc = JSON.parse(await writeWebAnnotations(source, '2024-04-01T00:00:00.000Z', noPause)) as AnnotationCollection;
    expect(doc).toMatchObject({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage' } });
    const items = doc.first.items;
    const total = source.clippings.reduce((n, c) => n + c.mentions.length, 0);
    expect(items).toHaveLength(total);
    expect(doc.total).toBe(total);
    expect(new Set(items.map((a) => a.id)).size).toBe(total);
    for (const a of items) {
      expect(a['@context']).toBe(ANNO_CONTEXT);
      expect(a.id).toMatch(/^urn:migralens:clipping:\d+:mention:\d+$/);
      expect(a.type).toBe('Annotation');
      expect(a.target.source).toMatch(/^https:\/\//);
      const [quote, position] = a.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      const c = source.clippings.find((x) => a.id.startsWith(`urn:migralens:clipping:${x.id}:`))!;
      expect(c.text.slice(position.start, position.end)).toBe(quote.exact);
      expect(c.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(a.body.find((b) => 'purpose' in b && b.purpose === 'tagging')).toMatchObject({ type: 'TextualBody', value: expect.stringMatching(/^(institution|role|person|figure|date)$/) });
      expect(a.body.some((b) => b.purpose === 'identifying')).toBe(true);
    }
    const hand = byTitle('HYPERLINK');
    const frontex = items.find((a) => a.id.startsWith(`urn:migralens:clipping:${hand.id}:`) && a.target.selector[0].exact === 'Frontex');
    expect(frontex?.body).toContainEqual({ id: 'http://www.wikidata.org/entity/Q208389', purpose: 'identifying' });
  });
});

describe('CSL-JSON', () => {
  test('one article-newspaper item per clipping, which citeproc-js renders as a bibliography', () => {
    const items = JSON.parse(writeCslJson(source)) as CslItem[];
    expect(items).toHaveLength(3);
    const hand = items.find((i) => i.title.includes('HYPERLINK'))!;
    expect(hand).toMatchObject({
      type: 'article-newspaper', 'container-title': 'News Example', URL: 'https://news.example/channel?utm_source=x', language: 'en',
      author: [{ given: 'Anna', family: 'Smith' }, { given: 'Ursula', family: 'von der Leyen' }],
      issued: { 'date-parts': [[2021, 11, 25]] }, accessed: { 'date-parts': [[2024, 3, 3]] },
    });
    const byId = new Map(items.map((i) => [i.id, i]));
    const engine = new CSL.Engine({
      retrieveLocale: () => readFileSync('tests/fixtures/csl/locales-en-US.xml', 'utf8'),
      retrieveItem: (id) => byId.get(id),
    }, readFileSync('tests/fixtures/csl/newspaper-test.csl', 'utf8'), 'en-US');
    engine.updateItems([...byId.keys()]);
    const bib = engine.makeBibliography();
    expect(bib).not.toBe(false);
    const entries = (bib as [unknown, string[]])[1];
    expect(entries).toHaveLength(3);
    expect(entries.join('')).toContain('Smith, Anna and Ursula von der Leyen. “=HYPERLINK(‘x’) crossings, ‘quoted.’” <i>News Example</i>. 2021-11-25. https://news.example/channel?utm_source=x. Accessed 2024-03-03.');
    expect(entries.join('')).toContain('<i>Le Littoral Info</i>');
  });

  test('bylines and dates', () => {
    expect(authorsFromByline('Par Julia Pascual et Jean-Baptiste Chastand')).toEqual([{ given: 'Julia', family: 'Pascual' }, { given: 'Jean-Baptiste', family: 'Chastand' }]);
    expect(authorsFromByline('Le Monde avec AFP')).toEqual([{ given: 'Le', family: 'Monde' }, { literal: 'AFP' }]);
    expect(authorsFromByline('BBC News')).toEqual([{ literal: 'BBC News' }]);
    expect(authorsFromByline(null)).toEqual([]);
    expect(dateParts('2021-11-28T23:30:00-05:00')).toEqual([2021, 11, 28]);
    expect(dateParts('Sun, 28 Nov 2021 10:00:00 GMT')).toEqual([2021, 11, 28]);
    expect(dateParts('soon')).toBeNull();
  });
});

describe('RIS', () => {
  test('one NEWS record per clipping, which a RIS parser reads back', () => {
    const ris = writeRis(source);
    expect(ris.split('\r\n').filter((l) => l.length).every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(ris.match(/^TY {2}- NEWS$/gm)).toHaveLength(3);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(3);
    const parsed = new Cite(ris).data;
    expect(parsed).toHaveLength(3);
    const hand = parsed.find((r) => String(r.title).includes('HYPERLINK'))!;
    // citation-js follows the RIS spec for NEWS: AU is the reporter, PY the year (DA, the full date, is for Zotero).
    expect(hand).toMatchObject({
      type: 'article-newspaper', id: expect.stringMatching(/^migralens-\d+$/), title: '=HYPERLINK("x") crossings, "quoted"',
      'container-title': 'News Example', URL: 'https://news.example/channel?utm_source=x', language: 'en',
      issued: { 'date-parts': [[2021]] }, accessed: { 'date-parts': [[2024, 3, 3]] }, abstract: 'Line one line two',
    });
    expect(JSON.stringify(hand.reporter)).toContain('Smith, Anna');
    expect(ris).toContain('AU  - Smith, Anna\r\nAU  - von der Leyen, Ursula\r\nPY  - 2021\r\nDA  - 2021/11/25/\r\nY2  - 2024/03/03/');
  });
});
