import type { MigraLensDB } from '../db/schema';
import { forEachChunked } from './chunked';
import { writerFor, type ExportFormat, type ExportMeta } from './index';
import { readExportBatches, type ExportScope } from './read-library';
import type { ExportFile, WriterOptions } from './types';

/**
 * Exports the clippings in scope from the library: each batch is written while IndexedDB reads
 * the next, so an export takes about as long as the longer of reading and writing rather than
 * both. Progress counts clippings written (then, for Markdown and W3C, written at the end, again).
 */
export async function exportScope(
  db: MigraLensDB, scope: ExportScope, format: ExportFormat, meta: ExportMeta, options: WriterOptions & { batchSize?: number } = {},
): Promise<{ files: ExportFile[]; clippings: number }> {
  const batches = await readExportBatches(db, scope, options.batchSize);
  const writer = writerFor(format, meta, batches.allCollections, options);
  let clippings = 0;
  await batches.each(async (batch, done, total) => {
    await forEachChunked(batch, writer.add, options, clippings, total);
    clippings += batch.length;
    options.onProgress?.(done, total);
  });
  return { files: await writer.finish(batches.collections()), clippings };
}
