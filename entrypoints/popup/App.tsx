import { useEffect, useMemo, useState } from 'preact/hooks';
import { ClippingList } from '@/components/ClippingList';
import { PageStatus } from '@/components/PageStatus';
import { useLiveQuery } from '@/components/use-live-query';
import { recentClippings } from '@/lib/db/clippings';
import { openDatabase } from '@/lib/db/schema';
import type { MessageMap, MessageType, PageSummary } from '@/lib/messages';

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

export function App() {
  const db = useMemo(() => openDatabase(), []);
  const [tabId, setTabId] = useState<number | null>(null);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const clippings = useLiveQuery(() => recentClippings(db, 50), [db], []);

  useEffect(() => {
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

  const noArticle = summary?.state === 'no-article';
  return (
    <main>
      <h1>MigraLens</h1>
      <PageStatus summary={summary} error={error} />
      <div class="actions">
        {!noArticle && <button type="button" onClick={() => save(false)} disabled={saving || summary?.state !== 'annotated'}>Save clipping</button>}
        {noArticle && <button type="button" class="secondary" onClick={() => save(true)} disabled={saving}>Save whole page</button>}
        {saved && <span role="status">{saved}</span>}
      </div>
      <h2>Library</h2>
      {clippings.error ? <div class="status error" role="alert">The library could not be read: {clippings.error.message}</div>
        : <ClippingList clippings={clippings.value} />}
    </main>
  );
}
