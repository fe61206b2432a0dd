// @vitest-environment jsdom
// DOMPurify needs a complete DOM (see sanitize-html.test.ts): imports sanitise every clipping's HTML.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { anchorFor } from '../../lib/anchor/text-quote';
import { getArticle, type Article } from '../../lib/db/article-packs';
import { saveClipping } from '../../lib/db/clippings';
import { packedCount } from '../../lib/db/mention-store';
import { openDatabase, type MigraLensDB } from '../../lib/db/schema';
import type { LibraryBackup } from '../../lib/export/backup-format';
import { writeJsonBackup } from '../../lib/export/json-backup';
import { readExportSource } from '../../lib/export/read-library';
import { importBackup } from '../../lib/import/import-library';
import { readBackup } from '../../lib/import/read-backup';
import { backupValidatorSource } from '../../scripts/backup-validator-source';
import { dumpLibrary, handMadeInput, sanitize, seedLibrary } from './helpers/export-library';
import { storedMentions } from './helpers/stored-mentions';

const noPause = { pause: async () => {} };
const META = { exportedAt: '2024-04-01T00:00:00.000Z', generator: 'test' };

async function backupOf(db: MigraLensDB): Promise<string> {
  return writeJsonBackup(await readExportSource(db, { kind: 'library' }), META, noPause);
}

function readOk(text: string): LibraryBackup {
  const r = readBackup(text);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.backup;
}

