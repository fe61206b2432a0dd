import { useEffect, useState } from 'preact/hooks';
import { LibraryBrowser } from '@/components/LibraryBrowser';
import { readerHref } from '@/components/navigation';
import { useDatabase } from '@/components/use-database';
import { LibraryExportPanel } from './export-panel';

const listHeight = () => Math.max(300, window.innerHeight - 260);

/** library.html: the popup's search and list with room to breathe. */
export function App() {
  const db = useDatabase();
  const [height, setHeight] = useState(listHeight);
  useEffect(() => {
    const onResize = () => setHeight(listHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <main class="library-page">
      <h1>MigraLens library</h1>
      <LibraryBrowser db={db} href={(c) => readerHref(c.id)} listHeight={height}
        onOpen={(c) => { location.href = readerHref(c.id); }} />
      <LibraryExportPanel db={db} />
    </main>
  );
}
