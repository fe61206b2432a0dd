import type { MigraLensDB } from '@/lib/db/schema';
import { LAST_TRIGGERED_SAVE, type MessageMap, type TriggeredSave } from '@/lib/messages';
import { saveTab } from './tab-actions';

// Ids of our menu items and command; other features register their own next to these.
export const SAVE_PAGE_MENU = 'migralens-save-page';
export const SAVE_SELECTION_MENU = 'migralens-save-selection';
/** Declared in wxt.config.ts under `commands` with its default key. */
export const SAVE_PAGE_COMMAND = 'save-page';

/**
 * "Save page as clipping" and "Save selection as clipping" in the page's context menu, and the
 * save shortcut. A menu click or the shortcut grants activeTab for that tab, so the same saveTab
 * path as the popup's button works without any host permission.
 */
export function registerSaveTriggers(db: MigraLensDB): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_PAGE_MENU, title: 'Save page as clipping', contexts: ['page'] });
    browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: 'Save selection as clipping', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === SAVE_PAGE_MENU) void run(db, { tabId: tab.id });
    else if (info.menuItemId === SAVE_SELECTION_MENU && info.selectionText) void run(db, { tabId: tab.id, selection: info.selectionText });
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== SAVE_PAGE_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await run(db, { tabId: id });
  });
}

async function run(db: MigraLensDB, request: MessageMap['tab/save']['request']): Promise<void> {
  const result = await saveTab(db, request);
  const report: TriggeredSave = result.ok
    ? { at: new Date().toISOString(), ok: true, message: `${result.value.created ? 'Saved' : 'Updated'}: ${result.value.title}` }
    : { at: new Date().toISOString(), ok: false, message: result.error.message };
  // No window to report in: the popup shows it when next opened (session storage, never synced or kept on disk).
  await browser.storage.session?.set({ [LAST_TRIGGERED_SAVE]: report });
}