async function clear(db: MigraLensDB) {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

describe('JSON backup and import', () => {
  let db: MigraLensDB;
  beforeEach(async () => { db = openDatabase(`test-${Math.random()}`); await db.open(); await seedLibrary(db); });
  afterEach(async () => { await db.delete(); });

  test('export → clear → import gives back an identical library, mentions, notes and collections included', async () => {
    const before = await dumpLibrary(db);
    // The article text, HTML and mentions are kept beside the rows, in `packs`.
    // Articles this small are all in their packs, none in a record of its own.
    const articles = before.packs.flatMap((p) => p.articles as Article[]);
    expect(articles.map((a) => a.id)).toEqual(before.clippings.map((c) => c.id));
    const mentionCount = articles.reduce((n, a) => n + packedCount(a.mentions), 0);
    expect(mentionCount).toBeGreaterThan(20);
    expect(before.terms.length).toBeGreaterThan(100);
    expect(before.clippings.some((c) => c.note.includes('second line'))).toBe(true);
    const text = await backupOf(db);
    expect(JSON.parse(text)).toMatchObject({ format: 'migralens-library', version: 1, exportedAt: META.exportedAt });
    await clear(db);
    const progress: number[] = [];
    const result = await importBackup(db, readOk(text), { sanitize, onProgress: (done) => progress.push(done) });
    expect(result).toEqual({ added: 3, updated: 0, skipped: 0, mentions: mentionCount, collectionsAdded: 2 });
    expect(progress.at(-1)).toBe(3);
    expect(await dumpLibrary(db)).toEqual(before);
    // And the backup of the restored library is the same file.
    expect(await backupOf(db)).toBe(text);
  });

  test('an export of part of the library reads exactly those clippings, whole', async () => {
    const all = await readExportSource(db, { kind: 'library' });
    const part = async (scope: Parameters<typeof readExportSource>[1]) => (await readExportSource(db, scope)).clippings;
    // A sparse scope (1 and 3 of 1–3 is read key by key) and a dense one (a range read, then narrowed).
    expect(await part({ kind: 'clippings', ids: [3, 1] })).toEqual([all.clippings[0], all.clippings[2]]);
    expect(await part({ kind: 'clippings', ids: [2, 3] })).toEqual(all.clippings.slice(1));
    const calais = (await db.collections.where('name').equals('Thesis ch. 2').first())!;
    const inCollection = await part({ kind: 'collection', collectionId: calais.id });
    expect(inCollection.map((c) => c.title)).toEqual([all.clippings[0].title]);
    expect(inCollection[0].text.length).toBeGreaterThan(1000);
    expect(inCollection[0].mentions.every((m) => m.clippingId === inCollection[0].id)).toBe(true);
  });

  test('the backup leaves out derived search fields and anchors, which import recomputes; a file with anchors reads the same', async () => {
    const text = await backupOf(db);
    const backup = JSON.parse(text) as LibraryBackup;
    expect(backup.clippings[0]).not.toHaveProperty('words');
    expect(backup.clippings[0]).not.toHaveProperty('facets');
    expect(backup.clippings[0].mentions.length).toBeGreaterThan(0);
    for (const c of backup.clippings) for (const m of c.mentions) expect(m).not.toHaveProperty('anchor');
    const before = await dumpLibrary(db);
    const withAnchors = readOk(text);
    for (const c of withAnchors.clippings) for (const m of c.mentions) m.anchor = anchorFor(c.text, m.start, m.end);
    await clear(db);
    await importBackup(db, withAnchors, { sanitize });
    expect(await dumpLibrary(db)).toEqual(before);
    const whole = await storedMentions(db, backup.clippings[0].id);
    expect(whole[0].anchor).toEqual(anchorFor(backup.clippings[0].text, whole[0].start, whole[0].end));
  });

  test('importing into a library that has the same pages merges them: added, updated, skipped', async () => {
    const text = await backupOf(db);
    const other = openDatabase(`test-${Math.random()}`);
    try {
      // The other library has the hand-made page, saved earlier, with its own tag; and a page of its own.
      const old = await saveClipping(other, handMadeInput(), new Date('2024-01-01T00:00:00Z'));
      await other.clippings.update(old.id, { tags: ['mine'] });
      await saveClipping(other, { ...handMadeInput(), urlKey: 'https://news.example/other', mentions: [] });
      const first = await importBackup(other, readOk(text), { sanitize });
      expect(first).toMatchObject({ added: 2, updated: 1, skipped: 0, collectionsAdded: 2 });
      expect(await other.clippings.count()).toBe(4);
      const merged = await other.clippings.where('urlKey').equals('https://news.example/channel').first();
      expect(merged).toMatchObject({ id: old.id, note: 'hand-made', savedAt: '2024-01-01T00:00:00.000Z' });
      expect(merged!.tags).toEqual(['mine']);
      expect(await storedMentions(other, old.id)).toHaveLength(4);
      // The same file again changes nothing.
      const again = await importBackup(other, readOk(text), { sanitize });
      expect(again).toMatchObject({ added: 0, updated: 0, skipped: 3, collectionsAdded: 0 });
      expect(await other.clippings.count()).toBe(4);
      expect(await other.collections.count()).toBe(2);
    } finally {
      await other.delete();
    }
  });

  // The search index is written last; articles while the next batch is prepared.
  test.each(['terms', 'packs'] as const)('a write that fails half-way (in %s) leaves the library as it was', async (table) => {
    const text = await backupOf(db);
    await clear(db);
    let n = 0;
    const at = table === 'terms' ? 30 : 1;
    db[table].hook('creating', () => { if (++n === at) throw new Error('disk went away'); });
    await expect(importBackup(db, readOk(text), { sanitize })).rejects.toThrow('disk went away');
    expect(await db.clippings.count()).toBe(0);
    expect([await db.packs.count(), await db.terms.count()]).toEqual([0, 0]);
    expect(await db.collections.count()).toBe(0);
  });

  // Ids out of order, with gaps, sharing packs across batches of 7: into an empty library the packs
  // are written without being read, so each write must carry what the earlier batches put there.
  test.each([
    { into: 'an empty library', seed: false },
    { into: 'a library with a clipping of its own', seed: true },
  ])('a file of many clippings in small batches comes back whole, into $into', async ({ seed }) => {
    const one = readOk(await backupOf(db));
    const ids = Array.from({ length: 40 }, (_, i) => 3 + ((i * 17) % 40) * 2);
    const many: LibraryBackup = {
      ...one,
      clippings: ids.map((id, i) => {
        const c = one.clippings[i % one.clippings.length];
        const url = `https://news.example/many/${id}`;
        return { ...c, id, url, urlKey: url, pageKey: url, canonicalUrl: null, text: `${c.text} (${id})` };
      }),
    };
    await clear(db);
    if (seed) await saveClipping(db, handMadeInput());
    const result = await importBackup(db, many, { sanitize, batchSize: 7 });
    expect(result.added).toBe(40);
    const packs = await db.packs.toArray();
    const stored = packs.flatMap((p) => p.articles.map((a) => a.id));
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toHaveLength(seed ? 41 : 40);
    for (const c of many.clippings) {
      const row = (await db.clippings.where('urlKey').equals(c.urlKey).first())!;
      if (!seed) expect(row.id).toBe(c.id);
      expect((await getArticle(db, row.id))!.text).toBe(c.text);
      expect(await storedMentions(db, row.id)).toHaveLength(c.mentions.length);
    }
  });

  test('hostile HTML in a backup is sanitised on the way in', async () => {
    const backup = readOk(await backupOf(db));
    backup.clippings[0].html = '<p onclick="steal()">hi<script>alert(1)</script><img src="https://tracker.example/x.gif"></p>';
    await clear(db);
    await importBackup(db, backup, { sanitize });
    const html = (await getArticle(db, backup.clippings[0].id))!.html;
    expect(html).toBe('<p>hi</p>');
  });
});

describe('a file that cannot be imported is rejected whole, saying what and where', () => {
  let good: string;
  beforeEach(async () => {
    const db = openDatabase(`test-${Math.random()}`);
    await seedLibrary(db);
    good = await backupOf(db);
    await db.delete();
  });

  const problems = (text: string, maxChars?: number) => {
    const r = readBackup(text, maxChars);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.problems;
  };
  const edit = (f: (b: { clippings: Record<string, unknown>[] } & Record<string, unknown>) => void) => {
    const b = JSON.parse(good);
    f(b);
    return JSON.stringify(b);
  };

  test('a truncated file', () => {
    expect(problems(good.slice(0, good.length / 2))[0]).toMatch(/cut off .* incomplete/);
  });

  test('malformed JSON, with the line', () => {
    expect(problems(good.replace('"version":1', '"version":1,,'))[0]).toMatch(/not valid JSON .*line 2, column/);
  });

  test('another kind of file', () => {
    expect(problems('[{"file":"a.html","mentions":[]}]')[0]).toMatch(/command-line annotator's JSON output/);
    expect(problems('{"@context":"http://www.w3.org/ns/anno.jsonld"}')[0]).toMatch(/W3C Web Annotation/);
    expect(problems('{"format":"other"}')[0]).toMatch(/not a MigraLens library backup/);
    expect(problems(edit((b) => { b.version = 9; }))[0]).toMatch(/newer MigraLens \(backup version 9/);
  });

  test('an oversized file', () => {
    expect(problems(good, 1000)[0]).toMatch(/too large/);
  });

  test('a bad date in clipping 312 is named', () => {
    const many = edit((b) => {
      const c = b.clippings[2];
      b.clippings = Array.from({ length: 320 }, (_, i) => ({ ...c, id: i + 1, urlKey: `https://news.example/${i}`, mentions: [] }));
      b.clippings[311].published = 'last Tuesday';
    });
    expect(problems(many)).toEqual(['clipping 312: published date is not a date ("last Tuesday")']);
  });

  test('schema errors name the clipping, the mention and the field', () => {
    const bad = edit((b) => {
      b.clippings[1].savedAt = 'yesterday';
      delete b.clippings[0].title;
      ((b.clippings[2].mentions as Record<string, unknown>[])[1]).kind = 'place';
      ((b.clippings[2].mentions as Record<string, unknown>[])[0]).start = 'x';
    });
    expect(problems(bad)).toEqual(expect.arrayContaining([
      'clipping 1: title is missing',
      'clipping 2: saved date is not a date',
      'clipping 3, mention 2: kind is not one of institution, role, person, figure, date',
      'clipping 3, mention 1: start is not a whole number',
    ]));
  });

  test('checks across records: offsets, duplicates, unknown collections', () => {
    const bad = edit((b) => {
      ((b.clippings[2].mentions as Record<string, unknown>[])[0]).end = 99_999;
      b.clippings[1].urlKey = b.clippings[0].urlKey;
      b.clippings[2].collections = [77];
    });
    const p = problems(bad);
    expect(p).toContain(`clipping 2: same URL key as clipping 1 (${JSON.parse(good).clippings[0].urlKey})`);
    expect(p).toContain('clipping 3: collection 77 is not among the file\'s collections');
    expect(p.some((x) => /^clipping 3, mention 1: offsets \d+–99999 are outside the article text/.test(x))).toBe(true);
  });

  test('nothing is written when a file is rejected', async () => {
    const db = openDatabase(`test-${Math.random()}`);
    await db.open();
    const r = readBackup(good.slice(0, 500));
    expect(r.ok).toBe(false);
    expect(await db.clippings.count()).toBe(0);
    await db.delete();
  });
});

test('the compiled validator matches the schema (regenerate: npx tsx scripts/build-backup-validator.ts)', () => {
  expect(readFileSync('lib/import/backup-validator.generated.js', 'utf8')).toBe(backupValidatorSource());
});
