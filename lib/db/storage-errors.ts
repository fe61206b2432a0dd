import type { FailureCode } from '../result';

/**
 * Turns a Dexie/IndexedDB failure into what the user is told. A full disk can arrive as
 * QuotaExceededError or wrapped in an AbortError (`inner`), so both are checked.
 */
export function describeStorageError(error: unknown): { code: FailureCode; message: string } {
  const e = error as { name?: string; message?: string; inner?: { name?: string } } | null;
  const names = [e?.name, e?.inner?.name];
  if (names.includes('QuotaExceededError')) {
    return {
      code: 'quota-exceeded',
      message: 'The browser has no room left for MigraLens: nothing was saved and your existing clippings are intact. Free disk space or export and delete old clippings, then try again.',
    };
  }
  return { code: 'storage-failed', message: `Saving failed (${e?.name ?? 'error'}: ${e?.message ?? String(error)}). Nothing was changed in your library.` };
}
