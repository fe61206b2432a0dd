import { writeCslJson } from './csl-json';
import { csvWriter } from './csv';
import { BACKUP_FILE, jsonBackupWriter } from './json-backup';
import { writeMarkdownFiles } from './markdown';
import { writeRis } from './ris';
import { forEachChunked } from './chunked';
import type { Collection } from '../db/schema';
import type { ClippingWriter, ExportClipping, ExportFile, ExportSource, WriterOptions } from './types';
import { writeWebAnnotations } from './web-annotation';

export const EXPORT_FORMATS = ['json', 'csv', 'markdown', 'w3c', 'csl', 'ris'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is called in a menu, and whether the extension hands it out as a zip. */
export const FORMAT_INFO: Record<ExportFormat, { label: string; zipped: boolean }> = {
  json: { label: 'JSON backup (re-importable)', zipped: false },
  csv: { label: 'CSV for spreadsheets, pandas, R (zip)', zipped: true },
  markdown: { label: 'Markdown notes for Obsidian (zip)', zipped: true },
  w3c: { label: 'W3C Web Annotations (JSON-LD)', zipped: false },
  csl: { label: 'CSL-JSON for Zotero and citation processors', zipped: false },
  ris: { label: 'RIS for Zotero, Mendeley, EndNote', zipped: false },
};

export type ExportMeta = { exportedAt: string; generator: string };

/** A writer for a format whose files are written from all the clippings at once: it keeps them until `finish`. */
function collecting(write: (source: ExportSource) => ExportFile[] | Promise<ExportFile[]>): ClippingWriter {
  const clippings: ExportClipping[] = [];
  return { add: (c) => { clippings.push(c); }, finish: (collections) => write({ clippings, collections }) };
}

/**
 * The writer of a format. `collections` name the clippings' collection ids as they are added;
 * `options` pace the formats that write everything at the end (Markdown, W3C).
 */
export function writerFor(format: ExportFormat, meta: ExportMeta, collections: readonly Collection[], options: WriterOptions = {}): ClippingWriter {
  switch (format) {
    case 'json': return jsonBackupWriter(meta);
    case 'csv': return csvWriter(collections);
    case 'markdown': return collecting((source) => writeMarkdownFiles({ ...source, collections }, options));
    case 'w3c': return collecting(async (source) => [{ name: 'annotations.jsonld', content: await writeWebAnnotations(source, meta.exportedAt, options) }]);
    case 'csl': return collecting((source) => [{ name: 'clippings.csl.json', content: writeCslJson(source) }]);
    case 'ris': return collecting((source) => [{ name: 'clippings.ris', content: writeRis(source) }]);
  }
}

/** The files of one export of clippings already in memory (the command line, tests). Single-file formats give one file. */
export async function exportFiles(format: ExportFormat, source: ExportSource, meta: ExportMeta, options: WriterOptions = {}): Promise<ExportFile[]> {
  const writer = writerFor(format, meta, source.collections, options);
  await forEachChunked(source.clippings, writer.add, options);
  return writer.finish(source.collections);
}

export { BACKUP_FILE };

export type { ExportClipping, ExportFile, ExportSource, Progress, WriterOptions } from './types';
