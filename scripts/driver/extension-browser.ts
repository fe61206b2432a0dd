import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './find-chromium';

export const EXTENSION_DIR = resolve(process.env.MIGRALENS_OUT_DIR || '.output', 'chrome-mv3');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every URL requested while the browser ran, by pages and by the extension's service worker. */
  requests: string[];
  /** Clicks the toolbar button for the tab showing `page` (grants activeTab, opens the popup). */
  clickAction: (page: Page) => Promise<void>;
  /** The browser's tab id of `page`, as the extension sees it. */
  tabIdOf: (page: Page) => Promise<number>;
  openPopup: (tabId: number) => Promise<Page>;
  close: () => Promise<void>;
};

/** Starts a fresh Chromium profile with the built extension loaded. */
export async function launchWithExtension(options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  // Report the service worker's own requests too, so that the network check covers the extension.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = mkdtempSync(join(tmpdir(), 'migralens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
      // Lets the test press the toolbar button through the DevTools protocol (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // On install the extension opens its options page, and Chromium may open it in a blank tab a test
  // has just created, cutting that tab's first navigation short: wait until it is there.
  const isOptions = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  for (const start = Date.now(); !context.pages().some(isOptions);) {
    if (Date.now() - start > 15_000) throw new Error('The extension did not open its first-run options page.');
    await new Promise((r) => setTimeout(r, 50));
  }
  const browser = context.browser();
  if (!browser) throw new Error('Chromium did not expose a browser session.');
  const cdp = await browser.newBrowserCDPSession();

  const tabIdOf = async (page: Page) => {
    const url = page.url();
    const id = await worker.evaluate(async (u) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };
      return (await chrome.tabs.query({})).find((t) => t.url === u)?.id;
    }, url);
    if (typeof id !== 'number') throw new Error(`No tab shows ${url}`);
    return id;
  };

  return {
    context, extensionId, worker, requests, tabIdOf,
    clickAction: async (page) => {
      // A click only grants activeTab on the tab in front (the first-run options tab may be there).
      await page.bringToFront();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const target = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
      if (!target) throw new Error(`No tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: target.targetId } as never);
    },
    openPopup: async (tabId) => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
