import { Zip, ZipDeflate } from 'fflate';
import { timeSlices } from './chunked';
import type { ExportFile, WriterOptions } from './types';
import { pieceEnd, PIECE } from './utf8';

/**
 * Deflate's fastest level, for fflate: on 7 MB of real article text level 6 took twice as long for
 * a file 9 % smaller. (The platform's compressor has no setting; zlib's default level in native
 * code is still several times faster than level 1 in JavaScript.)
 */
const LEVEL = 1;

/**
 * Characters encoded at a time for the platform's compressor. Chromium copies the text of each
 * call into a buffer of its own, and from about 100 KB that buffer is mapped fresh from the system
 * every time: on 130 MB of CSV, 1 MiB pieces encoded five times slower than 64 KiB ones.
 */
export const NATIVE_PIECE = 1 << 16;

const encoder = new TextEncoder();

export type ZipOptions = WriterOptions & { mtime?: Date };

/**
 * Zips text files (UTF-8), a piece of text at a time with a pause between slices of work, so that
 * zipping a 100 MB table or a thousand notes does not block the page. `onProgress` counts
 * characters of text. The platform's CompressionStream (zlib, in native code) zipped 130 MB of CSV
 * in an eighth of fflate's time in Chromium, 10,000 notes in a twentieth. Where there is none,
 * fflate's streaming synchronous API (its async mode starts Workers from generated code, which an
 * extension page's CSP refuses).
 */
export async function zipFiles(files: readonly ExportFile[], options: ZipOptions = {}): Promise<Uint8Array> {
  return hasGzipStream() ? zipNative(files, options) : zipFflate(files, options);
}

/** Whether the platform compresses to gzip: Chromium 80+, Firefox 113+, Safari 16.4+, Node 18+. */
export function hasGzipStream(): boolean {
  if (typeof CompressionStream === 'undefined') return false;
  try {
    new CompressionStream('gzip');
    return true;
  } catch {
    return false;
  }
}

export type Deflated = { data: Uint8Array; crc: number; size: number };

/**
 * A zip entry's deflated data and CRC-32 are a gzip member without its header and trailer: asking
 * the platform for gzip rather than raw deflate gets the checksum computed natively too.
 */
export async function zipNative(files: readonly ExportFile[], options: ZipOptions = {}): Promise<Uint8Array> {
  const { onProgress, mtime = new Date() } = options;
  const slices = timeSlices(options);
  const total = files.reduce((n, f) => n + f.content.length, 0);
  // Three bytes a character at most; the same buffer serves every piece, so no memory is mapped per piece.
  const buffer = new Uint8Array(NATIVE_PIECE * 3);
  let done = 0;
  const entries: Deflated[] = [];
  for (const file of files) {
    const stream = new CompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const read = readAll(stream.readable);
    // A failing stream rejects the pending write too, which is what throws; this keeps the read's copy of the error quiet.
    read.catch(() => undefined);
    let size = 0;
    for (let at = 0; at < file.content.length;) {
      const end = pieceEnd(file.content, at, NATIVE_PIECE);
      const { written } = encoder.encodeInto(file.content.slice(at, end), buffer);
      // The compressor has consumed a chunk once its write settles, so the buffer is free again.
      await writer.write(buffer.subarray(0, written));
      size += written;
      done += end - at;
      at = end;
      if (slices.due()) {
        onProgress?.(done, total);
        await slices.pause();
      }
    }
    await writer.close();
    entries.push(fromGzip(await read, size));
  }
  onProgress?.(total, total);
  return zipArchive(files.map((f) => f.name), entries, mtime);
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The deflate stream and checksum of a gzip member (RFC 1952), whatever optional header fields the platform wrote. */
export function fromGzip(gz: Uint8Array, size: number): Deflated {
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) throw new Error('The platform\'s gzip stream has an unexpected header');
  const flags = gz[3];
  let at = 10;
  if (flags & 4) at += 2 + u16(gz, at); // FEXTRA
  if (flags & 8) at = gz.indexOf(0, at) + 1; // FNAME
  if (flags & 16) at = gz.indexOf(0, at) + 1; // FCOMMENT
  if (flags & 2) at += 2; // FHCRC
  const trailer = gz.length - 8;
  if (at <= 0 || at > trailer || u32(gz, trailer + 4) !== size >>> 0) throw new Error('The platform\'s gzip stream does not match its input');
  return { data: gz.subarray(at, trailer), crc: u32(gz, trailer), size };
}

