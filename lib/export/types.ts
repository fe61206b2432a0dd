import type { PackedMentions } from '../db/mention-store';
import type { Clipping, Collection, StoredMention } from '../db/schema';

/** A clipping with its mentions, as every export format reads it. */
export type ExportClipping = Clipping & { mentions: StoredMention[] };

/** A clipping as the library stores it, its mentions still packed (see read-library.ts and withMentions). */
export type PackedClipping = Clipping & { packed: PackedMentions | undefined };

/** What an export covers: the clippings chosen (a collection, a search result or all) and the collections they name. */
export type ExportSource = {
  clippings: readonly ExportClipping[];
  collections: readonly Collection[];
};

/**
 * A format's writer, fed one clipping at a time: an export of a library writes each batch while
 * the next one is being read. `finish` gets the collections the export covers (for the backup).
 */
export type ClippingWriter = {
  add(c: ExportClipping): void;
  /**
   * The same as `add` for a clipping read from the library, where a writer can read the packed
   * mentions as they are: on a large library, making an object and an anchor for each of half a
   * million mentions, only to write a few of their fields, was a third of a CSV export.
   */
  addPacked?(c: PackedClipping): void;
  finish(collections: readonly Collection[]): ExportFile[] | Promise<ExportFile[]>;
};

/** Where a file's text goes as it is written: a list of strings, a Blob, an entry of a zip. */
export type TextSink = { write(text: string): void };

/** One file of a multi-file export: written as is by the command line, zipped by the extension. */
export type ExportFile = { name: string; content: string };

/**
 * Told after each unit of work (a clipping, usually). Writers also hand control back to the event
 * loop every few milliseconds, through `pause`, so that a page exporting thousands stays responsive.
 */
export type Progress = (done: number, total: number) => void;

export type WriterOptions = {
  onProgress?: Progress;
  /** Awaited once a slice of work has run `sliceMs`; the default yields to the event loop. Tests pass a no-op. */
  pause?: () => Promise<void>;
  /** Milliseconds of work between pauses (default 16, one frame). */
  sliceMs?: number;
};
