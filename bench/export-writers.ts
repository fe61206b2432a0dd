/**
 * The JSON and CSV writers and the zip step on a generated library held in memory (no IndexedDB),
 * in headless Chromium (Debian's), with their default 16 ms slices and pauses. Each step is timed
 * on the clock and, through the DevTools protocol, in CPU time of the page's main thread, which
 * other work on a shared machine disturbs less. Best of `runs`. Prints figures only.
 *
 *   npx tsx bench/export-writers.ts [clippings] [runs]   (default 10,000 clippings, 3 runs)
 *   npx tsx bench/export-writers.ts [clippings] [runs] --node   (the same steps in Node, as the command line runs them)
 */
import { pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import type { writerSteps } from './export-writers-page';
import { ms } from './shared-data';

type Step = 'json' | 'csv' | 'zip';
type Timed = { wall: number; cpu?: number; mb: number };
const STEPS: Step[] = ['json', 'csv', 'zip'];
const LABEL: Record<Step, string> = { json: 'JSON write', csv: 'CSV write', zip: 'zip of the CSV' };

function report(best: Record<Step, Timed>): void {
  for (const step of STEPS) {
    const { wall, cpu, mb } = best[step];
    console.log(`${LABEL[step].padEnd(15)} ${ms(wall).padStart(10)}${cpu === undefined ? '' : ` (main thread CPU ${ms(cpu)})`}, ${mb.toFixed(1)} MB`);
  }
}

async function inNode(n: number, runs: number): Promise<Record<Step, Timed>> {
  const { writerSteps: steps } = await import('./export-writers-page');
  await steps.setup(n);
  const best = {} as Record<Step, Timed>;
  for (let run = 0; run < runs; run++) {
    for (const step of STEPS) {
      const t = performance.now();
      const mb = await steps[step]();
      const wall = performance.now() - t;
      if (!best[step] || wall < best[step].wall) best[step] = { wall, mb };
    }
  }
  return best;
}

async function inChromium(n: number, runs: number): Promise<Record<Step, Timed>> {
  return withBenchPage('bench/export-writers-page.ts', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadMs = async () => 1000 * ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
    const run = (step: 'setup' | Step, arg = 0) => page.evaluate(([s, a]) => (globalThis as unknown as { writerSteps: typeof writerSteps }).writerSteps[s as 'setup'](a as number), [step, arg] as const);
    console.log(`library: ${(await run('setup', n)).toLocaleString('en')} mentions`);
    const best = {} as Record<Step, Timed>;
    for (let k = 0; k < runs; k++) {
      for (const step of STEPS) {
        const cpu0 = await threadMs();
        const t = performance.now();
        const mb = await run(step);
        const wall = performance.now() - t;
        const cpu = (await threadMs()) - cpu0;
        const b = best[step];
        best[step] = { wall: Math.min(wall, b?.wall ?? Infinity), cpu: Math.min(cpu, b?.cpu ?? Infinity), mb };
      }
    }
    return best;
  });
}

export async function benchExportWriters(n = 10_000, runs = 3, node = false): Promise<void> {
  console.log(`\n## Export writers (${n.toLocaleString('en')} generated clippings in memory, no IndexedDB, best of ${runs}, this machine)`);
  if (node) {
    console.log(`Node ${process.version}:`);
    report(await inNode(n, runs));
  } else {
    report(await inChromium(n, runs));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [n, runs] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  benchExportWriters(n || undefined, runs || undefined, process.argv.includes('--node')).catch((e) => { console.error(e); process.exitCode = 1; });
}
