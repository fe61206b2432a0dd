/**
 * The export writers alone, on a generated library held in memory: no IndexedDB, so the figures
 * are the writers' own. Runs in a Chromium page (bundled by bench/export-writers.ts) or in Node.
 */
import type { StoredMention } from '../lib/db/schema';
import { writeCsvFiles } from '../lib/export/csv';
import { writeJsonBackup } from '../lib/export/json-backup';
import type { ExportClipping, ExportFile, ExportSource } from '../lib/export/types';
import { zipFiles } from '../lib/export/zip';
import { generateBackup } from './export-import-data';

/** The library as readExportSource hands it over: derived fields kept, text and HTML after the row, mentions with their clipping's id. */
export function generateSource(n: number): ExportSource {
  // Cloned as IndexedDB clones what it reads: every string its own object, as in a real export,
  // rather than the generator's few shared ones, which would flatter any cache keyed by value.
  return structuredClone({
    collections: [],
    clippings: generateBackup(n, { anchors: true }).clippings.map(({ text, html, mentions, ...row }): ExportClipping => ({
      ...row, source: row.source ?? 'page', pageKey: row.pageKey ?? row.url, facets: ['kind:figure', 'entity:eu.frontex'],
      text, html, mentions: mentions.map((m) => ({ ...m, clippingId: row.id }) as StoredMention),
    })),
  });
}

let source: ExportSource = { clippings: [], collections: [] };
let files: ExportFile[] = [];

/** One step of the bench; each returns what it wrote, in MB (characters for text, bytes for the zip). */
export const writerSteps = {
  setup: async (n: number) => {
    source = generateSource(n);
    return source.clippings.reduce((k, c) => k + c.mentions.length, 0);
  },
  json: async () => (await writeJsonBackup(source, { exportedAt: new Date().toISOString(), generator: 'bench' })).length / 1e6,
  csv: async () => {
    files = await writeCsvFiles(source);
    return files.reduce((k, f) => k + f.content.length, 0) / 1e6;
  },
  zip: async () => (await zipFiles(files)).length / 1e6,
};

(globalThis as unknown as { writerSteps: typeof writerSteps }).writerSteps = writerSteps;
