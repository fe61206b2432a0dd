/**
 * Compiles the backup schema (lib/import/backup-schema.ts) into a standalone validator module,
 * lib/import/backup-validator.generated.js, which the extension can run under its CSP (no eval).
 *
 *   npx tsx scripts/build-backup-validator.ts          # writes the module
 *   npx tsx scripts/build-backup-validator.ts --check  # exits 1 when the module is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { backupValidatorSource } from './backup-validator-source';

const OUT = 'lib/import/backup-validator.generated.js';
const source = backupValidatorSource();
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== source) {
    console.error(`${OUT} is out of date: run npx tsx scripts/build-backup-validator.ts`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(OUT, source);
  console.log(`wrote ${OUT}`);
}
