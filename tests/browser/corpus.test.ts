/**
 * MigraLens on the 311 real pages of ../shared/corpus, served from 127.0.0.1 in Chromium with
 * the built extension: no uncaught error of ours, no change to the page's DOM outside our host
 * element, and the page's own scripts keep running. `npm test` runs a fixed sample (every 16th
 * page, 20 pages); `npm run test:corpus` runs all of them. Skipped when ../shared is absent.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_PROBE, corpusDir, corpusPages, corpusSample, serveCorpus, type CorpusPage, type CorpusServer } from '../../scripts/driver/corpus';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { regrantedPages, serialiseWithoutHost, trigger } from '../../scripts/driver/in-page';

const dir = corpusDir();
const all = dir ? corpusPages(dir) : [];
// MIGRALENS_CORPUS=all runs every page; any other value runs the pages whose id contains it (comma-separated).
const only = process.env.MIGRALENS_CORPUS;
const pages = only === 'all' ? all : only ? all.filter((p) => only.split(',').some((part) => p.id.includes(part))) : corpusSample(all, 16);

describe.skipIf(!dir)(`corpus pages (${pages.length} of ${all.length})`, () => {
  let browser: ExtensionBrowser;
  let server: CorpusServer;
  const errors: string[] = [];
  const selfMutating: string[] = [];
  const navigatedAway: string[] = [];
  const readInPage: string[] = [];
  let annotated = 0, mentions = 0, unanchored = 0;

  beforeAll(async () => {
    server = await serveCorpus(all);
    browser = await launchWithExtension();
    // The pages' own subresources point at their original sites: fail them at once, offline.
    await browser.context.route((url) => !url.href.startsWith(server.origin) && /^https?:/.test(url.protocol), (route) => route.abort());
    await browser.context.addInitScript(PAGE_PROBE);
  });
  afterAll(async () => {
    if (selfMutating.length) console.log(`${selfMutating.length} pages keep changing their own DOM; checked for traces of ours only: ${selfMutating.join(', ')}`);
    console.log(`${annotated} pages annotated, ${readInPage.length} of them read in the page rather than by the background${readInPage.length ? ` (${readInPage.join(', ')})` : ''}; ${unanchored} of ${mentions} mentions not placed in the page`);
    if (regrantedPages.length) console.log(`${regrantedPages.length} pages needed the toolbar button pressed twice: ${regrantedPages.join(', ')}`);
    if (navigatedAway.length) console.log(`${navigatedAway.length} pages navigate away by themselves; not checked: ${navigatedAway.join(', ')}`);
    await browser?.close();
    await server?.close();
  });

  const probe = (tab: Page) => tab.evaluate(() => (window as unknown as { __probe: { ticks: number; clicks: number } }).__probe);
  const traces = (tab: Page) => tab.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('migralens-root').forEach((el) => el.remove());
    return clone.querySelectorAll('[data-migralens], migralens-root').length + (clone.outerHTML.includes('migralens') ? 1 : 0);
  });

  test.each(pages.map((p) => [p.id, p] as [string, CorpusPage]))('%s', async (id, page) => {
    // A fresh tab per page: some pages navigate themselves (meta refresh, script redirects).
    const tab = await browser.context.newPage();
    tab.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
    try {
      const url = server.url(page);
      await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
      await tab.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined); // a page still loading is fine
      let navigated = false;
      tab.on('framenavigated', (f) => { if (f === tab.mainFrame()) navigated = true; });
      try {
        await checkPage(tab, id, url);
      } catch (error) {
        // A page that redirects itself mid-check (meta refresh, script) is not ours to judge.
        const destroyed = /Execution context was destroyed|interrupted by another navigation/.test(String(error));
        if (!destroyed) await tab.waitForTimeout(500); // let a pending navigation show itself
        if (!destroyed && !navigated && tab.url() === url) throw error;
        navigatedAway.push(id);
      }
    } finally {
      await tab.close();
    }
  });

  async function checkPage(tab: Page, id: string, url: string): Promise<void> {
    const s1 = await serialiseWithoutHost(tab);
    await tab.waitForTimeout(500);
    const s2 = await serialiseWithoutHost(tab);
    if (tab.url() !== url) throw new Error('navigated away');
    const { ticks } = await probe(tab);
    errors.length = 0;

    const result = await trigger(browser, tab);
    expect(result.ok, result.error?.message).toBe(true);
    expect(['annotated', 'no-article']).toContain(result.value?.state);
    if (result.value?.state === 'annotated') {
      annotated++;
      mentions += result.value.total ?? 0;
      unanchored += result.value.unanchored ?? 0;
      if (result.value.readBy !== 'background') readInPage.push(id);
      // Read by the background from the page's HTML, and placed back in the page.
      expect(result.value.readBy).toBe('background');
    }

    // The page's DOM, outside our host, is what it was; on pages that keep changing it
    // themselves (countdowns, late scripts), only the absence of any trace of ours is checked.
    const s3 = await serialiseWithoutHost(tab);
    let mutating = s1 !== s2;
    if (!mutating && s3 !== s2) {
      await tab.waitForTimeout(1000);
      mutating = (await serialiseWithoutHost(tab)) !== s3;
    }
    if (mutating) selfMutating.push(id); else expect(s3).toBe(s2);
    expect(await traces(tab)).toBe(0);
    expect(await tab.locator('migralens-root').count()).toBeLessThanOrEqual(1);

    await expect.poll(async () => (await probe(tab)).ticks).toBeGreaterThan(ticks);
    const { clicks } = await probe(tab);
    await tab.evaluate(() => document.body.click());
    expect((await probe(tab)).clicks).toBe(clicks + 1);
    expect(errors.filter((e) => e.includes('chrome-extension://'))).toEqual([]);
  }
});
