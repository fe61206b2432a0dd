import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ExportFile, WriterOptions } from './types';

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Zips text files (UTF-8), one file at a time with a pause between them, so that zipping a
 * thousand notes does not block the page. fflate's own async mode starts Workers from generated
 * code, which an extension page's CSP refuses; the streaming synchronous API needs no Worker.
 */
export async function zipFiles(files: readonly ExportFile[], options: WriterOptions & { mtime?: Date } = {}): Promise<Uint8Array> {
  const { onProgress, pause = nextTick, chunk = 50, mtime = new Date() } = options;
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else parts.push(data);
  });
  for (let i = 0; i < files.length; i++) {
    const entry = new ZipDeflate(files[i].name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(strToU8(files[i].content), true);
    if (failure) throw failure;
    if ((i + 1) % chunk === 0) {
      onProgress?.(i + 1, files.length);
      await pause();
    }
  }
  zip.end();
  if (failure) throw failure;
  onProgress?.(files.length, files.length);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
