/** Runs inside a Chromium page (bundled by bench/export-import.ts): real IndexedDB, the extension's own code paths. */
import { openDatabase } from '../lib/db/schema';
import { exportBackupBlob, exportCsvZip } from '../lib/export/export-scope';
import { importBackup } from '../lib/import/import-library';
import { readBackup } from '../lib/import/read-backup';
import { sanitizeArticleHtml } from '../lib/sanitize-html';
import { generateBackup } from './export-import-data';

export type BenchFigures = Record<string, number>;

async function run(n: number): Promise<BenchFigures> {
  const f: BenchFigures = {};
  let t = performance.now();
  const lap = (name: string) => { const now = performance.now(); f[name] = now - t; t = now; };
  const backup = generateBackup(n);
  const fileText = JSON.stringify(backup);
  f.mentions = backup.clippings.reduce((k, c) => k + c.mentions.length, 0);
  f.textMb = backup.clippings.reduce((k, c) => k + c.text.length, 0) / 1e6;
  f.fileMb = fileText.length / 1e6;
  const db = openDatabase(`bench-${Date.now()}`);
  await db.open();
  try {
    t = performance.now();
    const checked = readBackup(fileText);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    lap('importCheck');
    let sanitising = 0;
    await importBackup(db, checked.backup, {
      sanitize: (html) => {
        const t0 = performance.now();
        try { return sanitizeArticleHtml(html, window); } finally { sanitising += performance.now() - t0; }
      },
    });
    lap('importWrite');
    f.importSanitise = sanitising;
    // As the export panel does it: each batch written while the next one is read.
    const meta = { exportedAt: new Date().toISOString(), generator: 'bench' };
    t = performance.now();
    // Up to the file handed to the browser's downloads, made as it is written.
    const json = await exportBackupBlob(db, { kind: 'library' }, meta);
    // Up to the file's last byte readable: Blobs of bytes reach the browser's blob store after
    // they are made, and a download reads them all.
    await json.blob.slice(-1).arrayBuffer();
    lap('jsonExport');
    f.jsonMb = json.blob.size / 1e6;
    // As the export panel does it: each file compressed as its rows are written.
    const csv = await exportCsvZip(db, { kind: 'library' });
    new Blob([csv.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
    lap('csvExport');
    f.zipMb = csv.bytes.length / 1e6;
  } finally {
    db.close();
    await db.delete();
  }
  return f;
}

(globalThis as unknown as { runExportImportBench: typeof run }).runExportImportBench = run;
