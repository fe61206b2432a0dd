import Papa from 'papaparse';
import { eachPacked, type FieldEntries } from '../db/mention-store';
import type { Clipping, Collection, StoredMention } from '../db/schema';
import { forEachChunked } from './chunked';
import { sentenceAround } from './sentence';
import type { ClippingWriter, ExportClipping, ExportFile, ExportSource, PackedClipping, TextSink, WriterOptions } from './types';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; pandas, R's readr and LibreOffice skip it. */
export const BOM = '\uFEFF';

export const CLIPPING_COLUMNS = [
  'clipping_id', 'url', 'canonical_url', 'title', 'author', 'site', 'lang', 'published', 'saved', 'updated',
  'tags', 'collections', 'note', 'excerpt', 'institutions', 'people', 'roles', 'figures', 'dates', 'institution_names',
] as const;

/** Every mention row repeats its clipping's id, URL, title, site and dates, so the file stands on its own. */
export const MENTION_COLUMNS = [
  'clipping_id', 'url', 'title', 'site', 'published', 'saved', 'kind', 'start', 'end', 'text', 'canonical',
  'entity_id', 'wikidata', 'institution_kind', 'country', 'institution_id', 'value', 'value_max', 'unit',
  'currency', 'category', 'qualifier', 'iso',
] as const;

export const FIGURE_COLUMNS = [
  'clipping_id', 'url', 'title', 'site', 'published', 'text', 'value', 'value_max', 'unit', 'currency',
  'category', 'qualifier', 'sentence', 'start', 'end',
] as const;

type Cell = string | number;

const UNPARSE = { newline: '\r\n', quotes: false, escapeFormulae: true } as const;

/**
 * RFC 4180 (CRLF, quotes doubled, header first) with a BOM. A text cell that starts with = + - @
 * gets a leading ' (papaparse's escapeFormulae) so that a spreadsheet shows a hostile headline
 * as text instead of running it as a formula; numbers are written as numbers and never changed.
 */
export function toCsv(columns: readonly string[], rows: Cell[][]): string {
  return BOM + Papa.unparse({ fields: [...columns], data: rows }, UNPARSE) + '\r\n';
}

// Any text papaparse would change has one of these characters, or one of FIRST at its start or a
// space at its end. Most cells of a library have none and are written as they are after this test.
const SPECIAL = /[",\r\n\uFEFF]/;
const FIRST = new Set(['=', '+', '-', '@', '\t', '\r', ' '].map((ch) => ch.charCodeAt(0)));
// papaparse's own formula test, kept as it is: `.` stops at a line break, so "=a\nb" is not one.
const FORMULA = /^[=+\-@\t\r].*$/;
const QUOTES = /"/g;

/** papaparse's writing of one text cell (its `safe`, for the options of UNPARSE). */
function specialText(text: string): string {
  let out = text;
  let quote = false;
  if (FORMULA.test(out)) {
    out = `'${out}`;
    quote = true;
  }
  out = out.replace(QUOTES, '""');
  quote ||= SPECIAL.test(out) || out.charAt(0) === ' ' || out.charAt(out.length - 1) === ' ';
  return quote ? `"${out}"` : out;
}

/**
 * One cell exactly as toCsv (papaparse) writes it: for text, a look at its ends and one test of a
 * character class; for a number, its own string. A large library's tables run to millions of
 * cells, where papaparse's general loop cost about half a microsecond each.
 */
export function csvCell(value: unknown): string {
  if (typeof value === 'string') {
    if (!value.length) return value;
    return FIRST.has(value.charCodeAt(0)) || value.charCodeAt(value.length - 1) === 32 || SPECIAL.test(value) ? specialText(value) : value;
  }
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return specialText(String(value));
}

/** A row's cells, comma-separated, without its line break. */
export function csvRow(cells: readonly Cell[]): string {
  let out = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) out += `,${csvCell(cells[i])}`;
  return out;
}

/**
 * A CSV file written to `sink` a run of whole rows at a time (a clipping's, say; a run without
 * rows is skipped), byte for byte what toCsv writes for the same rows: the BOM and header before
 * the first run, CRLF after every row.
 */
