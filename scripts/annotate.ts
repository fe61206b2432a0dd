/**
 * Command-line annotator: the extension's lib/ pipeline (Readability + detector) over saved pages.
 *
 *   npm run annotate -- [--format json|jsonl|csv|text] FILE|DIR...
 */
import { parseHTML } from 'linkedom';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { annotatePage } from '../lib/annotate-page';
import { toAnnotatedDocument, type AnnotatedDocument } from '../lib/output/annotated-document';
import { mentionsCsv } from '../lib/output/mention-csv';
import { textReport } from '../lib/output/text-format';

const FORMATS = ['json', 'jsonl', 'csv', 'text'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run annotate -- [--format ${FORMATS.join('|')}] FILE|DIR...
  Reads saved pages (.html or .html.gz; directories recursively) and prints their mentions.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { format: Format; inputs: string[] } {
  let format: Format = 'json';
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!FORMATS.includes(value as Format)) throw new UsageError(`unknown format: ${value ?? '(missing)'}`);
      format = value as Format;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else inputs.push(arg);
  }
  if (!inputs.length) throw new UsageError('no input files');
  return { format, inputs };
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

async function annotateFile(file: string): Promise<AnnotatedDocument> {
  let bytes = await readFile(file);
  if (file.endsWith('.gz')) {
    try { bytes = gunzipSync(bytes); } catch { throw new Error('not a valid gzip file'); }
  }
  const html = bytes.toString('utf8');
  const { document } = parseHTML(html);
  const url = pathToFileURL(resolve(file)).href;
  const annotation = annotatePage(document as unknown as Document, url);
  if (!annotation) throw new Error('no article found');
  return toAnnotatedDocument(file, annotation);
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
        const doc = await annotateFile(file);
        docs.push(doc);
        if (args.format === 'jsonl') process.stdout.write(JSON.stringify(doc) + '\n');
        if (args.format === 'text') process.stdout.write(textReport(doc) + '\n');
      } catch (e) {
        console.error(`${file}: ${(e as NodeJS.ErrnoException).code ? `cannot read (${(e as NodeJS.ErrnoException).code})` : (e as Error).message}`);
        failed++;
      }
    }
  }
  if (args.format === 'json') process.stdout.write(JSON.stringify(docs, null, 2) + '\n');
  if (args.format === 'csv') process.stdout.write(mentionsCsv(docs));
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 1; });
