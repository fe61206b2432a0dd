import { BACKUP_FORMAT, BACKUP_VERSION, DERIVED_FIELDS, type BackupClipping } from './backup-format';
import { eachPacked, OWN, type FieldEntries } from '../db/mention-store';
import type { Collection } from '../db/schema';
import { blobSink } from './blob-sink';
import { forEachChunked } from './chunked';
import type { ClippingWriter, ExportClipping, ExportSource, PackedClipping, WriterOptions } from './types';

export type BackupMeta = { exportedAt: string; generator: string };

// `packed` is the mentions of a clipping read from the library, still as stored (see addPacked).
const LEFT_OUT = new Set<string>(['mentions', 'packed', ...DERIVED_FIELDS]);

/** A clipping's fields as the backup holds them, its mentions left out. */
function clippingFields(c: ExportClipping | PackedClipping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(c)) if (!LEFT_OUT.has(key)) out[key] = c[key as keyof typeof c];
  return out;
}

/**
 * A clipping as the backup holds it. The copy is built key by key, in the stored order: deleting
 * the derived fields from a spread copy instead turns each object into a dictionary, which
 * JSON.stringify walks several times slower. A mention's quote/prefix/suffix anchor is left out:
 * it is cut from the text at the mention's offsets (as the library does when it reads one), and
 * it was 30 % of the file.
 */
function backupClipping(c: ExportClipping): BackupClipping {
  const out = clippingFields(c);
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

/**
 * What a field set writes for each of its mentions, around their own offsets: the text before the
 * first offset, between the two, and after the second, with `offsets` saying which goes where.
 * A field whose value JSON has no text for (undefined) is left out, as JSON.stringify does.
 */
type MentionTemplate = { texts: string[]; offsets: ('start' | 'end')[]; empty: boolean };

function mentionTemplate(set: FieldEntries): MentionTemplate {
  const texts: string[] = [];
  const offsets: ('start' | 'end')[] = [];
  let text = '{';
  let empty = true;
  for (const [name, value] of set) {
    const json = value === OWN ? '' : JSON.stringify(value);
    if (json === undefined) continue;
    text += `${empty ? '' : ','}${JSON.stringify(name)}:${json}`;
    empty = false;
    if (value !== OWN) continue;
    texts.push(text);
    offsets.push(name === 'start' ? 'start' : 'end');
    text = '';
  }
  texts.push(text);
  return { texts, offsets, empty };
}

/**
 * The backup's line for a clipping read from the library, from its mentions as stored: the same
 * text as JSON.stringify(backupClipping(withMentions(c))), without making an object (and an
 * anchor, which the backup leaves out) for each of half a million mentions. Each field set's JSON
 * is made once; a mention adds its offsets, number and text. Handed to `write` in pieces.
 */
export function writePackedLine(c: PackedClipping, write: (text: string) => void): void {
  const head = JSON.stringify(clippingFields(c));
  // Written in pieces rather than joined: each join or concatenation is one more copy of the text.
  if (head !== '{}') {
    write(head.slice(0, -1));
    write(',');
  } else write('{');
  write('"mentions":[');
  const templates = new Map<FieldEntries, MentionTemplate>();
  eachPacked(c.packed, (set, start, end, k) => {
    let t = templates.get(set);
    if (!t) templates.set(set, (t = mentionTemplate(set)));
    if (k) write(',');
    for (let i = 0; i < t.offsets.length; i++) {
      write(t.texts[i]);
      write(String(t.offsets[i] === 'start' ? start : end));
    }
    write(t.texts[t.offsets.length]);
    write(t.empty ? '"id":' : ',"id":');
    write(String(k + 1));
    write(',"text":');
    write(JSON.stringify(c.text.slice(start, end)));
    write('}');
  });
  write(']}');
}

/**
 * The same file as jsonBackupWriter's, made into a Blob as it is written, for the browser's
 * downloads (see blobSink): made during the export, that work overlaps the database's reads.
 */
export function jsonBackupBlobWriter(meta: BackupMeta): { add(c: ExportClipping): void; addPacked(c: PackedClipping): void; finish(collections: readonly Collection[]): Blob } {
  const sink = blobSink();
  let first = true;
  const separate = () => {
    if (!first) sink.write(',\n');
    first = false;
  };
  // The opening names the collections, known only at the end: the clippings go to the sink, and
  // the opening is put before them when the file is made.
  return {
    add: (c) => { separate(); sink.write(JSON.stringify(backupClipping(c))); },
    addPacked: (c) => { separate(); writePackedLine(c, sink.write); },
    finish: (collections) => {
      sink.write(CLOSE);
      return new Blob([backupOpening(meta, collections), sink.finish('')], { type: 'application/json' });
    },
  };
}

/** Writes the lossless JSON backup of `source`, a clipping between pauses rather than all in one long call. */
export async function writeJsonBackup(source: ExportSource, meta: BackupMeta, options: WriterOptions = {}): Promise<string> {
  const writer = jsonBackupWriter(meta);
  await forEachChunked(source.clippings, writer.add, options);
  return writer.text(source.collections);
}
