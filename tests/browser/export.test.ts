import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackupClipping, LibraryBackup } from '../../lib/export/backup-format';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/driver/extension-browser';
import { servePages, type PageServer } from '../../scripts/driver/page-server';
import { exportFromPanel, recordStatus, statusHistory } from './export-helpers';
import { readMentions } from './library-helpers';

const CHANNEL_TITLE = 'Channel deaths: Home Office pledges more Border Force patrols as France seeks EU help';
const CALAIS_TITLE = 'Naufrage dans la Manche : à Calais, les ministres européens promettent de renforcer Frontex';

type Row = Record<string, string>;
const panelStatus = (page: Page) => page.locator('.export-panel .status').textContent();
const parseCsv = (text: string) => Papa.parse<Row>(text, { header: true, skipEmptyLines: true });

/** Mentions per clipping id in the extension's IndexedDB. */
async function storedMentionCounts(page: Page): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const m of await readMentions(page)) counts[m.clippingId] = (counts[m.clippingId] ?? 0) + 1;
  return counts;
}

describe('the export panel of the library page, in Chromium with the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let library: Page;
  let backup: LibraryBackup;

  beforeAll(async () => {
    server = await servePages('tests/fixtures/pages');
    browser = await launchWithExtension();
    library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    // Saved the way the popup saves: the toolbar button grants activeTab, then tab/save from an extension page.
    for (const path of ['calais-fr.html', 'channel-en.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      await browser.clickAction(page);
      const tabId = await browser.tabIdOf(page);
      const saved = await library.evaluate((payload) => {
        const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } };
        return chrome.runtime.sendMessage({ type: 'tab/save', payload });
      }, { tabId });
      expect(saved.ok).toBe(true);
      await page.close();
    }
    await library.bringToFront();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('JSON: the downloaded backup parses and holds both clippings with all their mentions; the progress bar shows and goes', async () => {
    await recordStatus(library);
    const file = await exportFromPanel(library, 'json');
    expect(file.name).toMatch(/^migralens-library-\d{4}-\d{2}-\d{2}\.json$/);
    backup = JSON.parse(file.bytes.toString('utf8')) as LibraryBackup;
    expect(backup).toMatchObject({ format: 'migralens-library', version: 1 });
    expect(backup.clippings.map((c) => c.title).sort()).toEqual([CALAIS_TITLE, CHANNEL_TITLE].sort());
    const stored = await storedMentionCounts(library);
    for (const c of backup.clippings) {
      expect(c.mentions.length).toBeGreaterThan(0);
      expect(c.mentions).toHaveLength(stored[c.id]);
      for (const m of c.mentions) expect(c.text.slice(m.start, m.end)).toBe(m.text);
    }

    await expect.poll(() => panelStatus(library)).toBe(`Exported 2 clippings to ${file.name}.`);
    const history = await statusHistory(library);
    expect(history.some((s) => s.progress !== null)).toBe(true);
    expect(history.at(-1)).toEqual({ text: `Exported 2 clippings to ${file.name}.`, progress: null });
  });

  test('CSV: the downloaded zip holds the three tables, which a CSV parser reads into the clippings and their mentions', async () => {
    await recordStatus(library);
    const file = await exportFromPanel(library, 'csv');
    expect(file.name).toMatch(/^migralens-csv-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(file.bytes));
    expect(Object.keys(files)).toEqual(['clippings.csv', 'mentions.csv', 'figures.csv']);
    const [clippings, mentions, figures] = ['clippings.csv', 'mentions.csv', 'figures.csv'].map((name) => parseCsv(strFromU8(files[name])));
    for (const p of [clippings, mentions, figures]) expect(p.errors).toEqual([]);
    expect(clippings.data.map((r) => r.title).sort()).toEqual([CALAIS_TITLE, CHANNEL_TITLE].sort());
    const stored = await storedMentionCounts(library);
    for (const c of backup.clippings) {
      expect(mentions.data.filter((r) => r.clipping_id === String(c.id))).toHaveLength(stored[c.id]);
      const figureCount = c.mentions.filter((m) => m.kind === 'figure').length;
      expect(figures.data.filter((r) => r.clipping_id === String(c.id))).toHaveLength(figureCount);
    }
    for (const r of figures.data) expect(r.sentence.replace(/^'/, '')).toContain(r.text.replace(/^'/, ''));

    await expect.poll(() => panelStatus(library)).toBe(`Exported 2 clippings to ${file.name}.`);
    const history = await statusHistory(library);
    expect(history.some((s) => s.progress !== null)).toBe(true);
    expect(history.at(-1)?.progress).toBeNull();
  });

  test('a larger library, imported through the panel, exports whole as CSV', async () => {
    // 300 more clippings: copies of the two saved ones under other URLs, with ids of their own.
    let mentionId = Math.max(...backup.clippings.flatMap((c) => c.mentions.map((m) => m.id ?? 0)));
    const copies: BackupClipping[] = Array.from({ length: 300 }, (_, i) => {
      const c = backup.clippings[i % 2];
      const url = `https://news.example/copy/${i}`;
      return { ...c, id: 1000 + i, url, urlKey: url, pageKey: url, canonicalUrl: null, mentions: c.mentions.map((m) => ({ ...m, id: ++mentionId })) };
    });
    const file = { ...backup, clippings: [...backup.clippings, ...copies] };
    await library.getByLabel('Backup file to import').setInputFiles({ name: 'bigger.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => panelStatus(library), { timeout: 90_000 }).toMatch(/^Imported: 300 added, /);

    await recordStatus(library);
    const zip = await exportFromPanel(library, 'csv');
    const files = unzipSync(new Uint8Array(zip.bytes));
    const clippings = parseCsv(strFromU8(files['clippings.csv']));
    const mentions = parseCsv(strFromU8(files['mentions.csv']));
    expect(clippings.errors).toEqual([]);
    expect(mentions.errors).toEqual([]);
    expect(clippings.data).toHaveLength(302);
    expect(new Set(clippings.data.map((r) => r.url)).size).toBe(302);
    const total = Object.values(await storedMentionCounts(library)).reduce((n, k) => n + k, 0);
    expect(mentions.data).toHaveLength(total);
    await expect.poll(() => panelStatus(library)).toBe(`Exported 302 clippings to ${zip.name}.`);
    const history = await statusHistory(library);
    expect(history.some((s) => s.progress !== null)).toBe(true);
    expect(history.at(-1)?.progress).toBeNull();
  });
});