/** MS-DOS date and time, local, as zip tools read them (and as fflate writes them). */
function dosTime(d: Date): number {
  const year = d.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError('A zip can only date its files 1980–2099');
  return ((year << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

/**
 * A zip (APPNOTE 6.3) of deflated entries: local headers with their data, then the central
 * directory. Sizes past 4 GB or 65,535 entries would need Zip64, which no export comes near.
 */
export function zipArchive(names: readonly string[], entries: readonly Deflated[], mtime: Date): Uint8Array {
  const encodedNames = names.map((n) => encoder.encode(n));
  const locals = entries.reduce((n, e, i) => n + 30 + encodedNames[i].length + e.data.length, 0);
  const central = encodedNames.reduce((n, name) => n + 46 + name.length, 0);
  if (entries.length > 0xffff || locals + central > 0xffffffff || entries.some((e) => e.size > 0xffffffff)) {
    throw new RangeError('Too many or too large files for a zip without Zip64');
  }
  const out = new Uint8Array(locals + central + 22);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const time = dosTime(mtime);
  const offsets: number[] = [];
  let at = 0;
  // UTF-8 names are flagged (bit 11) so that unzip tools do not read them as code page 437; a name
  // is pure ASCII when its UTF-8 is as long as it is.
  const flagsOf = (name: string, encoded: Uint8Array) => (encoded.length !== name.length ? 0x800 : 0);
  // The fields a local header and its central-directory record share, in the same order: version
  // needed, flags, method (deflate), time, CRC-32, sizes and name length (24 bytes from `from`).
  const common = (from: number, e: Deflated, i: number) => {
    const name = encodedNames[i];
    view.setUint16(from, 20, true);
    view.setUint16(from + 2, flagsOf(names[i], name), true);
    view.setUint16(from + 4, 8, true);
    view.setUint32(from + 6, time, true);
    view.setUint32(from + 10, e.crc, true);
    view.setUint32(from + 14, e.data.length, true);
    view.setUint32(from + 18, e.size, true);
    view.setUint16(from + 22, name.length, true);
  };
  entries.forEach((e, i) => {
    const name = encodedNames[i];
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, e, i);
    // Extra field length: zero.
    out.set(name, at + 30);
    out.set(e.data, at + 30 + name.length);
    at += 30 + name.length + e.data.length;
  });
  const centralAt = at;
  entries.forEach((e, i) => {
    const name = encodedNames[i];
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    common(at + 6, e, i);
    // Extra field and comment lengths, disk number, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[i], true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralAt, true);
  view.setUint32(at + 16, centralAt, true);
  return out;
}

/** The same archive through fflate, for platforms without CompressionStream. */
export async function zipFflate(files: readonly ExportFile[], options: ZipOptions = {}): Promise<Uint8Array> {
  const { onProgress, mtime = new Date() } = options;
  const slices = timeSlices(options);
  const total = files.reduce((n, f) => n + f.content.length, 0);
  let done = 0;
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else parts.push(data);
  });
  for (const file of files) {
    const entry = new ZipDeflate(file.name, { level: LEVEL });
    entry.mtime = mtime;
    zip.add(entry);
    let at = 0;
    do {
      const end = pieceEnd(file.content, at, PIECE);
      entry.push(encoder.encode(file.content.slice(at, end)), end === file.content.length);
      done += end - at;
      at = end;
      if (failure) throw failure;
      if (slices.due()) {
        onProgress?.(done, total);
        await slices.pause();
      }
    } while (at < file.content.length);
  }
  zip.end();
  if (failure) throw failure;
  onProgress?.(total, total);
  return concat(parts);
}
