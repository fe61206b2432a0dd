import { trySaveClipping } from '@/lib/db/clippings';
import type { MigraLensDB } from '@/lib/db/schema';
import { selectionClipping } from '@/lib/db/selection';
import type { MessageMap, PageSummary } from '@/lib/messages';
import { fail, ok, type Result } from '@/lib/result';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Injects the annotator (allowed by activeTab after a user gesture) and returns its summary. */
export async function annotateTab(tabId: number, force = false): Promise<Result<PageSummary>> {
  try {
    // Asked for by the user (popup, shortcut, context menu): the in-page panel opens, which it does
    // not on the sites annotated automatically. The content script styles its own highlights.
    await browser.scripting.executeScript({ target: { tabId }, func: () => { (globalThis as { migralensOpenPanel?: boolean }).migralensOpenPanel = true; } });
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    let summary = injection?.result as PageSummary | undefined;
    if (force && summary?.state !== 'annotated') {
      summary = await browser.tabs.sendMessage(tabId, { type: 'page/annotate', payload: { force } });
    }
    if (!summary) return fail('content-script-failed', 'The page did not answer; reload it and try again.');
    return ok(summary);
  } catch (error) {
    return fail('cannot-access-page', `MigraLens cannot read this page: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Annotates the tab if needed, asks it for its clipping and stores it in one transaction. With a
 * selection, stores that passage instead (the whole page is read when it has no article, so that
 * a passage of any page can be kept).
 */
export async function saveTab(db: MigraLensDB, { tabId, force, selection }: MessageMap['tab/save']['request']): Promise<MessageMap['tab/save']['response']> {
  const whole = force || !!selection;
  const annotated = await annotateTab(tabId, whole);
  if (!annotated.ok) return annotated;
  const clipping = await browser.tabs.sendMessage(tabId, { type: 'page/clipping', payload: { force: whole } }) as MessageMap['page/clipping']['response'];
  if (!clipping.ok) return clipping;
  const input = selection ? selectionClipping(clipping.value, selection) : clipping.value;
  if (!input) return fail('bad-request', 'The selection is empty: select some text and try again.');
  const saved = await trySaveClipping(db, input);
  return saved.ok ? ok({ ...saved.value, title: input.title }) : saved;
}
