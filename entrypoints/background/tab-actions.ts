import { saveClipping } from '@/lib/db/clippings';
import type { MigraLensDB } from '@/lib/db/schema';
import { describeStorageError } from '@/lib/db/storage-errors';
import { highlightCss } from '@/lib/highlight/highlight-styles';
import type { MessageMap, PageSummary } from '@/lib/messages';
import { fail, ok, type Result } from '@/lib/result';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Injects the annotator (allowed by activeTab after a user gesture) and returns its summary. */
export async function annotateTab(tabId: number, force = false): Promise<Result<PageSummary>> {
  try {
    await browser.scripting.insertCSS({ target: { tabId }, css: highlightCss() });
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

/** Annotates the tab if needed, asks it for its clipping and stores it in one transaction. */
export async function saveTab(db: MigraLensDB, { tabId, force }: MessageMap['tab/save']['request']): Promise<MessageMap['tab/save']['response']> {
  const annotated = await annotateTab(tabId, force);
  if (!annotated.ok) return annotated;
  const clipping = await browser.tabs.sendMessage(tabId, { type: 'page/clipping', payload: { force } }) as MessageMap['page/clipping']['response'];
  if (!clipping.ok) return clipping;
  try {
    const saved = await saveClipping(db, clipping.value);
    return ok({ ...saved, title: clipping.value.title });
  } catch (error) {
    const { code, message } = describeStorageError(error);
    return fail(code, message);
  }
}
