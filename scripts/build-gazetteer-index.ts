/**
 * Builds lib/detect/data/institutions-index.json, the first-key index of the institution
 * gazetteer (see lib/detect/entities/name-index.ts), so the detector does not read every name of
 * the table on its first call.
 *
 *   npx tsx scripts/build-gazetteer-index.ts          # writes the index
 *   npx tsx scripts/build-gazetteer-index.ts --check  # exits 1 when the index is out of date
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import institutions from '../lib/detect/data/institutions.json';
import { nameIndexFile } from '../lib/detect/entities/name-index';
import type { InstitutionsTable } from '../lib/detect/entities/tables';

const OUT = 'lib/detect/data/institutions-index.json';
const text = nameIndexFile(institutions as unknown as InstitutionsTable);
if (process.argv.includes('--check')) {
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) {
    console.error(`${OUT} is out of date: run npx tsx scripts/build-gazetteer-index.ts`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
