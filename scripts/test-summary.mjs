// Prints one closing line for the whole test run from vitest's JSON reports: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of ['test-output/unit-results.json', 'test-output/browser-results.json']) {
  if (!existsSync(file)) { console.error(`missing test report: ${file}`); failed += 1; continue; }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed || passed === 0 ? 1 : 0;
