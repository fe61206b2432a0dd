import { writeCslJson } from './csl-json';
import { writeCsvFiles } from './csv';
import { writeJsonBackup } from './json-backup';
import { writeMarkdownFiles } from './markdown';
import { writeRis } from './ris';
import type { ExportFile, ExportSource, WriterOptions } from './types';
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

/** The files of one export, by format. Single-file formats give one file. */
export async function exportFiles(format: ExportFormat, source: ExportSource, meta: ExportMeta, options: WriterOptions = {}): Promise<ExportFile[]> {
  switch (format) {
    case 'json': return [{ name: 'migralens-library.json', content: await writeJsonBackup(source, meta, options) }];
    case 'csv': return writeCsvFiles(source, options);
    case 'markdown': return writeMarkdownFiles(source, options);
    case 'w3c': return [{ name: 'annotations.jsonld', content: await writeWebAnnotations(source, meta.exportedAt, options) }];
    case 'csl': return [{ name: 'clippings.csl.json', content: writeCslJson(source) }];
    case 'ris': return [{ name: 'clippings.ris', content: writeRis(source) }];
  }
}

export type { ExportClipping, ExportFile, ExportSource, Progress, WriterOptions } from './types';
