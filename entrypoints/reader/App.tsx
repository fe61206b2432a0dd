import { useState } from 'preact/hooks';
import { ArticleView } from '@/components/ArticleView';
import { ClippingEditor } from '@/components/ClippingEditor';
import { libraryHref } from '@/components/navigation';
import { useLiveQuery } from '@/components/use-live-query';
import { clippingWithMentions } from '@/lib/db/clippings';
import { allCollections, deleteClipping, editClipping, restoreClipping, type DeletedClipping } from '@/lib/db/edits';
import type { FirstRead } from '@/components/open-library';
import { UPGRADING } from '@/components/upgrading';
import type { MigraLensDB } from '@/lib/db/schema';
import { NO_MENTIONS, useSameMentions } from '@/components/use-same-mentions';

const clippingId = Number(new URLSearchParams(location.search).get('id'));
const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' }) : null);

export type Opened = Awaited<ReturnType<typeof clippingWithMentions>> | null;

/** The clipping this page shows, with its mentions; null when there is none with its id. */
export const readClipping = async (db: MigraLensDB): Promise<Opened> => (await clippingWithMentions(db, clippingId)) ?? null;

/** reader.html?id=N: one clipping with its highlights, its metadata and the reader's notes. */
export function App({ db, first, upgrading }: FirstRead<Opened>) {
  // The clipping and its mentions from one read of their pack; the mentions the article is painted
  // with change only when these do (a re-save), so that edits of note or tags do not repaint it.
  const opened = useLiveQuery(() => readClipping(db), [db], first as Opened);
  const mentions = useSameMentions(opened.value?.mentions ?? NO_MENTIONS);
  const collections = useLiveQuery(() => allCollections(db), [db], []);
  const [deleted, setDeleted] = useState<DeletedClipping | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [painted, setPainted] = useState<string | null>(null);

  if (opened.error) return <main class="reader"><div class="status error" role="alert">The library could not be read: {opened.error.message}</div></main>;
  if (opened.value === undefined) return <main class="reader"><p aria-live="polite">{upgrading ? UPGRADING : 'Opening the clipping…'}</p></main>;
  if (deleted) {
    return (
      <main class="reader">
        <div class="status" role="status">“{deleted.clipping.title}” was deleted.</div>
        <div class="actions">
          <button type="button" onClick={async () => {
            const back = await restoreClipping(db, deleted);
            if (back) setDeleted(null); else setStatus('This page was saved again since; the new clipping was kept.');
          }}>Undo delete</button>
          <a href={libraryHref()}>Back to the library</a>
        </div>
        {status && <p role="alert">{status}</p>}
      </main>
    );
  }
  const c = opened.value?.clipping;
  if (!c) return <main class="reader"><h1>Clipping not found</h1><p>It may have been deleted. <a href={libraryHref()}>Open the library</a>.</p></main>;

  const names = collections.value.filter((x) => c.collections.includes(x.id)).map((x) => x.name);
  const meta = [c.siteName, c.byline, dateOf(c.published) && `published ${dateOf(c.published)}`, `saved ${dateOf(c.savedAt)}`].filter(Boolean).join(' · ');
  document.title = `${c.title} — MigraLens`;
  return (
    <div class="reader-layout">
      <main class="reader">
        <p class="crumbs"><a href={libraryHref()}>Library</a></p>
        <h1>{c.title}</h1>
        <p class="clipping-meta">{c.source === 'selection' ? 'Passage from ' : ''}{meta}</p>
        <p class="clipping-meta">Source: {/^https?:/i.test(c.url) ? <a href={c.url} target="_blank" rel="noopener noreferrer">{c.url}</a> : c.url}</p>
        {painted && <p class="clipping-meta" role="status">{painted}</p>}
        <article lang={c.lang ?? undefined}>
          <ArticleView html={c.html} mentions={mentions}
            onPainted={(placed, missing) => setPainted(`${placed} mentions highlighted${missing ? `, ${missing} could not be placed in the text` : ''}.`)} />
        </article>
      </main>
      <aside class="reader-side" aria-label="Notes and actions">
        <ClippingEditor note={c.note} tags={c.tags} collections={names} knownCollections={collections.value.map((x) => x.name)}
          onSave={(edit) => editClipping(db, c.id, edit)} />
        <div class="actions">
          <button type="button" class="secondary danger" onClick={async () => {
            try { setDeleted(await deleteClipping(db, c.id)); } catch (e) { setStatus(`Not deleted: ${String(e)}`); }
          }}>Delete clipping</button>
        </div>
        {status && <p role="alert">{status}</p>}
      </aside>
    </div>
  );
}