export function csvTable(columns: readonly string[], sink: TextSink): { rows(block: string): void; end(): void } {
  let started = false;
  return {
    rows: (block) => {
      if (!block.length) return;
      if (!started) sink.write(`${BOM}${csvRow(columns)}\r\n`);
      started = true;
      sink.write(block);
      sink.write('\r\n');
    },
    // papaparse ends a table with no rows on an empty row: left to it, so both paths agree.
    end: () => { if (!started) sink.write(toCsv(columns, [])); },
  };
}

/** The whole file of these runs of rows (see csvTable), as one flat string. */
export function csvFile(columns: readonly string[], blocks: readonly string[]): string {
  const parts: string[] = [];
  const table = csvTable(columns, { write: (text) => { parts.push(text); } });
  for (const block of blocks) table.rows(block);
  table.end();
  // One join into a flat string: a string built with + is a rope, which the first reader (the
  // zip, a Blob) copies whole again before it can read a piece of it.
  return parts.join('');
}

const opt = (v: string | number | null | undefined): Cell => v ?? '';
const list = (values: readonly string[]) => values.join('; ');

function clippingRow(c: Clipping, collectionNames: Map<number, string>): Cell[] {
  const { counts, institutions } = c.summary;
  return [
    c.id, c.url, opt(c.canonicalUrl), c.title, opt(c.byline), opt(c.siteName), opt(c.lang), opt(c.published), c.savedAt,
    c.updatedAt, list(c.tags), list(c.collections.map((id) => collectionNames.get(id) ?? String(id))), c.note, opt(c.excerpt),
    counts.institution, counts.person, counts.role, counts.figure, counts.date, list(institutions),
  ];
}

const c_ = csvCell;

/** A mention row's cells after its kind, start, end and text, in MENTION_COLUMNS' order. */
const MENTION_TAIL = ['canonical', 'entityId', 'wikidata', 'institutionKind', 'country', 'institutionId', 'value', 'valueMax', 'unit', 'currency', 'category', 'qualifier', 'iso'] as const;
/** A figure row's cells after its text and before its sentence, start and end, in FIGURE_COLUMNS' order. */
const FIGURE_TAIL = ['value', 'valueMax', 'unit', 'currency', 'category', 'qualifier'] as const;

/** Adds a mention's own cells, after its clipping's, to `out` (see writeCsvFiles). */
function pushMention(out: string[], m: StoredMention): void {
  out.push(c_(m.kind), ',', c_(m.start), ',', c_(m.end), ',', c_(m.text));
  for (const field of MENTION_TAIL) out.push(',', c_(m[field]));
}

function pushFigure(out: string[], c: ExportClipping, m: StoredMention): void {
  out.push(c_(m.text));
  for (const field of FIGURE_TAIL) out.push(',', c_(m[field]));
  out.push(',', c_(sentenceAround(c.text, m.start, m.end)), ',', c_(m.start), ',', c_(m.end));
}

/** The cells a clipping's figure rows start with, and those its mention rows start with (to the comma before the mention's own). */
function rowPrefixes(c: Clipping): { figure: string; mention: string } {
  const figure = csvRow([c.id, c.url, c.title, opt(c.siteName), opt(c.published)]);
  return { figure, mention: `${figure},${csvCell(c.savedAt)},` };
}

const byPosition = (a: StoredMention, b: StoredMention) => a.start - b.start || a.end - b.end;

/** What a field set writes, the same for every mention that shares it (see addPacked below). */
type SetCells = { kind: string; figure: boolean; mentionTail: string; figureTail: string };

function setCells(set: FieldEntries): SetCells {
  const f = Object.fromEntries(set) as Partial<StoredMention>;
  const cells = (fields: readonly (keyof StoredMention)[]) => fields.map((field) => c_(f[field])).join(',');
  return { kind: c_(f.kind), figure: f.kind === 'figure', mentionTail: cells(MENTION_TAIL), figureTail: cells(FIGURE_TAIL) };
}

export const CSV_FILES = ['clippings.csv', 'mentions.csv', 'figures.csv'] as const;

