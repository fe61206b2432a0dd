// @vitest-environment jsdom
// The fixture pages go through the real pipeline, and DOMPurify needs a complete DOM.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import { unzipSync } from 'fflate';
import { exportBackupBlob, exportCsvZip, exportScope } from '../../lib/export/export-scope';
import { jsonBackupBlobWriter, jsonBackupWriter } from '../../lib/export/json-backup';
import { EXPORT_FORMATS, exportFiles } from '../../lib/export/index';
import { readExportSource, type ExportScope } from '../../lib/export/read-library';
import { seedLibrary } from './helpers/export-library';
import { blobText } from './helpers/read-blob';

let db: MigraLensDB;
beforeEach(async () => {
  db = openDatabase(`export-scope-${Math.random()}`);
  await seedLibrary(db);
});
afterEach(async () => { await db.delete(); });

const meta = { exportedAt: '2024-05-01T00:00:00.000Z', generator: 'test' };
const noPause = { pause: async () => {} };

describe('exporting straight from the library, a batch written while the next is read', () => {
  const scopes: [string, ExportScope][] = [
    ['the whole library', { kind: 'library' }],
    ['a collection', { kind: 'collection', collectionId: 2 }],
    ['a search result', { kind: 'clippings', ids: [3, 1] }],
  ];
  for (const [name, scope] of scopes) {
    test.each(EXPORT_FORMATS)(`${name} in %s gives the same files as from the clippings in memory`, async (format) => {
      const expected = await exportFiles(format, await readExportSource(db, scope), meta, noPause);
      // Batches of one clipping: every clipping is handed over while the next is being read.
      const streamed = await exportScope(db, scope, format, meta, { ...noPause, batchSize: 1 });
      expect(streamed.files).toEqual(expected);
      expect(streamed.clippings).toBe((await readExportSource(db, scope)).clippings.length);
    });
  }

  test.each(scopes)('the backup of %s made into a Blob as it is written is the same file', async (_, scope) => {
    const [file] = (await exportScope(db, scope, 'json', meta, { ...noPause, batchSize: 1 })).files;
    const { blob, clippings } = await exportBackupBlob(db, scope, meta, { ...noPause, batchSize: 1 });
    expect(await blobText(blob)).toBe(file.content);
    expect(blob.type).toBe('application/json');
    expect(clippings).toBe((await readExportSource(db, scope)).clippings.length);
  });

  test.each(scopes)('the CSV of %s zipped as it is written holds the same files', async (_, scope) => {
    const { files } = await exportScope(db, scope, 'csv', meta, { ...noPause, batchSize: 1 });
    const { bytes, clippings } = await exportCsvZip(db, scope, { ...noPause, batchSize: 1 });
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.name));
    // Node's Buffer keeps the BOM, which TextDecoder (and fflate's strFromU8) would drop.
    expect(files.map((f) => Buffer.from(unzipped[f.name]).toString('utf8'))).toEqual(files.map((f) => f.content));
    expect(files[1].content.split('\r\n').length).toBeGreaterThan(3);
    expect(clippings).toBe((await readExportSource(db, scope)).clippings.length);
  });

  test('a backup Blob of more clippings than one Blob holds is the same file', async () => {
    const many = await readExportSource(db, { kind: 'library' });
    const writer = jsonBackupBlobWriter(meta);
    const text = jsonBackupWriter(meta);
    for (let i = 0; i < 250; i++) for (const c of many.clippings) { writer.add(c); text.add(c); }
    expect(await blobText(writer.finish(many.collections))).toBe(text.text(many.collections));
  });

  test('progress counts the clippings written, up to all of them', async () => {
    const seen: [number, number][] = [];
    await exportScope(db, { kind: 'library' }, 'csv', meta, { ...noPause, batchSize: 2, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([3, 3]);
    expect(seen.every(([done, total], i) => total === 3 && done <= total && (i === 0 || done >= seen[i - 1][0]))).toBe(true);
  });

  test('the backup of the whole library keeps an empty collection; that of a collection keeps only those used', async () => {
    await db.collections.add({ name: 'Empty', createdAt: '2024-04-01T00:00:00.000Z' });
    const names = async (scope: ExportScope) => {
      const [file] = (await exportScope(db, scope, 'json', meta, { ...noPause, batchSize: 1 })).files;
      return (JSON.parse(file.content) as { collections: { name: string }[] }).collections.map((c) => c.name).sort();
    };
    expect(await names({ kind: 'library' })).toEqual(['Calais', 'Empty', 'Thesis ch. 2']);
    expect(await names({ kind: 'clippings', ids: [2] })).toEqual(['Calais']);
  });
});
