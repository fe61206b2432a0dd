import type { LibraryBackup } from '../export/backup-format';

/**
 * Checks a schema-valid backup as a whole: what a schema cannot say. Returns the problems found,
 * at most `limit`, each saying where ("clipping 312: published date is not a date").
 */
export function checkBackup(backup: LibraryBackup, limit = 20): string[] {
  const problems: string[] = [];
  const add = (message: string) => { if (problems.length < limit) problems.push(message); };
  const collectionIds = new Set<number>();
  const collectionNames = new Map<string, number>();
  backup.collections.forEach((col, i) => {
    if (collectionIds.has(col.id)) add(`collection ${i + 1}: id ${col.id} is used twice`);
    if (collectionNames.has(col.name)) add(`collection ${i + 1}: the name "${col.name}" is used twice`);
    collectionIds.add(col.id);
    collectionNames.set(col.name, i);
  });
  const keys = new Map<string, number>();
  const clippingIds = new Set<number>();
  backup.clippings.forEach((c, i) => {
    const at = `clipping ${i + 1}`;
    const earlier = keys.get(c.urlKey);
    if (earlier !== undefined) add(`${at}: same URL key as clipping ${earlier + 1} (${c.urlKey})`);
    keys.set(c.urlKey, i);
    if (clippingIds.has(c.id)) add(`${at}: id ${c.id} is used twice`);
    clippingIds.add(c.id);
    if (c.published !== null && c.published !== undefined && Number.isNaN(Date.parse(c.published))) add(`${at}: published date is not a date ("${c.published.slice(0, 40)}")`);
    for (const id of c.collections) if (!collectionIds.has(id)) add(`${at}: collection ${id} is not among the file's collections`);
    // Mention ids number a clipping's mentions: unique within it (older backups numbered them library-wide).
    const mentionIds = new Set<number>();
    c.mentions.forEach((m, j) => {
      const where = `${at}, mention ${j + 1}`;
      if (m.start > m.end || m.end > c.text.length) add(`${where}: offsets ${m.start}–${m.end} are outside the article text (${c.text.length} characters)`);
      else if (c.text.slice(m.start, m.end) !== m.text) add(`${where}: offsets ${m.start}–${m.end} do not point at "${m.text.slice(0, 40)}"`);
      if (m.id !== undefined) {
        if (mentionIds.has(m.id)) add(`${where}: id ${m.id} is used twice`);
        mentionIds.add(m.id);
      }
    });
  });
  return problems;
}
