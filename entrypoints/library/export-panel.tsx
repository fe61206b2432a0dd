import { ExportPanel } from '@/components/ExportPanel';
import { useLiveQuery } from '@/components/use-live-query';
import type { MigraLensDB } from '@/lib/db/schema';
import { exportLibrary, importLibrary } from './export-actions';

/** The export panel wired to the library database: mount as `<LibraryExportPanel db={db} searchIds={ids} />`. */
export function LibraryExportPanel({ db, searchIds }: { db: MigraLensDB; searchIds?: readonly number[] }) {
  const collections = useLiveQuery(() => db.collections.orderBy('name').toArray(), [db], []);
  return (
    <ExportPanel collections={collections.value} searchIds={searchIds}
      onExport={(scope, format, onProgress) => exportLibrary(db, scope, format, onProgress)}
      onImport={(file, onProgress) => importLibrary(db, file, onProgress)} />
  );
}
