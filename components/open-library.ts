import { DB_NAME, openDatabase, upgradeUnderway, type MigraLensDB } from '@/lib/db/schema';
import { readLibraryHead, type LibraryHead } from './LibraryBrowser';

/** What a page is rendered with: the library, opened, and its first read when it came in time. */
export type FirstRead<T> = {
  db: MigraLensDB;
  first: T | undefined;
  /** The library is being upgraded for this version (once): the page says so while it waits. */
  upgrading: boolean;
};

/**
 * Opens the library and makes a page's first read before the page first renders, so that its first
 * frame shows what was read: rendered first, the page would paint an empty frame, and the
 * database's answer would wait behind it (20–50 ms). A read that takes longer than `wait` ms (a
 * first open that upgrades the database) or fails is not waited for: `first` is undefined, the page
 * renders at once, and its own live query shows the result, or the error, when it comes (a failure
 * to open is not lost: every query fails with it). While the library is upgraded, by this page or
 * another, `upgrading` says so.
 */
export async function openAndRead<T>(read: (db: MigraLensDB) => Promise<T>, wait = 250): Promise<FirstRead<T>> {
  let upgrading = false;
  const db = openDatabase(DB_NAME, { onUpgrade: () => { upgrading = true; } });
  const first = read(db).catch(() => undefined);
  const answer = await Promise.race([first, new Promise<undefined>((resolve) => setTimeout(resolve, wait))]);
  // The upgrade may be another page's, or the background's, which this page's open waits on.
  return { db, first: answer, upgrading: answer === undefined && (upgrading || await upgradeUnderway().catch(() => false)) };
}

/** openAndRead for a page that lists the library: the whole library's first screen. */
export const openWithFirstScreen = (listHeight: number): Promise<FirstRead<LibraryHead>> => openAndRead((db) => readLibraryHead(db, {}, listHeight));
