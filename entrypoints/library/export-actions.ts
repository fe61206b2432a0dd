import type { ExportOutcome, ImportOutcome, TaskProgress } from '@/components/ExportPanel';
import type { MigraLensDB } from '@/lib/db/schema';
import { describeStorageError } from '@/lib/db/storage-errors';
import { exportBackupBlob, exportCsvZip, exportScope } from '@/lib/export/export-scope';
import { BACKUP_FILE } from '@/lib/export/json-backup';
import { FORMAT_INFO, type ExportFormat } from '@/lib/export/index';
import type { ExportScope } from '@/lib/export/read-library';
import { textBlob } from '@/lib/export/utf8';
import { zipFiles } from '@/lib/export/zip';
import { importBackup } from '@/lib/import/import-library';
import { MAX_BACKUP_CHARS, readBackup } from '@/lib/import/read-backup';
import { sanitizeArticleHtml } from '@/lib/sanitize-html';

const MIME: Record<string, string> = { json: 'application/json', jsonld: 'application/ld+json', ris: 'application/x-research-info-systems', zip: 'application/zip' };

/** Hands a file to the browser's downloads; the object URL is released once the click has been handled. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `clippings.ris` exported on 2024-03-01 is downloaded as `clippings-2024-03-01.ris`. */
const datedName = (name: string, stamp: string) => name.replace(/(\.[a-z.]+)$/, `-${stamp}$1`);

/** Reads the scope while writing the format (zipped when it is several files) and downloads it. */
export async function exportLibrary(db: MigraLensDB, scope: ExportScope, format: ExportFormat, onProgress: (p: TaskProgress) => void): Promise<ExportOutcome> {
  const exportedAt = new Date().toISOString();
  const meta = { exportedAt, generator: `MigraLens ${browser.runtime.getManifest().version}` };
  const progress = { onProgress: (done: number, total: number) => onProgress({ phase: 'Exporting', done, total }) };
  const stamp = exportedAt.slice(0, 10);
  if (format === 'json') {
    // Made into a Blob as it is written, not a string first: see jsonBackupBlobWriter.
    const { blob, clippings } = await exportBackupBlob(db, scope, meta, progress);
    const fileName = datedName(BACKUP_FILE, stamp);
    download(blob, fileName);
    return { ok: true, fileName, clippings };
  }
  if (format === 'csv') {
    // Zipped as it is written: see exportCsvZip.
    const { bytes, clippings } = await exportCsvZip(db, scope, progress);
    const fileName = `migralens-csv-${stamp}.zip`;
    download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.zip }), fileName);
    return { ok: true, fileName, clippings };
  }
  const { files, clippings } = await exportScope(db, scope, format, meta, progress);
  let blob: Blob;
  let fileName: string;
  if (FORMAT_INFO[format].zipped) {
    const bytes = await zipFiles(files, { onProgress: (done, total) => onProgress({ phase: 'Zipping', done, total, percent: true }) });
    blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.zip });
    fileName = `migralens-${format}-${stamp}.zip`;
  } else {
    const [file] = files;
    const ext = file.name.split('.').pop()!;
    blob = await textBlob(file.content, MIME[ext] ?? 'text/plain', { onProgress: (done, total) => onProgress({ phase: 'Preparing the file', done, total, percent: true }) });
    fileName = datedName(file.name, stamp);
  }
  download(blob, fileName);
  return { ok: true, fileName, clippings };
}

/** Checks the whole file first; writes it in one transaction only when it is valid. */
export async function importLibrary(db: MigraLensDB, file: File, onProgress: (p: TaskProgress) => void): Promise<ImportOutcome> {
  // UTF-16 text takes at least as many characters as the file has bytes of ASCII: a cheap early refusal.
  if (file.size > MAX_BACKUP_CHARS * 2) return { ok: false, problems: [`The file is too large to import (${Math.round(file.size / 1e6)} MB).`] };
  const text = await file.text();
  // Let the "Checking" status paint before the synchronous parse and validation.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const checked = readBackup(text);
  if (!checked.ok) return checked;
  try {
    const result = await importBackup(db, checked.backup, {
      sanitize: (html) => sanitizeArticleHtml(html, window),
      onProgress: (done, total) => onProgress({ phase: 'Importing', done, total }),
    });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, problems: [describeStorageError(error).message] };
  }
}
