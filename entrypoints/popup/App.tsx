import { useEffect, useState } from 'preact/hooks';
import { LibraryBrowser } from '@/components/LibraryBrowser';
import { PageStatus } from '@/components/PageStatus';
import { useLiveQuery } from '@/components/use-live-query';
import { savedPage } from '@/lib/db/clippings';
import type { ClippingRow } from '@/lib/db/schema';
import type { LibraryHead } from '@/components/LibraryBrowser';
import type { FirstRead } from '@/components/open-library';
import { LAST_TRIGGERED_SAVE, type MessageMap, type MessageType, type PageSummary, type TriggeredSave } from '@/lib/messages';
import { urlKey } from '@/lib/url-key';
import { closeOnEscape, libraryHref, openPage, readerHref } from '@/components/navigation';

function send<K extends MessageType>(type: K, payload: MessageMap[K]['request']): Promise<MessageMap[K]['response']> {
  return browser.runtime.sendMessage({ type, payload });
}

/** The tab this popup acts on: `?tab=ID` when opened as a page, else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// Opened as a page (`?tab=ID`, as the tests do) the popup stays open when a clipping is opened.
const inPopupWindow = !new URLSearchParams(location.search).has('tab');

/** A save started from the context menu or the shortcut in the last ten minutes, if any. */
async function recentTriggeredSave(): Promise<TriggeredSave | null> {
  const stored = await browser.storage.session?.get(LAST_TRIGGERED_SAVE);
  const report = stored?.[LAST_TRIGGERED_SAVE] as TriggeredSave | undefined;
  return report && Date.now() - Date.parse(report.at) < 10 * 60_000 ? report : null;
}

/** Height of the popup's clipping list in pixels. */
export const LIST_HEIGHT = 340;

export function App({ db, first, upgrading }: FirstRead<LibraryHead>) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [triggered, setTriggered] = useState<TriggeredSave | null>(null);
  const pageKey = summary ? urlKey(summary.url) : null;
  const existing = useLiveQuery(async () => (pageKey ? (await savedPage(db, pageKey)) ?? null : null), [db, pageKey], null);

  useEffect(() => closeOnEscape(), []);
  useEffect(() => {
    recentTriggeredSave().then(setTriggered, () => setTriggered(null));
    (async () => {
      const id = await targetTabId();
      if (id === null) { setError('No tab to annotate.'); return; }
      setTabId(id);
      const result = await send('tab/annotate', { tabId: id });
      if (result.ok) setSummary(result.value); else setError(result.error.message);
    })().catch((e: unknown) => setError(String(e)));
  }, []);

  const save = async (force = false) => {
    if (tabId === null) return;
    setSaving(true); setSaved(null); setError(null);
    try {
      const result = await send('tab/save', { tabId, force });
      if (result.ok) setSaved(`${result.value.created ? 'Saved' : 'Updated'}: ${result.value.title}`);
      else setError(result.error.message);
    } catch (e) {
      setError(String(e));
    } finally {
      setSaving(false);
    }
  };

  const open = (c: ClippingRow) => { void openPage(readerHref(c.id), inPopupWindow); };
  const noArticle = summary?.state === 'no-article';
  return (
    <main>
      <h1>MigraLens</h1>
      <PageStatus summary={summary} error={error} />
      {triggered && <div class={`status${triggered.ok ? '' : ' error'}`} role={triggered.ok ? 'status' : 'alert'}>{triggered.message}</div>}
      <div class="actions">
        {!noArticle && <button type="button" onClick={() => save(false)} disabled={saving || summary?.state !== 'annotated'}>Save clipping</button>}
        {noArticle && <button type="button" class="secondary" onClick={() => save(true)} disabled={saving}>Save whole page</button>}
        {saved && <span role="status">{saved}</span>}
        {!saved && existing.value && (
          <span class="saved-note">This page is already saved (<a href={readerHref(existing.value.id)} onClick={(e) => { e.preventDefault(); open(existing.value!); }}>open</a>); saving again updates it.</span>
        )}
      </div>
      <h2>Library</h2>
      <LibraryBrowser db={db} href={(c) => readerHref(c.id)} onOpen={open} listHeight={LIST_HEIGHT} first={first} upgrading={upgrading} />
      <p class="footer-link"><a href={libraryHref()} onClick={(e) => { e.preventDefault(); void openPage(libraryHref(), inPopupWindow); }}>Open the full library</a></p>
    </main>
  );
}
