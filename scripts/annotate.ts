/**
 * Command-line annotator: the extension's lib/ pipeline (Readability + detector) over saved pages.
 *
 *   npm run annotate -- [--format json|jsonl|csv|text] FILE|DIR...
 *   npm run annotate -- --format json|csv|markdown|w3c|csl|ris --out DIR FILE|DIR...
 *
 * With --out, the pages are written as the extension exports a library (lib/export/): a JSON
 * backup the extension can import, the CSV files, one Markdown note per page, W3C annotations,
 * CSL-JSON or RIS.
 */
import { parseHTML } from 'linkedom';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { annotatePage } from '../lib/annotate-page';
import { exportFiles, type ExportFormat } from '../lib/export/index';
import { clippingFromAnnotation } from '../lib/export/from-annotation';
import type { ExportClipping } from '../lib/export/types';
import { toAnnotatedDocument, type AnnotatedDocument } from '../lib/output/annotated-document';
import { mentionsCsv } from '../lib/output/mention-csv';
import { textReport } from '../lib/output/text-format';

const FORMATS = ['json', 'jsonl', 'csv', 'text', 'markdown', 'w3c', 'csl', 'ris'] as const;
type Format = (typeof FORMATS)[number];
/** Formats written as the library exports them, into --out DIR. */
const OUT_FORMATS: readonly Format[] = ['json', 'csv', 'markdown', 'w3c', 'csl', 'ris'];
/** Formats printed by their library writer when there is no --out (a single file each). */
const PRINTED_EXPORTS: readonly Format[] = ['w3c', 'csl', 'ris'];

const USAGE = `usage: npm run annotate -- [--format ${FORMATS.join('|')}] [--out DIR] FILE|DIR...
  Reads saved pages (.html or .html.gz; directories recursively) and prints their mentions.
  --out DIR writes files instead: json → migralens-library.json (importable backup); csv →
  clippings.csv, mentions.csv, figures.csv; markdown → one .md per page; w3c → annotations.jsonld;
  csl → clippings.csl.json; ris → clippings.ris.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { format: Format; out: string | null; inputs: string[] } {
  let format: Format = 'json';
  let out: string | null = null;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!FORMATS.includes(value as Format)) throw new UsageError(`unknown format: ${value ?? '(missing)'}`);
      format = value as Format;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!out) throw new UsageError('--out needs a directory');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else inputs.push(arg);
  }
  if (!inputs.length) throw new UsageError('no input files');
  if (out && !OUT_FORMATS.includes(format)) throw new UsageError(`--out writes ${OUT_FORMATS.join('|')}, not ${format}`);
  if (!out && format === 'markdown') throw new UsageError('markdown writes one file per page: give --out DIR');
  return { format, out, inputs };
}

const isPage = (name: string) => /\.html?(\.gz)?$/i.test(name);

async function* pageFiles(path: string): AsyncGenerator<string> {
  const info = await stat(path);
  if (!info.isDirectory()) { yield path; return; }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const child = join(path, e.name);
    if (e.isDirectory()) yield* pageFiles(child);
    else if (isPage(e.name)) yield child;
  }
}

type Annotated = { doc: AnnotatedDocument; clipping: ExportClipping };

async function annotateFile(file: string, ids: { id: number; firstMentionId: number }, savedAt: string): Promise<Annotated> {
  let bytes = await readFile(file);
  if (file.endsWith('.gz')) {
    try { bytes = gunzipSync(bytes); } catch { throw new Error('not a valid gzip file'); }
  }
  const html = bytes.toString('utf8');
  const { document } = parseHTML(html);
  const url = pathToFileURL(resolve(file)).href;
  const annotation = annotatePage(document as unknown as Document, url);
  if (!annotation) throw new Error('no article found');
  return { doc: toAnnotatedDocument(file, annotation), clipping: clippingFromAnnotation(annotation, ids, savedAt) };
}

/** Writes the library-export files of `format` into `dir`; returns their paths. */
async function writeExport(format: ExportFormat, clippings: ExportClipping[], dir: string, exportedAt: string): Promise<string[]> {
  const files = await exportFiles(format, { clippings, collections: [] }, { exportedAt, generator: 'migralens annotate' }, { pause: async () => {} });
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    await writeFile(path, f.content);
    paths.push(path);
  }
  return paths;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`annotate: ${e.message}`);
      console.error(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const docs: AnnotatedDocument[] = [];
  const clippings: ExportClipping[] = [];
  const now = new Date().toISOString();
  let failed = 0;
  for (const input of args.inputs) {
    const files: string[] = [];
    try {
      for await (const f of pageFiles(input)) files.push(f);
    } catch (e) {
      console.error(`${input}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      failed++;
      continue;
    }
    for (const file of files) {
      try {
        const firstMentionId = clippings.reduce((n, c) => n + c.mentions.length, 1);
        const { doc, clipping } = await annotateFile(file, { id: docs.length + 1, firstMentionId }, now);
        docs.push(doc);
        clippings.push(clipping);
        if (args.format === 'jsonl') process.stdout.write(JSON.stringify(doc) + '\n');
        if (args.format === 'text') process.stdout.write(textReport(doc) + '\n');
      } catch (e) {
        console.error(`${file}: ${(e as NodeJS.ErrnoException).code ? `cannot read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message}`);
        failed++;
      }
    }
  }
  if (args.out) {
    try {
      for (const path of await writeExport(args.format as ExportFormat, clippings, args.out, now)) process.stdout.write(path + '\n');
    } catch (e) {
      console.error(`${args.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return 1;
    }
    return failed ? 1 : 0;
  }
  if (args.format === 'json') process.stdout.write(JSON.stringify(docs, null, 2) + '\n');
  if (args.format === 'csv') process.stdout.write(mentionsCsv(docs));
  if (PRINTED_EXPORTS.includes(args.format)) {
    const [file] = await exportFiles(args.format as ExportFormat, { clippings, collections: [] }, { exportedAt: now, generator: 'migralens annotate' }, { pause: async () => {} });
    process.stdout.write(file.content);
  }
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 1; });
