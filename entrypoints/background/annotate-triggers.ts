/**
 * Every way to start annotating besides the popup — the "Annotate this page" context-menu item,
 * the keyboard shortcut, automatic runs on chosen sites — and what the page reports back (the
 * badge, the panel's "Save clipping"). All on-demand triggers go through `annotateTab`, the one
 * injection path (activeTab + scripting).
 */
import { isSaved } from '@/lib/db/clippings';
import type { MigraLensDB } from '@/lib/db/schema';
import { isMessage, type MessageMap } from '@/lib/messages';
import { fail } from '@/lib/result';
import { syncAutoAnnotation, watchAutoSites } from './auto-sites';
import { annotateTab, saveTab } from './tab-actions';

export const ANNOTATE_MENU_ID = 'migralens-annotate-page';
export const ANNOTATE_COMMAND = 'annotate-page';

type Sender = { tab?: { id?: number } };

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function onMenuClick(info: { menuItemId: string | number }, tab?: { id?: number }) {
  if (info.menuItemId !== ANNOTATE_MENU_ID) return undefined;
  const tabId = tab?.id ?? await activeTabId();
  return tabId === undefined ? fail('no-tab', 'No tab to annotate.') : annotateTab(tabId);
}

export async function onCommand(command: string, tab?: { id?: number }) {
  if (command !== ANNOTATE_COMMAND) return undefined;
  const tabId = tab?.id ?? await activeTabId();
  return tabId === undefined ? fail('no-tab', 'No tab to annotate.') : annotateTab(tabId);
}

/** Badge: the number of mentions, with ✓ and another colour when the page is in the library. */
export async function showBadge(tabId: number, total: number | null, saved: boolean): Promise<void> {
  const text = total === null ? '' : `${total > 999 ? '999+' : total}${saved && total < 1000 ? '✓' : ''}`;
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: saved ? '#00664A' : '#0072B2' });
  const what = total === null ? 'MigraLens' : `MigraLens — ${total} mentions${saved ? ', saved in your library' : ''}`;
  await browser.action.setTitle({ tabId, title: what });
}

function onPageMessage(db: MigraLensDB, message: unknown, sender: Sender) {
  if (!isMessage(message)) return undefined;
  const tabId = sender.tab?.id;
  if (message.type === 'page/report') {
    const { summary, urlKey } = message.payload as MessageMap['page/report']['request'];
    return (async (): Promise<MessageMap['page/report']['response']> => {
      const saved = urlKey ? await isSaved(db, urlKey).catch(() => false) : false;
      if (tabId !== undefined) await showBadge(tabId, summary.state === 'annotated' ? summary.total : null, saved);
      return { saved };
    })();
  }
  if (message.type === 'page/save') {
    if (tabId === undefined) return Promise.resolve(fail('no-tab', 'No tab to save.'));
    const { force } = message.payload as MessageMap['page/save']['request'];
    return saveTab(db, { tabId, force });
  }
  return undefined;
}

export function registerAnnotateTriggers(db: MigraLensDB): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    try {
      browser.contextMenus.create({ id: ANNOTATE_MENU_ID, title: 'Annotate this page', contexts: ['page'] }, () => void browser.runtime.lastError);
    } catch (error) {
      console.warn('MigraLens: context menu not created', error);
    }
    // First run: offer the news sites to annotate automatically (nothing is granted until the user chooses).
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => { void onMenuClick(info, tab); });
  browser.commands.onCommand.addListener((command, tab) => { void onCommand(command, tab); });
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => onPageMessage(db, message, sender));
  watchAutoSites();
  // The service worker's handlers, reachable from the tests' DevTools session (never from pages).
  (globalThis as { migralensTriggers?: object }).migralensTriggers = { onMenuClick, onCommand, syncAutoAnnotation, annotateTab };
}
