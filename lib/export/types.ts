import type { Clipping, Collection, StoredMention } from '../db/schema';

/** A clipping with its mentions, as every export format reads it. */
export type ExportClipping = Clipping & { mentions: StoredMention[] };

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
  finish(collections: readonly Collection[]): ExportFile[] | Promise<ExportFile[]>;
};

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