/**
 * The three CSV tables, written to a sink each as clippings are added: `clippings.csv`,
 * `mentions.csv` (one row per mention), `figures.csv` (one row per figure). `collections` name
 * the collection ids of the clippings' rows. `end` writes what an empty table needs.
 */
export function csvTables(collections: readonly Collection[], sinks: readonly [TextSink, TextSink, TextSink]): Pick<ClippingWriter, 'add' | 'addPacked'> & { end(): void } {
  const names = new Map<number, string>(collections.map((col) => [col.id, col.name]));
  const clippingTable = csvTable(CLIPPING_COLUMNS, sinks[0]);
  const mentionTable = csvTable(MENTION_COLUMNS, sinks[1]);
  const figureTable = csvTable(FIGURE_COLUMNS, sinks[2]);
  const add = (c: ExportClipping) => {
    clippingTable.rows(csvRow(clippingRow(c, names)));
    // A clipping's rows are built as one array of cell strings and joined once: concatenating
    // cell by cell makes a rope node per cell, millions of short-lived objects on a large library.
    const prefix = rowPrefixes(c);
    const mentions: string[] = [];
    const figures: string[] = [];
    for (const m of [...c.mentions].sort(byPosition)) {
      if (mentions.length) mentions.push('\r\n');
      mentions.push(prefix.mention);
      pushMention(mentions, m);
      if (m.kind !== 'figure') continue;
      if (figures.length) figures.push('\r\n');
      figures.push(prefix.figure, ',');
      pushFigure(figures, c, m);
    }
    mentionTable.rows(mentions.join(''));
    figureTable.rows(figures.join(''));
  };
  // The same rows from the mentions as stored: each field set's cells are made once for all of its
  // mentions, and a mention costs its offsets and its text.
  const addPacked = (c: PackedClipping) => {
    clippingTable.rows(csvRow(clippingRow(c, names)));
    const prefix = rowPrefixes(c);
    const sets: SetCells[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const made = new Map<FieldEntries, SetCells>();
    let sorted = true;
    eachPacked(c.packed, (set, start, end, k) => {
      let cells = made.get(set);
      if (!cells) made.set(set, (cells = setCells(set)));
      sets.push(cells);
      starts.push(start);
      ends.push(end);
      if (k && (starts[k - 1] > start || (starts[k - 1] === start && ends[k - 1] > end))) sorted = false;
    });
    const order = sets.map((_, k) => k);
    if (!sorted) order.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b]);
    const mentions: string[] = [];
    const figures: string[] = [];
    for (const k of order) {
      const cells = sets[k], start = starts[k], end = ends[k];
      const text = csvCell(c.text.slice(start, end));
      mentions.push(`${prefix.mention}${cells.kind},${start},${end},${text},${cells.mentionTail}`);
      if (cells.figure) figures.push(`${prefix.figure},${text},${cells.figureTail},${csvCell(sentenceAround(c.text, start, end))},${start},${end}`);
    }
    mentionTable.rows(mentions.join('\r\n'));
    figureTable.rows(figures.join('\r\n'));
  };
  return { add, addPacked, end: () => { clippingTable.end(); mentionTable.end(); figureTable.end(); } };
}

/** The three CSV files (see csvTables), each as one string. */
export function csvWriter(collections: readonly Collection[]): ClippingWriter {
  const parts: [string[], string[], string[]] = [[], [], []];
  const sink = (into: string[]): TextSink => ({ write: (text) => { into.push(text); } });
  const tables = csvTables(collections, [sink(parts[0]), sink(parts[1]), sink(parts[2])]);
  return {
    add: tables.add,
    addPacked: tables.addPacked,
    finish: () => {
      tables.end();
      return CSV_FILES.map((name, i) => ({ name, content: parts[i].join('') }));
    },
  };
}

/** The three CSV files of `source` (see csvWriter), a clipping between pauses. */
export async function writeCsvFiles(source: ExportSource, options: WriterOptions = {}): Promise<ExportFile[]> {
  const writer = csvWriter(source.collections);
  await forEachChunked(source.clippings, writer.add, options);
  return writer.finish(source.collections);
}
