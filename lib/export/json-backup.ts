import { BACKUP_FORMAT, BACKUP_VERSION, DERIVED_FIELDS, type BackupClipping } from './backup-format';
import { mapChunked } from './chunked';
import type { ExportClipping, ExportSource, WriterOptions } from './types';

export type BackupMeta = { exportedAt: string; generator: string };

const LEFT_OUT = new Set<string>(['mentions', ...DERIVED_FIELDS]);

/**
 * A clipping as the backup holds it. The copy is built key by key, in the stored order: deleting
 * the derived fields from a spread copy instead turns each object into a dictionary, which
 * JSON.stringify walks several times slower.
 */
function backupClipping(c: ExportClipping): BackupClipping {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(c)) if (!LEFT_OUT.has(key)) out[key] = c[key as keyof ExportClipping];
  out.mentions = c.mentions.map(({ clippingId: _, ...m }) => m);
  return out as BackupClipping;
}

/**
 * Writes the lossless JSON backup. One clipping per line, so that a large file can be read (and
 * diffed) by people, and each clipping is serialised between pauses rather than in one long call.
 */
export async function writeJsonBackup(source: ExportSource, meta: BackupMeta, options: WriterOptions = {}): Promise<string> {
  const lines = await mapChunked(source.clippings, (c) => JSON.stringify(backupClipping(c)), options);
  const head = [
    `"format":${JSON.stringify(BACKUP_FORMAT)}`,
    `"version":${BACKUP_VERSION}`,
    `"exportedAt":${JSON.stringify(meta.exportedAt)}`,
    `"generator":${JSON.stringify(meta.generator)}`,
    `"collections":${JSON.stringify(source.collections)}`,
  ].join(',\n');
  const open = `{${head},\n"clippings":[\n`;
  const close = '\n]}\n';
  if (!lines.length) return `${open}${close}`;
  // One join into a flat string: a string built with + is a rope, which the first reader (a Blob,
  // the file system) copies whole again before it can read a piece of it.
  lines[0] = open + lines[0];
  lines[lines.length - 1] += close;
  return lines.join(',\n');
}
