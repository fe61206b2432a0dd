import { useEffect, useState } from 'preact/hooks';
import { LibraryBrowser, type LibraryHead } from '@/components/LibraryBrowser';
import { readerHref } from '@/components/navigation';
import type { FirstRead } from '@/components/open-library';
import { LibraryExportPanel } from './export-panel';

/** Height of the clipping list in pixels: the window's, less the page's header and filters. */
export const listHeight = () => Math.max(300, window.innerHeight - 260);

/** library.html: the popup's search and list with room to breathe. */
export function App({ db, first, upgrading }: FirstRead<LibraryHead>) {
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
