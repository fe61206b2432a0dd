import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { highlightRanges, pointOfText, serialiseWithoutHost, trigger } from '../../scripts/driver/in-page';
import { servePages, type PageServer } from '../../scripts/driver/page-server';

const SHOTS = 'test-output/screenshots';
let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await servePages('tests/fixtures/pages');
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture and collects the errors that reach the page, tagged with their source. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  await page.goto(server.url(path));
  return { page, errors };
}

const host = (page: Page) => page.locator('migralens-root');
const panel = (page: Page) => page.getByRole('region', { name: 'MigraLens' });
const texts = async (page: Page, kind?: string) => (await highlightRanges(page)).filter((r) => !kind || r.kind === kind).map((r) => r.text);
const badge = (tabId: number) => browser.worker.evaluate((id) =>
  (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId);
const ours = (errors: string[]) => errors.filter((e) => e.includes('chrome-extension://'));

describe('in the page, in Chromium with the built extension', () => {
  test('panel, card on hover and on focus, per-kind toggles, Save clipping and the badge; the page DOM is left alone', async () => {
    const { page, errors } = await open('channel-en.html');
    const before = await serialiseWithoutHost(page);
    const result = await trigger(browser, page);
    // Read by the background from the page's HTML: Readability never ran on the page's thread.
    expect(result).toMatchObject({ ok: true, value: { state: 'annotated', readBy: 'background' } });
    expect(await host(page).count()).toBe(1);
    await panel(page).waitFor();
    expect(await panel(page).getByRole('status', { name: 'Mentions found' }).textContent()).toMatch(/^\d+ mentions/);
    expect(await serialiseWithoutHost(page)).toBe(before);

    // Hover over a highlighted word: the card says what it is.
    const at = await pointOfText(page, 'article', 'Frontex');
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('migralens-root [role=tooltip]');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Institution.*Frontex/);
    await page.screenshot({ path: `${SHOTS}/in-page-card.png` });
    await page.mouse.move(5, 5);
    await expect.poll(() => card.count()).toBe(0);

    // Keyboard: focusing a mention's button in the panel shows its card.
    await panel(page).getByRole('button', { name: /Priti Patel/ }).focus();
    await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/Person.*Priti Patel/);

    // Per-kind toggle.
    expect((await texts(page, 'figure')).length).toBeGreaterThan(0);
    await panel(page).getByRole('checkbox', { name: /Figures/ }).uncheck();
    expect(await texts(page, 'figure')).toEqual([]);
    await panel(page).getByRole('checkbox', { name: /Figures/ }).check();
    expect((await texts(page, 'figure')).length).toBeGreaterThan(0);

    const tabId = await browser.tabIdOf(page);
    const total = Number(/^(\d+)/.exec((await panel(page).getByRole('status', { name: 'Mentions found' }).textContent()) ?? '')?.[1]);
    await expect.poll(() => badge(tabId)).toBe(String(total));
    await panel(page).getByRole('button', { name: 'Save clipping' }).click();
    await panel(page).getByRole('status').filter({ hasText: /^(Saved|Updated): Channel deaths/ }).waitFor();
    await expect.poll(() => badge(tabId)).toBe(`${total}✓`);
    await page.screenshot({ path: `${SHOTS}/in-page-panel.png` });
    expect(await serialiseWithoutHost(page)).toBe(before);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  test('the context-menu item and the shortcut go through the same injection; both are declared', async () => {
    const { page } = await open('calais-fr.html');
    expect(await trigger(browser, page, 'menu')).toMatchObject({ ok: true, value: { state: 'annotated' } });
    expect(await texts(page, 'institution')).toContain('Frontex');
    await panel(page).waitFor();
    await page.close();
    const second = await open('channel-en.html');
    expect(await trigger(browser, second.page, 'command')).toMatchObject({ ok: true, value: { state: 'annotated' } });
    expect(await texts(second.page, 'institution')).toContain('Home Office');
    const manifest = await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: Record<string, { suggested_key: { default: string } }> } } } }).chrome.runtime.getManifest());
    expect(manifest.commands['annotate-page'].suggested_key.default).toBe('Alt+Shift+A');
    // Nothing is registered to run by itself until the user grants a site.
    const registered = await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([]);
    await second.page.close();
  });

  test('a single-page app is annotated again after in-page navigation', async () => {
    const { page, errors } = await open('spa.html');
    await trigger(browser, page);
    expect(await texts(page, 'institution')).toContain('Border Force');
    await page.click('#to-lampedusa');
    await expect.poll(() => texts(page, 'person'), { timeout: 10_000 }).toContain('Matteo Piantedosi');
    expect(await texts(page, 'institution')).not.toContain('Border Force');
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  test('a re-rendered article gets its highlights back; mentions whose text went are listed', async () => {
    const { page } = await open('rerender.html');
    await trigger(browser, page);
    const first = (await highlightRanges(page)).map((r) => `${r.kind}:${r.text}`).sort();
    await page.evaluate(() => (window as unknown as { rerender(drop: boolean): void }).rerender(false));
    await expect.poll(async () => (await highlightRanges(page)).map((r) => `${r.kind}:${r.text}`).sort(), { timeout: 10_000 }).toEqual(first);
    expect((await highlightRanges(page)).every((r) => r.connected)).toBe(true);
    await page.evaluate(() => (window as unknown as { rerender(drop: boolean): void }).rerender(true));
    const gone = panel(page).getByRole('list', { name: 'Mentions not found in the page' });
    await gone.waitFor({ timeout: 10_000 });
    expect(await gone.textContent()).toContain('Gérald Darmanin');
    expect((await highlightRanges(page)).every((r) => r.connected)).toBe(true);
    await page.close();
  });

  test('late-loaded paragraphs extend the annotation', async () => {
    const { page } = await open('lazy.html');
    await trigger(browser, page);
    expect(await texts(page, 'institution')).not.toContain('Sea-Watch');
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await expect.poll(() => texts(page, 'institution'), { timeout: 10_000 }).toContain('Sea-Watch');
    expect(await texts(page, 'institution')).toContain('Home Office');
    await page.close();
  });

  test('frames: only the top page is annotated, the embedded page is untouched', async () => {
    const { page } = await open('iframe.html');
    const frame = page.frameLocator('#embed');
    await frame.locator('article').waitFor();
    const embedded = page.frames().find((f) => f.url().endsWith('channel-en.html'))!;
    const frameBefore = await embedded.evaluate(() => document.documentElement.outerHTML);
    await trigger(browser, page);
    expect(await texts(page, 'person')).toContain('Giorgia Meloni');
    expect(await embedded.evaluate(() => document.documentElement.outerHTML)).toBe(frameBefore);
    expect(await embedded.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].length)).toBe(0);
    await page.close();
  });

  test('a very long article: every part is highlighted and the panel walks through the occurrences', async () => {
    const { page } = await open('long-article.html');
    const result = await trigger(browser, page);
    expect(result.value?.total).toBeGreaterThan(1000);
    expect(await texts(page, 'figure')).toContain('45,774 crossings');
    await page.evaluate(() => window.scrollTo(0, 0));
    const frontex = panel(page).getByRole('button', { name: /^Frontex \d+/ });
    await frontex.click();
    const y1 = await page.evaluate(() => window.scrollY);
    await frontex.click();
    await frontex.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y1);
    await page.close();
  });
});

