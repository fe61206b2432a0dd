import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** What the background returns from annotateTab, as the tests see it. */
export type TriggerResult = { ok: boolean; value?: { state: string; total?: number; unanchored?: number; readBy?: 'background' | 'page' }; error?: { code?: string; message: string } };

/** URLs of the pages whose first press of the toolbar button did not grant access (see trigger). */
export const regrantedPages: string[] = [];

type Triggers = {
  annotateTab: (tabId: number, force?: boolean) => Promise<TriggerResult>;
  onMenuClick: (info: { menuItemId: string }, tab: { id: number }) => Promise<TriggerResult>;
  onCommand: (command: string, tab: { id: number }) => Promise<TriggerResult>;
};

/**
 * Runs one of the background's trigger handlers for the tab showing `page`, after pressing the
 * toolbar button through DevTools (which grants activeTab as a real click, shortcut or menu would).
 */
export async function trigger(browser: ExtensionBrowser, page: Page, how: 'annotate' | 'menu' | 'command' = 'annotate'): Promise<TriggerResult> {
  const result = await pressAndRun(browser, page, how);
  if (result.ok || result.error?.code !== 'cannot-access-page') return result;
  // About one page in a few hundred, the button pressed through DevTools leaves the tab without
  // access (the extension sees its address, then may not inject into it): the press is repeated
  // once, and the pages it happened to are listed, so that a page that refuses twice still fails.
  regrantedPages.push(page.url());
  return pressAndRun(browser, page, how);
}

async function pressAndRun(browser: ExtensionBrowser, page: Page, how: 'annotate' | 'menu' | 'command'): Promise<TriggerResult> {
  await browser.clickAction(page);
  // The tab's URL is visible to the extension once activeTab is granted, which can lag the click.
  let tabId: number | null = null;
  for (let i = 0; tabId === null; i++) {
    try {
      tabId = await browser.tabIdOf(page);
    } catch (error) {
      if (i >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return browser.worker.evaluate(({ tabId, how }) => {
    const t = (globalThis as unknown as { migralensTriggers: Triggers }).migralensTriggers;
    if (how === 'menu') return t.onMenuClick({ menuItemId: 'migralens-annotate-page' }, { id: tabId });
    if (how === 'command') return t.onCommand('annotate-page', { id: tabId });
    return t.annotateTab(tabId);
  }, { tabId, how });
}

/** The page's DOM as markup, without our host element (the one thing MigraLens may add). */
export function serialiseWithoutHost(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('migralens-root').forEach((el) => el.remove());
    return clone.outerHTML;
  });
}

/** Ranges registered under migralens-<kind>, with whether their nodes are still in the page. */
export function highlightRanges(page: Page): Promise<{ kind: string; text: string; connected: boolean }[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string; connected: boolean }[] = [];
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
      if (!name.startsWith('migralens-')) continue;
      for (const r of h) out.push({ kind: name.slice(10), text: r.toString(), connected: r.startContainer.isConnected });
    }
    return out;
  });
}

/** Viewport centre of the first occurrence of `text` inside `selector` (for hovering a mention). */
export function pointOfText(page: Page, selector: string, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(({ selector, text }) => {
    const root = document.querySelector(selector);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(text);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + text.length);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = r.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, { selector, text });
}
