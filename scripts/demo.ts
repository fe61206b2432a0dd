/**
 * The main job on the bundled sample articles: builds the extension, serves the samples on
 * 127.0.0.1, opens each in Chromium with the extension loaded, annotates and saves it, and prints
 * what was found and what was saved. Screenshots go to demo-output/.
 *
 *   npm run demo [-- --headed]
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from './driver/extension-browser';
import { readHighlights } from './driver/page-highlights';
import { servePages } from './driver/page-server';

const SAMPLES = ['calais-fr.html', 'channel-en.html'];
const OUT = 'demo-output';
const KINDS = ['institution', 'role', 'person', 'figure', 'date'];

async function main() {
  const headed = process.argv.includes('--headed');
  if (headed && !process.env.DISPLAY) throw new Error('--headed needs a display (DISPLAY is not set).');
  console.log('Building the extension…');
  execSync('npx wxt build', { stdio: 'ignore' });
  mkdirSync(OUT, { recursive: true });
  const server = await servePages('tests/fixtures/pages');
  const browser = await launchWithExtension({ headless: !headed });
  try {
    for (const sample of SAMPLES) {
      const page = await browser.context.newPage();
      await page.goto(server.url(sample));
      await browser.clickAction(page);
      const tabId = await browser.tabIdOf(page);
      const popup = await browser.openPopup(tabId);
      await popup.getByRole('status', { name: 'Annotation summary' }).waitFor({ timeout: 20_000 });
      const painted = await readHighlights(page);
      console.log(`\n== ${await page.title()}\n   ${server.url(sample)}`);
      for (const kind of KINDS) {
        const texts = painted.filter((p) => p.kind === kind).map((p) => p.text.replace(/\s+/g, ' '));
        const distinct = [...new Set(texts)];
        console.log(`   ${kind.padEnd(12)} ${String(texts.length).padStart(3)}  ${distinct.join(' | ')}`);
      }
      const name = sample.replace(/\.html$/, '');
      await page.screenshot({ path: `${OUT}/${name}-highlighted.png`, fullPage: true });
      await popup.getByRole('button', { name: 'Save clipping' }).click();
      const saved = popup.getByRole('status').filter({ hasText: /^(Saved|Updated):/ });
      await saved.waitFor({ timeout: 10_000 });
      console.log(`   ${await saved.textContent()}`);
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: `${OUT}/${name}-popup.png` });
      await popup.close();
      await page.close();
    }
    console.log(`\nScreenshots written to ${OUT}/.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
