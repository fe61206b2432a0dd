import { useEffect, useState } from 'preact/hooks';
import { LibraryBrowser, type LibraryHead } from '@/components/LibraryBrowser';
import { readerHref } from '@/components/navigation';
import { useDatabase } from '@/components/use-database';
import type { MigraLensDB } from '@/lib/db/schema';
import { LibraryExportPanel } from './export-panel';

/** Height of the clipping list in pixels: the window's, less the page's header and filters. */
export const listHeight = () => Math.max(300, window.innerHeight - 260);

export type AppProps = {
  /** The library, opened before the first render, with its first screen when it was read in time. */
  db?: MigraLensDB;
  first?: LibraryHead;
  upgrading?: boolean;
};

/** library.html: the popup's search and list with room to breathe. */
export function App({ db: given, first, upgrading }: AppProps) {
  const db = useDatabase(given);
  const [height, setHeight] = useState(listHeight);
  useEffect(() => {
    const onResize = () => setHeight(listHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <main class="library-page">
      <h1>MigraLens library</h1>
      <LibraryBrowser db={db} href={(c) => readerHref(c.id)} listHeight={height} first={first} upgrading={upgrading}
        onOpen={(c) => { location.href = readerHref(c.id); }} />
      <LibraryExportPanel db={db} />
    </main>
  );
}
