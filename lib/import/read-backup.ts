import { BACKUP_FORMAT, BACKUP_VERSION, type LibraryBackup } from '../export/backup-format';
import { validate } from './backup-validator.generated';
import { checkBackup } from './check-backup';
import { describeSchemaError } from './describe-problem';

/** The largest file read by default: 1 GB of text. A browser tab may not hold much more. */
export const MAX_BACKUP_CHARS = 1_000_000_000;

/** A backup that can be imported, or the reasons it cannot (each saying what and where). Nothing has been written either way. */
export type ReadBackupResult = { ok: true; backup: LibraryBackup } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

/** Why JSON.parse refused the text, in words, with the place when the engine gives one. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (JSON )?input|Unterminated/i.test(message) || !text.trimEnd().endsWith('}')) {
    return `The file is cut off (it ends at character ${text.length} in the middle of the data): it is probably incomplete, from an interrupted download or copy.`;
  }
  const pos = /position (\d+)/.exec(message);
  return `The file is not valid JSON (${message.replace(/\s*in JSON at position \d+.*$/, '')}${pos ? `, at ${lineAndColumn(text, Number(pos[1]))}` : ''}).`;
}

/** Names what the file is when it is another JSON file than a backup. */
function describeWrongFormat(data: unknown): string | null {
  if (Array.isArray(data)) {
    const first = data[0] as Record<string, unknown> | undefined;
    if (first && 'file' in first && 'mentions' in first) return "This is the command-line annotator's JSON output, not a library backup. Write a backup with `npm run annotate -- --format json --out DIR` and import DIR/migralens-library.json.";
    if (first && 'type' in first && 'title' in first) return 'This looks like a CSL-JSON bibliography, not a MigraLens library backup.';
    return 'This JSON file holds a list, not a MigraLens library backup.';
  }
  if (!data || typeof data !== 'object') return 'This JSON file holds a single value, not a MigraLens library backup.';
  const o = data as Record<string, unknown>;
  if (o['@context']) return 'This is a W3C Web Annotation file, not a MigraLens library backup: only the JSON backup can be imported.';
  if (o.format !== BACKUP_FORMAT) return `This is not a MigraLens library backup (its "format" is ${o.format === undefined ? 'missing' : JSON.stringify(o.format)}; a backup says "${BACKUP_FORMAT}").`;
  if (typeof o.version === 'number' && o.version > BACKUP_VERSION) return `This backup was written by a newer MigraLens (backup version ${o.version}; this one reads up to version ${BACKUP_VERSION}). Update MigraLens and import it again.`;
  if (o.version !== BACKUP_VERSION) return `This backup's version (${JSON.stringify(o.version)}) is not one MigraLens knows.`;
  return null;
}

/**
 * Parses and validates a JSON backup as a whole, before anything is written: JSON syntax, the
 * format and version, the schema (ajv), then the checks across records (check-backup.ts).
 */
export function readBackup(text: string, maxChars = MAX_BACKUP_CHARS): ReadBackupResult {
  if (text.length > maxChars) return { ok: false, problems: [`The file is too large to import (${Math.round(text.length / 1e6)} million characters; at most ${Math.round(maxChars / 1e6)} million).`] };
  if (!text.trim()) return { ok: false, problems: ['The file is empty.'] };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [describeJsonError(text, e)] };
  }
  const wrong = describeWrongFormat(data);
  if (wrong) return { ok: false, problems: [wrong] };
  if (!validate(data)) {
    const all = [...new Set((validate.errors ?? []).map(describeSchemaError))];
    const problems = all.slice(0, MAX_PROBLEMS);
    if (all.length > problems.length) problems.push(`…and ${all.length - problems.length} more problems.`);
    return { ok: false, problems };
  }
  const backup = data as LibraryBackup;
  const problems = checkBackup(backup, MAX_PROBLEMS);
  return problems.length ? { ok: false, problems } : { ok: true, backup };
}
