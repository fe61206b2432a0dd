import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The value of a Dexie query, kept current: Dexie re-runs it when the tables it read change, also
 * when the change was written by another context (the background saving a clipping).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): { value: T; error: Error | null } {
  const [value, setValue] = useState<T>(initial);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => { setValue(v); setError(null); },
      error: (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return { value, error };
}
