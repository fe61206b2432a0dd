import { BACKUP_FORMAT, BACKUP_VERSION, DERIVED_FIELDS, type BackupClipping } from './backup-format';
import { mapChunked } from './chunked';
import type { ExportSource, WriterOptions } from './types';

export type BackupMeta = { exportedAt: string; generator: string };

/**
 * Writes the lossless JSON backup. One clipping per line, so that a large file can be read (and
 * diffed) by people, and each clipping is serialised between pauses rather than in one long call.
 */
export async function writeJsonBackup(source: ExportSource, meta: BackupMeta, options: WriterOptions = {}): Promise<string> {
  const lines = await mapChunked(source.clippings, (c) => {
    const { mentions, ...clipping } = c;
    for (const f of DERIVED_FIELDS) delete (clipping as Partial<typeof clipping>)[f];
    const backup: BackupClipping = { ...clipping, mentions: mentions.map(({ clippingId: _, ...m }) => m) };
    return JSON.stringify(backup);
  }, options);
  const head = [
    `"format":${JSON.stringify(BACKUP_FORMAT)}`,
    `"version":${BACKUP_VERSION}`,
    `"exportedAt":${JSON.stringify(meta.exportedAt)}`,
    `"generator":${JSON.stringify(meta.generator)}`,
    `"collections":${JSON.stringify(source.collections)}`,
  ].join(',\n');
  return `{${head},\n"clippings":[\n${lines.join(',\n')}\n]}\n`;
}
