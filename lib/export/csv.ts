import Papa from 'papaparse';
import type { Collection } from '../db/schema';
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

/**
 * RFC 4180 (CRLF, quotes doubled, header first) with a BOM. A text cell that starts with = + - @
 * gets a leading ' (papaparse's escapeFormulae) so that a spreadsheet shows a hostile headline
 * as text instead of running it as a formula; numbers are written as numbers and never changed.
 */
export function toCsv(columns: readonly string[], rows: Cell[][]): string {
  return BOM + Papa.unparse({ fields: [...columns], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: true }) + '\r\n';
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

function mentionRows(c: ExportClipping): Cell[][] {
  return c.mentions.map((m) => [
    c.id, c.url, c.title, opt(c.siteName), opt(c.published), c.savedAt, m.kind, m.start, m.end, m.text, m.canonical,
    opt(m.entityId), opt(m.wikidata), opt(m.institutionKind), opt(m.country), opt(m.institutionId), opt(m.value),
    opt(m.valueMax), opt(m.unit), opt(m.currency), opt(m.category), opt(m.qualifier), opt(m.iso),
  ]);
}

function figureRows(c: ExportClipping): Cell[][] {
  return c.mentions.filter((m) => m.kind === 'figure').map((m) => [
    c.id, c.url, c.title, opt(c.siteName), opt(c.published), m.text, opt(m.value), opt(m.valueMax), opt(m.unit),
    opt(m.currency), opt(m.category), opt(m.qualifier), sentenceAround(c.text, m.start, m.end), m.start, m.end,
  ]);
}

const byStart = (c: ExportClipping): ExportClipping => ({ ...c, mentions: [...c.mentions].sort((a, b) => a.start - b.start || a.end - b.end) });

/** The three CSV files: `clippings.csv`, `mentions.csv` (one row per mention), `figures.csv` (one row per figure). */
export async function writeCsvFiles(source: ExportSource, options: WriterOptions = {}): Promise<ExportFile[]> {
  const names = new Map<number, string>(source.collections.map((col: Collection) => [col.id, col.name]));
  const parts = await mapChunked(source.clippings, (raw) => {
    const c = byStart(raw);
    return { clipping: clippingRow(c, names), mentions: mentionRows(c), figures: figureRows(c) };
  }, options);
  return [
    { name: 'clippings.csv', content: toCsv(CLIPPING_COLUMNS, parts.map((p) => p.clipping)) },
    { name: 'mentions.csv', content: toCsv(MENTION_COLUMNS, parts.flatMap((p) => p.mentions)) },
    { name: 'figures.csv', content: toCsv(FIGURE_COLUMNS, parts.flatMap((p) => p.figures)) },
  ];
}
