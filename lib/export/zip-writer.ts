import { fromGzip, hasGzipStream, NATIVE_PIECE, readAll, zipArchive, zipFflate, type Deflated } from './zip';
import type { TextSink } from './types';
import { encodeUtf8Into } from './utf8';

/**
 * A zip written as its files are: each entry is a sink, and with the platform's compressor its
 * text is compressed while the rest of the export is still being read and written, instead of
 * being joined into one string (130 MB for the CSV of a 10,000-clipping library) and compressed
 * after. `finish` waits for the compressors and lays out the archive (see zipArchive).
 */
export type ZipWriter = {
  entry(name: string): TextSink;
  finish(mtime?: Date): Promise<Uint8Array>;
};

export function zipWriter(): ZipWriter {
  return hasGzipStream() ? nativeZipWriter() : fflateZipWriter();
}

/**
 * One entry through the platform's gzip (see zipNative): text is encoded into buffers of
 * NATIVE_PIECE bytes, each written to the compressor once full. A write is not awaited: the
 * chunks queue in the stream and are compressed whenever the export yields to the event loop. A
 * buffer is used again once the compressor has taken its bytes (its write has settled): making a
 * fresh 64 KB buffer each time cost 30–90 µs, a tenth of a second over a large library's CSV.
 */
function gzipEntry(): TextSink & { end(): Promise<Deflated> } {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const read = readAll(stream.readable);
  let failure: unknown = null;
  // A failed write rejects the read too, which `end` throws; this keeps the read's copy quiet until then.
  read.catch(() => undefined);
  const free: Uint8Array<ArrayBuffer>[] = [];
  const buffer = () => free.pop() ?? new Uint8Array(NATIVE_PIECE);
  let current = buffer();
  let used = 0;
  let size = 0;
  const submit = (bytes: Uint8Array<ArrayBuffer>, reuse?: Uint8Array<ArrayBuffer>) => {
    size += bytes.length;
    writer.write(bytes).then(() => { if (reuse) free.push(reuse); }, (error: unknown) => { failure ??= error; });
  };
  const flush = () => {
    if (!used) return;
    submit(current.subarray(0, used), current);
    current = buffer();
    used = 0;
  };
  return {
    write: (text) => {
      // A UTF-16 code unit is at most three bytes of UTF-8.
      if (3 * text.length > NATIVE_PIECE - used) flush();
      if (3 * text.length <= NATIVE_PIECE - used) {
        used = encodeUtf8Into(text, current, used);
        return;
      }
      const bytes = new Uint8Array(3 * text.length);
      submit(bytes.subarray(0, encodeUtf8Into(text, bytes, 0)));
    },
    end: async () => {
      flush();
      await writer.close().catch((error: unknown) => { failure ??= error; });
      if (failure) throw failure;
      return fromGzip(await read, size);
    },
  };
}

function nativeZipWriter(): ZipWriter {
  const entries: { name: string; gzip: ReturnType<typeof gzipEntry> }[] = [];
  return {
    entry: (name) => {
      const gzip = gzipEntry();
      entries.push({ name, gzip });
      return gzip;
    },
    finish: async (mtime = new Date()) => {
      const deflated = await Promise.all(entries.map((e) => e.gzip.end()));
      return zipArchive(entries.map((e) => e.name), deflated, mtime);
    },
  };
}

/** Without the platform's compressor: each entry's text is kept, and zipped with fflate at the end. */
function fflateZipWriter(): ZipWriter {
  const files: { name: string; parts: string[] }[] = [];
  return {
    entry: (name) => {
      const file = { name, parts: [] as string[] };
      files.push(file);
      return { write: (text) => { file.parts.push(text); } };
    },
    finish: (mtime = new Date()) => zipFflate(files.map((f) => ({ name: f.name, content: f.parts.join('') })), { mtime }),
  };
}
