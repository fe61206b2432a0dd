import Papa from 'papaparse';
import type { Collection, StoredMention } from '../db/schema';
import { mapChunked } from './chunked';
import { sentenceAround } from './sentence';
import type { ExportClipping, ExportFile, ExportSource, WriterOptions } from './types';

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

/**
 * Writes cells as toCsv does, for tables of millions of cells. papaparse still decides how every
 * value is written, but once per distinct value: its loop costs about half a microsecond a cell,
 * and a library's mentions repeat a few thousand values (kinds, units, names, offsets, the
 * clipping's URL and title on each of its rows) over millions of cells.
 */
export class CsvCells {
  private readonly written = new Map<Cell, string>();

  cell(value: Cell): string {
    let out = this.written.get(value);
    if (out === undefined) {
      out = Papa.unparse([[value]], UNPARSE);
      this.written.set(value, out);
    }
    return out;
  }

  /** Adds a row's cells to `out`, comma-separated; the caller adds the line breaks. */
  push(out: string[], cells: readonly Cell[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (i) out.push(',');
      out.push(this.cell(cells[i]));
    }
  }

  row(cells: readonly Cell[]): string {
    const out: string[] = [];
    this.push(out, cells);
    return out.join('');
  }

  /**
   * The whole file, byte for byte what toCsv writes for the same rows. `blocks` are runs of whole
   * rows joined by CRLF (one per clipping, say), empty when a run has no rows.
   */
  file(columns: readonly string[], blocks: readonly string[]): string {
    const rows = blocks.filter((b) => b.length);
    // papaparse ends a table with no rows on an empty row: left to it, so both paths agree.
    if (!rows.length) return toCsv(columns, []);
    return BOM + this.row(columns) + '\r\n' + rows.join('\r\n') + '\r\n';
  }
}

const opt = (v: string | number | null | undefined): Cell => v ?? '';
const list = (values: readonly string[]) => values.join('; ');

function clippingRow(c: ExportClipping, collectionNames: Map<number, string>): Cell[] {
  const { counts, institutions } = c.summary;
  return [
    c.id, c.url, opt(c.canonicalUrl), c.title, opt(c.byline), opt(c.siteName), opt(c.lang), opt(c.published), c.savedAt,
    c.updatedAt, list(c.tags), list(c.collections.map((id) => collectionNames.get(id) ?? String(id))), c.note, opt(c.excerpt),
    counts.institution, counts.person, counts.role, counts.figure, counts.date, list(institutions),
  ];
}

const mentionCells = (m: StoredMention): Cell[] => [
  m.kind, m.start, m.end, m.text, m.canonical, opt(m.entityId), opt(m.wikidata), opt(m.institutionKind), opt(m.country),
  opt(m.institutionId), opt(m.value), opt(m.valueMax), opt(m.unit), opt(m.currency), opt(m.category), opt(m.qualifier), opt(m.iso),
];

const figureCells = (c: ExportClipping, m: StoredMention): Cell[] => [
  m.text, opt(m.value), opt(m.valueMax), opt(m.unit), opt(m.currency), opt(m.category), opt(m.qualifier),
  sentenceAround(c.text, m.start, m.end), m.start, m.end,
];

/** The three CSV files: `clippings.csv`, `mentions.csv` (one row per mention), `figures.csv` (one row per figure). */
export async function writeCsvFiles(source: ExportSource, options: WriterOptions = {}): Promise<ExportFile[]> {
  const names = new Map<number, string>(source.collections.map((col: Collection) => [col.id, col.name]));
  const cells = new CsvCells();
  const clippingLines: string[] = [];
  const mentionBlocks: string[] = [];
  const figureBlocks: string[] = [];
  await mapChunked(source.clippings, (c) => {
    clippingLines.push(cells.row(clippingRow(c, names)));
    // A clipping's rows are built as one array of cell strings and joined once: concatenating
    // cell by cell left millions of short-lived strings for the collector on a large library.
    const figurePrefix = cells.row([c.id, c.url, c.title, opt(c.siteName), opt(c.published)]);
    const mentionPrefix = `${figurePrefix},${cells.cell(c.savedAt)}`;
    const mentions: string[] = [];
    const figures: string[] = [];
    for (const m of [...c.mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
      if (mentions.length) mentions.push('\r\n');
      mentions.push(mentionPrefix, ',');
      cells.push(mentions, mentionCells(m));
      if (m.kind !== 'figure') continue;
      if (figures.length) figures.push('\r\n');
      figures.push(figurePrefix, ',');
      cells.push(figures, figureCells(c, m));
    }
    mentionBlocks.push(mentions.join(''));
    figureBlocks.push(figures.join(''));
  }, options);
  return [
    { name: 'clippings.csv', content: cells.file(CLIPPING_COLUMNS, clippingLines) },
    { name: 'mentions.csv', content: cells.file(MENTION_COLUMNS, mentionBlocks) },
    { name: 'figures.csv', content: cells.file(FIGURE_COLUMNS, figureBlocks) },
  ];
}
