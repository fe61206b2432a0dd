import { useMemo } from 'preact/hooks';
import { openDatabase, type MigraLensDB } from '@/lib/db/schema';

/**
 * The library's database for an extension page, opening from the first render on: opening takes
 * a round trip to the browser, which then overlaps the first paint instead of delaying the first
 * query. A failure to open is not lost: every query then fails with it, and the page shows it.
 */
export function useDatabase(): MigraLensDB {
  return useMemo(() => {
    const db = openDatabase();
    db.open().catch(() => undefined);
    return db;
  }, []);
}
