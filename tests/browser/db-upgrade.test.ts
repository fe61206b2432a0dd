import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import type { UpgradeReport } from './upgrade-in-page';

// Ids with gaps (deleted clippings), across more packs than one upgrade step takes.
const IDS = Array.from({ length: 300 }, (_, k) => k + 1).filter((id) => id % 11 !== 4);

describe('a version-4 library upgraded in Chromium\'s own IndexedDB, in the extension\'s origin', () => {
  let browser: ExtensionBrowser;
  let report: UpgradeReport;

  beforeAll(async () => {
    const bundle = await build({ entryPoints: ['tests/browser/upgrade-in-page.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    // A page of the extension's origin that does not open the library itself.
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await page.evaluate(bundle.outputFiles[0].text);
    report = await page.evaluate((ids) => (globalThis as unknown as { __migralensUpgrade: { upgradeFromVersion4(ids: number[]): Promise<UpgradeReport> } })
      .__migralensUpgrade.upgradeFromVersion4(ids), IDS);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the page is told once, and every page can see the upgrade under way (a Web Lock) until it ends', () => {
    expect(report.told).toBe(1);
    expect(report.lock).toEqual({ during: true, after: false });
  });

  test('the old tables are gone and the articles are packed sixteen ids to a record, over 64 KB each', () => {
    expect(report.version).toBe(6);
    expect(report.tables).toEqual(['clippings', 'collections', 'packs', 'terms']);
    expect(report.packs).toBe(new Set(IDS.map((id) => Math.floor(id / 16))).size);
    // Values this large are kept by Chromium as blobs beside the database: the faster path, read back whole.
    expect(report.largestPackBytes).toBeGreaterThan(64 * 1024);
  });

  test('every article keeps its text, HTML and mentions, whose offsets still cut their text', () => {
    expect(report.articles.map((a) => a.id)).toEqual(IDS);
    for (const a of report.articles) {
      expect(a, `clipping ${a.id}`).toMatchObject({ textMatches: true, htmlMatches: true, mentions: 20, quotesMatch: true });
      expect(a.figureValues).toEqual(Array.from({ length: 10 }, (_, k) => a.id * 100 + k));
    }
  });

  test('the facets are searched from the index they moved to, and the words and notes still are', () => {
    expect([...report.deaths].sort((x, y) => x - y)).toEqual(IDS.filter((id) => id % 2 === 0));
    expect(report.firstOne).toEqual([IDS[0]]);
    expect(report.calais).toBe(IDS.length);
  });

  test('the search index holds each word in the row of its shard, many words a row', () => {
    expect(report.index.inTheirShard).toBe(true);
    expect(report.index.words).toBeGreaterThan(500);
    expect(report.index.rows).toBeLessThan(report.index.words / 3);
  });
});
