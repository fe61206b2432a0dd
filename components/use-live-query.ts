import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The value of a Dexie query, kept current: Dexie re-runs it when the tables it read change, also
 * when the change was written by another context (the background saving a clipping). The query
 * starts as soon as the component is rendered: an effect would wait for the next frame to be
 * painted, 10–35 ms, before asking the database anything.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): { value: T; error: Error | null } {
  const [value, setValue] = useState<T>(initial);
  const [error, setError] = useState<Error | null>(null);
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => { setValue(v); setError(null); },
      error: (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return { value, error };
}
