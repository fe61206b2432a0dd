import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { servePages, type PageServer } from '../../scripts/driver/page-server';
import { readHighlights } from '../../scripts/driver/page-highlights';
import { readClippings, readMentions } from './library-helpers';

const SHOTS = 'test-output/screenshots';

type StoredClipping = {
  id: number; url: string; title: string; byline: string | null; siteName: string | null; lang: string | null;
  published: string | null; text: string; html: string;
};

/** Reads the extension's own IndexedDB from one of its pages, with the plain IndexedDB API. */
async function readLibrary(extensionPage: Page) {
  return {
    clippings: await readClippings<StoredClipping>(extensionPage),
    mentions: await readMentions(extensionPage),
  };
}

describe('from a news page to a saved clipping, in Chromium with the built extension', () => {
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

  test('annotates the Calais article, saves it, and the open popup lists it', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('calais-fr.html'));
    await browser.clickAction(article);
    const tabId = await browser.tabIdOf(article);

    // A popup opened before saving must show the new clipping without being reopened.
    const library = await browser.openPopup(tabId);
    await expect.poll(() => library.getByText('No clippings yet').count()).toBe(1);

    const popup = await browser.openPopup(tabId);
    await popup.getByRole('status', { name: 'Annotation summary' }).waitFor();

    const painted = await readHighlights(article);
    const texts = (kind: string) => painted.filter((p) => p.kind === kind).map((p) => p.text.replace(/\s+/g, ' '));
    expect(texts('institution')).toEqual(expect.arrayContaining(['Frontex', 'Europol', 'Commission européenne']));
    expect(texts('role')).toEqual(expect.arrayContaining(["ministre de l'Intérieur"]));
    expect(texts('person')).toEqual(expect.arrayContaining(['Gérald Darmanin']));
    expect(texts('figure')).toEqual(expect.arrayContaining(['27 personnes']));
    expect(texts('date')).toEqual(expect.arrayContaining(['dimanche 28 novembre 2021', 'mercredi 24 novembre']));
    // Navigation, the "read also" box, the related column and the comments are never highlighted.
    expect(painted.filter((p) => p.outside)).toEqual([]);
    await article.screenshot({ path: `${SHOTS}/calais-highlighted.png`, fullPage: true });

    await popup.getByRole('button', { name: 'Save clipping' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Saved:' }).count()).toBe(1);

    const title = 'Naufrage dans la Manche : à Calais, les ministres européens promettent de renforcer Frontex';
    await library.getByRole('link', { name: title }).waitFor({ timeout: 10_000 });
    await expect.poll(() => library.locator('.chip.institution', { hasText: 'Frontex' }).count()).toBeGreaterThan(0);
    await expect.poll(() => library.locator('.chip.figure', { hasText: '27 personnes' }).count()).toBeGreaterThan(0);
    await popup.screenshot({ path: `${SHOTS}/popup-after-save.png` });

    const { clippings, mentions } = await readLibrary(popup);
    expect(clippings).toHaveLength(1);
    const [clip] = clippings;
    expect(clip).toMatchObject({ url: server.url('calais-fr.html'), title, byline: 'Claire Vasseur', siteName: 'Le Littoral Info', lang: 'fr' });
    expect(clip.published).toMatch(/^2021-11-29/);
    expect(clip.text.startsWith(title)).toBe(true);
    expect(clip.html).toContain('Europol');
    expect(clip.html).not.toMatch(/<script|onerror=|<style/i);
    const own = mentions.filter((m) => m.clippingId === clip.id);
    expect(own.length).toBeGreaterThan(10);
    for (const m of own) expect(clip.text.slice(m.start, m.end)).toBe(m.text);

    // Saving the same page again updates the clipping instead of adding a second one.
    await popup.getByRole('button', { name: 'Save clipping' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Updated:' }).count()).toBe(1);
    expect((await readLibrary(popup)).clippings).toHaveLength(1);
    await Promise.all([popup.close(), library.close(), article.close()]);
  });

  test('the English fixture is annotated too', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('channel-en.html'));
    await browser.clickAction(article);
    const popup = await browser.openPopup(await browser.tabIdOf(article));
    await popup.getByRole('status', { name: 'Annotation summary' }).waitFor();
    const painted = await readHighlights(article);
    const all = painted.map((p) => `${p.kind}:${p.text}`);
    expect(all).toEqual(expect.arrayContaining(['institution:Home Office', 'institution:Border Force', 'role:Home Secretary', 'person:Priti Patel', 'figure:at least 27 people']));
    expect(painted.filter((p) => p.outside)).toEqual([]);
    await Promise.all([popup.close(), article.close()]);
  });

  test('a page without an article says so and saves nothing unless asked', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('no-article.html'));
    await browser.clickAction(page);
    const popup = await browser.openPopup(await browser.tabIdOf(page));
    await popup.getByText('No article found on this page.').waitFor();
    expect(await popup.getByRole('button', { name: 'Save clipping' }).count()).toBe(0);
    const before = (await readLibrary(popup)).clippings.length;
    await popup.getByRole('button', { name: 'Save whole page' }).click();
    await expect.poll(async () => (await readLibrary(popup)).clippings.length).toBe(before + 1);
    await Promise.all([popup.close(), page.close()]);
  });

  test('the extension made no request beyond the local test server', () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith(`chrome-extension://${browser.extensionId}/`) && !/^(data|blob|about):/.test(u));
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
