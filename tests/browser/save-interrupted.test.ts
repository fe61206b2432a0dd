import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageMap } from '../../lib/messages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { servePages, type PageServer } from '../../scripts/driver/page-server';
import {
  readLibrary, stopServiceWorker, targetExists, workerTarget, WorkerSession,
  type PausedSave, type StoredLibrary, type TransactionLog,
} from './interrupt-helpers';

// About a thousand mentions and several hundred distinct words: after the clipping's row and its
// article with the mention list, a save writes one search-index row per word, so there is a middle
// to stop in.
const FIXTURE = 'interrupted-save.html';

type Sent<T> = { answered: T } | { failed: string };
type Request = 'tab/annotate' | 'tab/save';

/** Writes of one transaction into `store`, optionally of one kind (`add`, `put`, `delete`…). */
function writesTo(log: TransactionLog, store: string, op?: string): number {
  return Object.entries(log.writes)
    .filter(([key]) => key.endsWith(`:${store}`) && (!op || key.startsWith(`${op}:`)))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('the background stopped in the middle of a save, in Chromium with the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let cdp: CDPSession;
  // An extension page that sends the popup's messages and reads the database; it outlives every worker.
  let control: Page;
  /** For each clipping saved whole, the number of mentions the detector found on its page. */
  const expected = new Map<number, number>();

  /** Sends a message as the popup does; a save cut off by the worker's end comes back as `failed`. */
  const send = <K extends Request>(type: K, payload: MessageMap[K]['request']) =>
    control.evaluate(({ type, payload }) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ type, payload }).then((answered) => ({ answered }), (error: unknown) => ({ failed: String(error) }));
    }, { type, payload }) as Promise<Sent<MessageMap[K]['response']>>;

  /** Opens a copy of the fixture, presses the toolbar button on it, and returns how many mentions were found. */
  async function openWithAccess(run: string): Promise<{ tabId: number; found: number }> {
    const page = await browser.context.newPage();
    const url = server.url(`${FIXTURE}?run=${run}`);
    await page.goto(url);
    await browser.clickAction(page);
    // Asked from the control page, not through the launch's worker handle, which dies with the first stop.
    const tabId = await control.evaluate(async (u) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };
      return (await chrome.tabs.query({})).find((t) => t.url === u)?.id;
    }, url);
    if (typeof tabId !== 'number') throw new Error(`No tab shows ${url}`);
    const annotated = await send('tab/annotate', { tabId });
    if (!('answered' in annotated) || !annotated.answered.ok || annotated.answered.value.state !== 'annotated') {
      throw new Error(`The fixture was not annotated: ${JSON.stringify(annotated)}`);
    }
    return { tabId, found: annotated.answered.value.total };
  }

  async function saveWhole(tabId: number, found: number, created: boolean): Promise<number> {
    const saved = await send('tab/save', { tabId });
    expect(saved).toMatchObject({ answered: { ok: true, value: { created } } });
    const { id } = (saved as { answered: { value: { id: number } } }).answered.value;
    expected.set(id, found);
    return id;
  }

  /**
   * No orphan mention or search entry, and every clipping has exactly the mentions found on its
   * page: never part of them.
   */
  function expectNoHalfWrittenClipping(library: StoredLibrary): void {
    const ids = new Set(library.clippings);
    expect(library.mentions.filter((m) => !ids.has(m.clippingId)), 'mentions of no clipping').toEqual([]);
    expect(Object.entries(library.terms).filter(([, of]) => of.some((id) => !ids.has(id))), 'search words of no clipping').toEqual([]);
    for (const id of ids) expect(Object.values(library.terms).some((of) => of.includes(id)), `search words of clipping ${id}`).toBe(true);
    const counts = (of: (id: number) => number | undefined) => Object.fromEntries(library.clippings.map((id) => [id, of(id)]));
    expect(counts((id) => library.mentions.filter((m) => m.clippingId === id).length), 'mentions stored per clipping id')
      .toEqual(counts((id) => expected.get(id)));
  }

  const STORES = ['clippings', 'packs', 'terms'];
  const added = (log: TransactionLog, store: string) => writesTo(log, store, 'add') + writesTo(log, store, 'put');

  /** One transaction per save: the one the worker died in held all of the save's writes so far. */
  function expectOneTransaction(stopped: PausedSave, store: string, rows: number): void {
    expect(stopped.current.scope).toEqual(expect.arrayContaining(STORES));
    expect(writesTo(stopped.current, 'clippings'), 'clipping writes in the interrupted transaction').toBeGreaterThan(0);
    expect(added(stopped.current, store), `${store} rows in the interrupted transaction`).toBe(rows);
    expect(stopped.others.filter((t) => STORES.some((s) => writesTo(t, s) > 0)), 'other transactions of the save').toEqual([]);
  }

  /**
   * Starts a save of the tab and stops the service worker right after its `at`-th write into
   * `store`, then checks that the worker really is gone and that the save never answered: the stop
   * cut the save off while it was writing.
   */
  async function interruptSave(tabId: number, store: string, at: number): Promise<PausedSave> {
    const targetId = await workerTarget(cdp, browser.extensionId);
    const worker = await WorkerSession.attach(cdp, targetId);
    const { paused } = await worker.trapWrite(store, at);
    const save = send('tab/save', { tabId });
    const first = await Promise.race([paused, save]);
    if (!('current' in first)) throw new Error(`The save ended before its write #${at} into ${store}: ${JSON.stringify(first)}`);
    await stopServiceWorker(browser.context, control, targetId);
    expect(await targetExists(cdp, targetId)).toBe(false);
    const outcome = await save;
    expect(outcome).not.toHaveProperty('answered');
    expect(outcome).toMatchObject({ failed: expect.stringMatching(/closed/) });
    return first;
  }

  /** Any message wakes the background again, as opening the popup does; it starts with none of the old worker's state. */
  async function restartWorker(tabId: number): Promise<void> {
    expect(await send('tab/annotate', { tabId })).toMatchObject({ answered: { ok: true } });
    const worker = await WorkerSession.attach(cdp, await workerTarget(cdp, browser.extensionId));
    expect(await worker.hasTrap()).toBe(false);
    await worker.detach();
  }

  beforeAll(async () => {
    server = await servePages('tests/fixtures/pages');
    browser = await launchWithExtension();
    const chromium = browser.context.browser();
    if (!chromium) throw new Error('Chromium did not expose a browser session.');
    cdp = await chromium.newBrowserCDPSession();
    control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/library.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    { run: 'article', when: 'at its article and mention list, after its row', store: 'packs', at: 1 },
    { run: 'first', when: 'at its first search-index row', store: 'terms', at: 1 },
    { run: 'half', when: 'half-way through its search-index rows, the last writes before the commit', store: 'terms', at: 36 },
  ])('a new clipping stopped $when is not stored at all, and saving again stores it whole', async ({ run, store, at }) => {
    const { tabId, found } = await openWithAccess(run);
    expect(found).toBeGreaterThan(500);
    const before = await readLibrary(control);

    const stopped = await interruptSave(tabId, store, at);
    await restartWorker(tabId);
    const after = await readLibrary(control);
    expectNoHalfWrittenClipping(after);
    // Not even whole: the worker died before the transaction could commit.
    expect(after).toEqual(before);
    expectOneTransaction(stopped, store, at);
    if (store === 'terms') expect(added(stopped.current, 'packs'), 'article written before the search index').toBe(1);

    const id = await saveWhole(tabId, found, true);
    const saved = await readLibrary(control);
    expect(saved.clippings).toEqual([...before.clippings, id]);
    expectNoHalfWrittenClipping(saved);
    // The page's words fill well over the 36 rows of the stop above: it came in the middle.
    expect(saved.termRows.filter((of) => of.includes(id)).length).toBeGreaterThan(60);
  });

  test('a clipping saved again and stopped as its article and mentions were rewritten keeps them all, and saves again in place', async () => {
    const { tabId, found } = await openWithAccess('again');
    const id = await saveWhole(tabId, found, true);
    const before = await readLibrary(control);
    expect(before.mentions.filter((m) => m.clippingId === id)).toHaveLength(found);

    const stopped = await interruptSave(tabId, 'packs', 1);
    await restartWorker(tabId);
    const after = await readLibrary(control);
    expectNoHalfWrittenClipping(after);
    // The very same rows as before the save began: the old mentions were not lost.
    expect(after).toEqual(before);
    // It died after the clipping's row was replaced and its article and mentions overwritten, all uncommitted.
    expect(writesTo(stopped.current, 'clippings', 'put'), 'the replaced row').toBeGreaterThan(0);
    expectOneTransaction(stopped, 'packs', 1);

    expect(await saveWhole(tabId, found, false)).toBe(id);
    const saved = await readLibrary(control);
    expect(saved.clippings).toEqual(before.clippings);
    expectNoHalfWrittenClipping(saved);
  });
});
