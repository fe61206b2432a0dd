import { BACKUP_FORMAT, BACKUP_VERSION, DERIVED_FIELDS, type BackupClipping } from './backup-format';
import type { Collection } from '../db/schema';
import { forEachChunked } from './chunked';
import type { ClippingWriter, ExportClipping, ExportSource, WriterOptions } from './types';

export type BackupMeta = { exportedAt: string; generator: string };

const LEFT_OUT = new Set<string>(['mentions', ...DERIVED_FIELDS]);

/**
 * A clipping as the backup holds it. The copy is built key by key, in the stored order: deleting
 * the derived fields from a spread copy instead turns each object into a dictionary, which
 * JSON.stringify walks several times slower. A mention's quote/prefix/suffix anchor is left out:
 * it is cut from the text at the mention's offsets (as the library does when it reads one), and
 * it was 30 % of the file.
 */
function backupClipping(c: ExportClipping): BackupClipping {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(c)) if (!LEFT_OUT.has(key)) out[key] = c[key as keyof ExportClipping];
  out.mentions = c.mentions.map(({ clippingId: _, anchor: __, ...m }) => m);
  return out as BackupClipping;
}

export const BACKUP_FILE = 'migralens-library.json';

/**
 * The lossless JSON backup. One clipping per line, so that a large file can be read (and diffed)
 * by people; each clipping is serialised as it is added.
 */
export function jsonBackupWriter(meta: BackupMeta): ClippingWriter & { text(collections: readonly Collection[]): string } {
  const lines: string[] = [];
  const text = (collections: readonly Collection[]) => {
    const open = backupOpening(meta, collections);
    if (!lines.length) return `${open}${CLOSE}`;
    // One join into a flat string: a string built with + is a rope, which the first reader (a Blob,
    // the file system) copies whole again before it can read a piece of it.
    lines[0] = open + lines[0];
    lines[lines.length - 1] += CLOSE;
    return lines.join(',\n');
  };
  return {
    add: (c) => { lines.push(JSON.stringify(backupClipping(c))); },
    text,
    finish: (collections) => [{ name: BACKUP_FILE, content: text(collections) }],
  };
}

/** Everything before the first clipping: the collections come first, and are known only at the end. */
function backupOpening(meta: BackupMeta, collections: readonly Collection[]): string {
  const head = [
    `"format":${JSON.stringify(BACKUP_FORMAT)}`,
    `"version":${BACKUP_VERSION}`,
    `"exportedAt":${JSON.stringify(meta.exportedAt)}`,
    `"generator":${JSON.stringify(meta.generator)}`,
    `"collections":${JSON.stringify(collections)}`,
  ].join(',\n');
  return `{${head},\n"clippings":[\n`;
}

const CLOSE = '\n]}\n';

/** Clippings per Blob: each is a round trip to the browser's blob store, and blocks the page while it is made. */
const PER_BLOB = 100;

/**
 * The same file as jsonBackupWriter's, made into a Blob as it is written, for the browser's
 * downloads. Its lines go into Blobs of a hundred clippings each, as separate strings: Chromium
 * took 4.1 s to make a Blob of a 165 MB backup joined into one string (and made a piece at a time,
 * to keep the page responsive), and 3.1 s from its lines a hundred at a time; made during the
 * export, that time overlaps the database's reads.
 */
export function jsonBackupBlobWriter(meta: BackupMeta): { add(c: ExportClipping): void; finish(collections: readonly Collection[]): Blob } {
  const blobs: Blob[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) blobs.push(new Blob(pending));
    pending = [];
  };
  return {
    add: (c) => {
      if (blobs.length || pending.length) pending.push(',\n');
      pending.push(JSON.stringify(backupClipping(c)));
      if (pending.length >= 2 * PER_BLOB) flush();
    },
    finish: (collections) => {
      flush();
      return new Blob([backupOpening(meta, collections), ...blobs, CLOSE], { type: 'application/json' });
    },
  };
}

/** Writes the lossless JSON backup of `source`, a clipping between pauses rather than all in one long call. */
export async function writeJsonBackup(source: ExportSource, meta: BackupMeta, options: WriterOptions = {}): Promise<string> {
  const writer = jsonBackupWriter(meta);
  await forEachChunked(source.clippings, writer.add, options);
  return writer.text(source.collections);
}
