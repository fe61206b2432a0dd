import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { readHighlights } from '../../scripts/driver/page-highlights';
import { servePages, type PageServer } from '../../scripts/driver/page-server';
import { axeViolations, hostileLeftovers, readClippings } from './library-helpers';

const SHOTS = 'test-output/screenshots';
const CHANNEL_TITLE = 'Channel deaths: Home Office pledges more Border Force patrols as France seeks EU help';
const CALAIS_TITLE = 'Naufrage dans la Manche : à Calais, les ministres européens promettent de renforcer Frontex';

// A loaded 2-core machine can take longer than expect.poll's default second to save and redraw.
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

type SaveResponse = { ok: boolean; value?: { id: number; created: boolean; title: string }; error?: { code: string; message: string } };

describe('the clippings library, in Chromium with the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let ext: Page;
  const tabs = new Map<string, number>();

  /** Sends tab/save for each tab at once, from an extension page, as the popup and the menus do. */
  const saveAll = (requests: { tabId: number; selection?: string }[]) =>
    ext.evaluate((reqs) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
      return Promise.all(reqs.map((payload) => chrome.runtime.sendMessage({ type: 'tab/save', payload })));
    }, requests) as Promise<SaveResponse[]>;

  /** Opens a page and presses the toolbar button on it, which grants activeTab as a real click does. */
  async function openWithAccess(path: string): Promise<number> {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    await browser.clickAction(page);
    const id = await browser.tabIdOf(page);
    tabs.set(path, id);
    return id;
  }

  beforeAll(async () => {
    server = await servePages('tests/fixtures/pages');
    browser = await launchWithExtension();
    ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/library.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('twenty saves started at once from different tabs give exactly twenty clippings', async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(`channel-en.html?copy=${i}`));
      return page;
    }));
    const ids: number[] = [];
    for (const [i, page] of pages.entries()) {
      // The toolbar button acts on the tab in front, as for a user.
      await page.bringToFront();
      await browser.clickAction(page);
      ids.push(await browser.tabIdOf(page));
      tabs.set(`channel-en.html?copy=${i}`, ids[i]);
    }
    const results = await saveAll(ids.map((tabId) => ({ tabId })));
    expect(results.map((r) => r.ok && r.value!.created)).toEqual(Array(20).fill(true));
    let rows = await readClippings(ext);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.urlKey)).size).toBe(20);
    // The same twenty again, at once: updated in place, nothing doubled.
    const again = await saveAll(ids.map((tabId) => ({ tabId })));
    expect(again.map((r) => r.ok && r.value!.created)).toEqual(Array(20).fill(false));
    rows = await readClippings(ext);
    expect(rows).toHaveLength(20);
  });

  test('a selection is saved as its own clipping, linked to its page', async () => {
    const tabId = tabs.get('channel-en.html?copy=0')!;
    const [result] = await saveAll([{ tabId, selection: 'Priti Patel' }]);
    expect(result.ok).toBe(true);
    const rows = await readClippings(ext);
    const passage = rows.find((r) => r.id === result.value!.id)!;
    expect(passage).toMatchObject({ source: 'selection', url: server.url('channel-en.html?copy=0') });
    expect(passage.title).toContain('“Priti Patel”');
    expect(rows.filter((r) => r.source === 'page')).toHaveLength(20);
  });

  test('the popup searches and filters the library, live, and works from the keyboard', async () => {
    const calais = await openWithAccess('calais-fr.html');
    const popup = await browser.openPopup(calais);
    await popup.getByRole('status', { name: 'Annotation summary' }).waitFor();
    await popup.getByRole('button', { name: 'Save clipping' }).click();
    await popup.getByRole('link', { name: CALAIS_TITLE }).waitFor();
    const again = await browser.openPopup(calais);
    await again.getByText('This page is already saved').waitFor();
    await again.close();

    const search = popup.getByRole('searchbox', { name: 'Search clippings' });
    const count = popup.locator('.result-count');
    await search.fill('manche');
    await poll(() => count.textContent()).toBe('1 clipping found');
    // The count comes with the matching ids; the rows in view are read just after it.
    await poll(() => popup.getByRole('link', { name: CALAIS_TITLE }).count()).toBe(1);
    await search.fill('pledges');
    await poll(() => count.textContent()).toBe('21 clippings found');
    await poll(() => popup.getByRole('link', { name: CHANNEL_TITLE, exact: true }).count()).toBeGreaterThan(0);
    expect(await popup.getByRole('link', { name: CALAIS_TITLE }).count()).toBe(0);
    await search.fill('');

    // A detected name as a chip, then a kind together with a search.
    await popup.getByRole('button', { name: 'Frontex', exact: true }).click();
    await poll(() => count.textContent()).toBe('21 clippings found');
    await search.fill('manche');
    await poll(() => count.textContent()).toBe('1 clipping found');
    await search.fill('');
    await popup.getByRole('button', { name: 'Frontex', exact: true }).click();
    await popup.getByRole('button', { name: 'Border Force', exact: true }).click();
    await poll(() => count.textContent()).toBe('20 clippings found');
    await popup.getByRole('button', { name: 'Border Force', exact: true }).click();
    await popup.getByRole('button', { name: 'deaths', exact: true }).click();
    await poll(async () => Number((await count.textContent())?.split(' ')[0])).toBeGreaterThanOrEqual(1);
    await popup.getByRole('button', { name: 'deaths', exact: true }).click();

    // Publication date range: the English report (26 Nov) is left out, the French one (29 Nov) kept.
    await popup.getByText('Collection, tag, site, dates').click();
    await popup.getByLabel('Published from').fill('2021-11-27');
    await poll(() => count.textContent()).toBe('1 clipping found');
    await popup.getByLabel('Published from').fill('');
    await popup.getByLabel('Site').selectOption({ label: 'Le Littoral Info' });
    await poll(() => count.textContent()).toBe('1 clipping found');
    await popup.getByLabel('Site').selectOption({ label: 'Any' });
    await poll(() => count.textContent()).toBe('22 clippings');

    // The list draws only the rows in view, and a new save elsewhere shows up without reopening.
    expect(await popup.locator('.clippings li').count()).toBeLessThan(22);
    await saveAll([{ tabId: tabs.get('channel-en.html?copy=3')!, selection: 'Border Force' }]);
    await poll(() => count.textContent()).toBe('23 clippings');

    // Keyboard: arrows move between clippings, Enter opens the reader.
    const first = popup.locator('.clippings a').first();
    await first.focus();
    const firstTitle = await first.textContent();
    await popup.keyboard.press('ArrowDown');
    const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    await poll(focused).not.toBe(firstTitle);
    await popup.keyboard.press('End');
    await poll(() => popup.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe('23');
    const [reader] = await Promise.all([browser.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(/\/reader\.html\?id=\d+$/);
    await popup.screenshot({ path: `${SHOTS}/popup-library.png` });
    await reader.close();
    await popup.close();
  });

  test('the reader page shows the article with its highlights, cards, notes and delete with undo', async () => {
    const calais = (await readClippings(ext)).find((r) => r.title === CALAIS_TITLE)!;
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${calais.id}`);
    await reader.getByRole('heading', { name: CALAIS_TITLE }).waitFor();
    await reader.getByText(/mentions highlighted/).waitFor();
    const painted = await readHighlights(reader);
    const texts = (kind: string) => painted.filter((p) => p.kind === kind).map((p) => p.text.replace(/\s+/g, ' '));
    expect(texts('institution')).toEqual(expect.arrayContaining(['Frontex', 'Europol']));
    expect(texts('person')).toEqual(expect.arrayContaining(['Gérald Darmanin']));
    expect(texts('figure')).toEqual(expect.arrayContaining(['27 personnes']));
    expect(await reader.getByRole('link', { name: server.url('calais-fr.html') }).count()).toBe(1);

    // Pointing at a highlight shows its card.
    const box = await reader.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('migralens-figure')!;
      const range = [...h].find((r) => r.toString() === '27 personnes')!;
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await reader.mouse.move(box.x, box.y);
    const card = reader.getByRole('tooltip');
    await poll(() => card.textContent()).toMatch(/Figure27 personnes.*Value27.*Category/);
    await reader.mouse.move(1, 1);
    // The same card from the keyboard, on the mention's button.
    await reader.getByRole('button', { name: /^Frontex/ }).focus();
    await poll(() => card.textContent()).toMatch(/^InstitutionFrontex/);
    await reader.keyboard.press('Escape');
    await poll(() => card.count()).toBe(0);
    await reader.screenshot({ path: `${SHOTS}/reader-calais.png` });

    await reader.getByLabel('Note', { exact: true }).fill('Compare with the Home Office figures');
    await reader.getByLabel('Tags (comma-separated)').fill('channel, shipwreck');
    await reader.getByLabel('Collections (comma-separated)').fill('Thesis');
    await reader.getByRole('button', { name: 'Save changes' }).click();
    await reader.getByText('Changes saved.').waitFor();
    expect((await readClippings(ext)).find((r) => r.id === calais.id)!.note).toBe('Compare with the Home Office figures');

    await reader.getByRole('button', { name: 'Delete clipping' }).click();
    await reader.getByText(/was deleted/).waitFor();
    expect((await readClippings(ext)).some((r) => r.id === calais.id)).toBe(false);
    await reader.getByRole('button', { name: 'Undo delete' }).click();
    await reader.getByRole('heading', { name: CALAIS_TITLE }).waitFor();
    const back = (await readClippings(ext)).find((r) => r.id === calais.id)!;
    expect(back.note).toBe('Compare with the Home Office figures');
    await reader.close();
  });

  test('a page with hostile HTML shows none of it in the popup or the reader page', async () => {
    const tabId = await openWithAccess('hostile.html');
    const popup = await browser.openPopup(tabId);
    const requests: string[] = [];
    const dialogs: string[] = [];
    popup.on('request', (r) => requests.push(r.url()));
    popup.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await popup.getByRole('status', { name: 'Annotation summary' }).waitFor();
    await popup.getByRole('button', { name: 'Save clipping' }).click();
    await popup.getByText(/^Saved: Frontex report/).waitFor();
    await popup.getByRole('searchbox', { name: 'Search clippings' }).fill('frontex report');
    await popup.locator('.result-count', { hasText: '1 clipping found' }).waitFor();
    const link = popup.locator('.clippings a').first();
    expect(await link.textContent()).toContain('<img src=x onerror=alert(1)>');
    await link.hover();
    expect(await hostileLeftovers(popup)).toEqual([]);

    const stored = (await readClippings(ext)).find((r) => r.url === server.url('hostile.html'))!;
    expect(stored.html).not.toMatch(/<script|<svg|<iframe|<img|<form|onerror|onclick|onload|javascript:|evil\.invalid\/(h1|p|bg)/i);
    const reader = await browser.context.newPage();
    reader.on('request', (r) => requests.push(r.url()));
    reader.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${stored.id}`);
    await reader.getByText(/mentions highlighted/).waitFor();
    await reader.locator('.article-body').hover();
    for (const a of await reader.locator('.article-body a').all()) await a.focus();
    expect(await hostileLeftovers(reader)).toEqual([]);
    expect(await reader.locator('.article-body a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['https://www.gov.uk/']),
    );
    const painted = await readHighlights(reader);
    expect(painted.map((p) => p.text)).toEqual(expect.arrayContaining(['Frontex', 'Home Office']));
    expect(requests.filter((u) => !u.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
    expect(dialogs).toEqual([]);
    await Promise.all([reader.close(), popup.close()]);
  });

  test('the popup and the reader page pass an automated accessibility check', async () => {
    const popup = await browser.openPopup(tabs.get('calais-fr.html')!);
    await popup.getByRole('status', { name: 'Annotation summary' }).waitFor();
    await popup.locator('.clippings a').first().waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    const calais = (await readClippings(ext)).find((r) => r.title === CALAIS_TITLE)!;
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?id=${calais.id}`);
    await reader.getByText(/mentions highlighted/).waitFor();
    expect(await axeViolations(reader)).toEqual([]);
    await Promise.all([reader.close(), popup.close()]);
  });
});
