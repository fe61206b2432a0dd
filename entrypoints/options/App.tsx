import { useEffect, useState } from 'preact/hooks';
import { SiteChooser } from '@/components/SiteChooser';
import { patternFromInput } from '@/lib/news-sites';

async function grantedNow(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => /^https?:\/\//.test(o)).sort();
}

/** Options: which sites MigraLens annotates by itself. Grants are the browser's own permissions. */
export function App() {
  const [granted, setGranted] = useState<string[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    const refresh = () => { void grantedNow().then(setGranted); };
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => { browser.permissions.onAdded.removeListener(refresh); browser.permissions.onRemoved.removeListener(refresh); };
  }, []);

  // permissions.request must be the first thing the click does: the browser only asks during a user gesture.
  const grant = (patterns: string[]) => {
    browser.permissions.request({ origins: patterns })
      .then((ok) => setStatus(ok ? { text: `Now annotating ${patterns.length} more site${patterns.length > 1 ? 's' : ''} automatically.`, error: false }
        : { text: 'Not granted: those sites are not annotated automatically.', error: true }))
      .catch((e: unknown) => setStatus({ text: `The browser refused: ${e instanceof Error ? e.message : String(e)}`, error: true }))
      .finally(() => { void grantedNow().then(setGranted); });
  };
  const remove = (pattern: string) => {
    browser.permissions.remove({ origins: [pattern] })
      .then(() => setStatus({ text: 'Removed.', error: false }))
      .catch((e: unknown) => setStatus({ text: `Not removed: ${e instanceof Error ? e.message : String(e)}`, error: true }))
      .finally(() => { void grantedNow().then(setGranted); });
  };
  return (
    <main>
      <h1>MigraLens</h1>
      <p>MigraLens annotates a page when you ask: the toolbar button, the shortcut Alt+Shift+A, or “Annotate this page” in the page's context menu. It can also annotate the sites you choose here as soon as their pages open. It never runs on a site you did not choose, and it sends nothing anywhere.</p>
      <SiteChooser granted={granted} onGrant={grant} onRemove={remove} parseSite={patternFromInput} status={status} />
    </main>
  );
}
