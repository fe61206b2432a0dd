import type { Collection, MigraLensDB } from '../db/schema';
import { forEachChunked } from './chunked';
import { writerFor, type ExportFormat, type ExportMeta } from './index';
import { CSV_FILES, csvTables } from './csv';
import { jsonBackupBlobWriter } from './json-backup';
import { readExportBatches, withMentions, type ExportScope } from './read-library';
import type { ClippingWriter, ExportFile, WriterOptions } from './types';
import { zipWriter } from './zip-writer';

type ScopeOptions = WriterOptions & { batchSize?: number };

/**
 * Feeds every clipping in scope to the writer made for the library's collections, each batch while
 * IndexedDB reads the next. Returns the writer, the collections the export covers, and the count.
 */
async function writeScope<W extends Pick<ClippingWriter, 'add' | 'addPacked'>>(
  db: MigraLensDB, scope: ExportScope, makeWriter: (allCollections: readonly Collection[]) => W, options: ScopeOptions,
): Promise<{ writer: W; collections: Collection[]; clippings: number }> {
  const batches = await readExportBatches(db, scope, options.batchSize);
  const writer = makeWriter(batches.allCollections);
  let clippings = 0;
  const add = writer.addPacked ?? ((c) => writer.add(withMentions(c)));
  await batches.each(async (batch, done, total) => {
    await forEachChunked(batch, add, options, clippings, total);
    clippings += batch.length;
    options.onProgress?.(done, total);
  });
  return { writer, collections: batches.collections(), clippings };
}

/**
 * Exports the clippings in scope from the library: each batch is written while IndexedDB reads
 * the next, so an export takes about as long as the longer of reading and writing rather than
 * both. Progress counts clippings written (then, for Markdown and W3C, written at the end, again).
 */
export async function exportScope(
  db: MigraLensDB, scope: ExportScope, format: ExportFormat, meta: ExportMeta, options: ScopeOptions = {},
): Promise<{ files: ExportFile[]; clippings: number }> {
  const { writer, collections, clippings } = await writeScope(db, scope, (all) => writerFor(format, meta, all, options), options);
  return { files: await writer.finish(collections), clippings };
}

/** The JSON backup of the clippings in scope as a Blob for the browser's downloads, made as it is written (see jsonBackupBlobWriter). */
export async function exportBackupBlob(db: MigraLensDB, scope: ExportScope, meta: ExportMeta, options: ScopeOptions = {}): Promise<{ blob: Blob; clippings: number }> {
  const { writer, collections, clippings } = await writeScope(db, scope, () => jsonBackupBlobWriter(meta), options);
  return { blob: writer.finish(collections), clippings };
}

/**
 * The CSV files of the clippings in scope as one zip, each file compressed as its rows are
 * written (see zipWriter): the same files as exportScope's 'csv' zipped with zipFiles.
 */
export async function exportCsvZip(db: MigraLensDB, scope: ExportScope, options: ScopeOptions & { mtime?: Date } = {}): Promise<{ bytes: Uint8Array; clippings: number }> {
  const zip = zipWriter();
  const sinks = CSV_FILES.map((name) => zip.entry(name));
  const { writer, clippings } = await writeScope(db, scope, (all) => csvTables(all, [sinks[0], sinks[1], sinks[2]]), options);
  writer.end();
  return { bytes: await zip.finish(options.mtime), clippings };
}
