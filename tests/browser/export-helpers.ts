import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** One state of the export panel's status line, as the page showed it. */
export type StatusSnapshot = { text: string; progress: { value: string | null; max: string | null } | null };

/**
 * Records every state the export panel's status takes, from inside the page (a MutationObserver),
 * so that a progress bar shown for a few milliseconds is still seen. Read it with `statusHistory`.
 */
export function recordStatus(page: Page): Promise<void> {
  return page.evaluate(() => {
    const history: StatusSnapshot[] = [];
    const panel = document.querySelector('.export-panel')!;
    const snap = () => {
      const status = panel.querySelector('.status');
      const bar = panel.querySelector('progress');
      const last = history.at(-1);
      const next = { text: status?.textContent ?? '', progress: bar ? { value: bar.getAttribute('value'), max: bar.getAttribute('max') } : null };
      if (!last || JSON.stringify(last) !== JSON.stringify(next)) history.push(next);
    };
    new MutationObserver(snap).observe(panel, { subtree: true, childList: true, attributes: true, characterData: true });
    (window as unknown as { statusHistory: StatusSnapshot[] }).statusHistory = history;
  });
}

export function statusHistory(page: Page): Promise<StatusSnapshot[]> {
  return page.evaluate(() => (window as unknown as { statusHistory: StatusSnapshot[] }).statusHistory);
}

/** Clicks Export in the panel and returns the file the browser downloaded: its name and bytes. */
export async function exportFromPanel(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByLabel('Format').selectOption(format);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