describe('bad input: the page keeps working and the panel says what happened', () => {
  test('a page whose scripts throw', async () => {
    const { page, errors } = await open('bad-throws.html');
    expect(await trigger(browser, page)).toMatchObject({ ok: true, value: { state: 'annotated', readBy: 'background' } });
    const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('1');
    await expect.poll(() => page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThan(ticks);
    expect(errors.length).toBeGreaterThan(0); // the page's own
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  test('a page that removes our host and re-renders every second', async () => {
    const { page, errors } = await open('bad-hostile.html');
    expect(await trigger(browser, page)).toMatchObject({ ok: true, value: { state: 'annotated' } });
    await expect.poll(() => panel(page).getByText(/This page removed the MigraLens panel/).count(), { timeout: 10_000 }).toBe(1);
    expect(await host(page).count()).toBe(1);
    await expect.poll(async () => {
      const r = await highlightRanges(page);
      return r.length > 0 && r.every((x) => x.connected);
      // Refreshes back off on a page that never stops changing; give a loaded machine time.
    }, { timeout: 30_000, interval: 50 }).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { renders: number }).renders), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  test('a 10,000-level nested DOM', async () => {
    const { page, errors } = await open('bad-nested.html');
    const result = await trigger(browser, page);
    expect(result.ok).toBe(true);
    await panel(page).waitFor();
    if (result.value?.state === 'annotated') expect(await texts(page, 'institution')).toContain('Home Office');
    else expect(await panel(page).getByRole('alert').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { built: boolean }).built)).toBe(true);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  test('a 5 MB article', async () => {
    const { page, errors } = await open('bad-huge.html');
    const result = await trigger(browser, page);
    // The reason first: a failed trigger's message is what tells what went wrong.
    expect(result.error?.message).toBeUndefined();
    expect(result).toMatchObject({ ok: true, value: { state: 'annotated', readBy: 'background' } });
    await panel(page).getByText(/This article is very long/).waitFor();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });
});
