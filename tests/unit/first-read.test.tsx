import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LibraryBrowser, readLibraryHead, type LibraryHead } from '../../components/LibraryBrowser';
import { openAndRead, openWithFirstScreen } from '../../components/open-library';
import { saveClipping, type ClippingInput } from '../../lib/db/clippings';
import { UPGRADING } from '../../components/upgrading';
import { DB_NAME, SCHEMA_V5, openDatabase, type MigraLensDB } from '../../lib/db/schema';

const input = (n: number): ClippingInput => ({
  urlKey: `https://news.example/${n}`, url: `https://news.example/${n}`, canonicalUrl: null,
  title: `Crossing report ${n}`, byline: null, siteName: 'News', lang: 'en', published: '2021-11-25',
  excerpt: null, text: `Frontex counted ${n} boats.`, html: `<p>Frontex counted ${n} boats.</p>`, mentions: [],
});

async function library(count: number): Promise<MigraLensDB> {
  const db = openDatabase();
  for (let n = 1; n <= count; n++) await saveClipping(db, input(n), new Date(Date.UTC(2024, 0, n)));
  return db;
}

let root: HTMLElement;
const opened: MigraLensDB[] = [];
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(async () => {
  render(null, root);
  root.remove();
  for (const db of opened.splice(0)) db.close();
  await openDatabase(DB_NAME).delete();
});

const links = () => [...root.querySelectorAll('.clippings a')].map((a) => a.textContent);

describe('openAndRead: the page\'s first read before its first render', () => {
  test('opens the library and gives back what the read found', async () => {
    (await library(3)).close();
    const { db, first } = await openWithFirstScreen(340);
    opened.push(db);
    expect(db.isOpen()).toBe(true);
    expect(first?.key).toBe('{}');
    expect(first?.first.map((c) => c.title)).toEqual(['Crossing report 3', 'Crossing report 2', 'Crossing report 1']);
    expect(first?.total).toBe(3);
  });

  test('does not wait longer than it is told for a read that is slow, and does not fail with one that fails', async () => {
    const slow = await openAndRead(() => new Promise<string>((resolve) => setTimeout(resolve, 2_000, 'late')), 30);
    opened.push(slow.db);
    expect(slow.first).toBeUndefined();
    const failing = await openAndRead(async () => { throw new Error('disk gone'); });
    opened.push(failing.db);
    expect(failing.first).toBeUndefined();
  });
});

describe('openAndRead while the library is upgraded for this version', () => {
  const hanging = async (db: MigraLensDB) => { await db.open(); return new Promise<never>(() => undefined); };

  test('says so when the read waits on an upgrade, and not for a library already upgraded', async () => {
    const old = new Dexie(DB_NAME);
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    old.close();
    const upgraded = await openAndRead(hanging, 30);
    opened.push(upgraded.db);
    expect(upgraded).toMatchObject({ first: undefined, upgrading: true });
    upgraded.db.close();
    const current = await openAndRead(hanging, 30);
    opened.push(current.db);
    expect(current).toMatchObject({ first: undefined, upgrading: false });
  });

  test('a read that came in time is shown, upgrade or not', async () => {
    const old = new Dexie(DB_NAME);
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    old.close();
    const read = await openAndRead(async (db) => db.clippings.count(), 5_000);
    opened.push(read.db);
    expect(read).toMatchObject({ first: 0, upgrading: false });
  });

  test('the library view says what it waits for', () => {
    const db = openDatabase();
    opened.push(db);
    render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} upgrading />, root);
    expect(root.querySelector('.result-count')?.textContent).toBe(UPGRADING);
  });
});

describe('LibraryBrowser with the first screen read before it rendered', () => {
  test('draws those rows in its first render, then keeps them live', async () => {
    const db = await library(2);
    opened.push(db);
    const first: LibraryHead = await readLibraryHead(db, {}, 340);
    render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} first={first} />, root);
    // Synchronously: no read of the database has answered yet.
    expect(links()).toEqual(['Crossing report 2', 'Crossing report 1']);
    await saveClipping(db, input(3), new Date(Date.UTC(2024, 1, 1)));
    await expect.poll(links).toEqual(['Crossing report 3', 'Crossing report 2', 'Crossing report 1']);
  });

  test('without it, the first render says the library is being read', () => {
    const db = openDatabase();
    opened.push(db);
    render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root);
    expect(links()).toEqual([]);
    expect(root.querySelector('.result-count')?.textContent).toBe('Reading the library…');
  });

  test('a first screen of another query is not drawn as this one\'s', async () => {
    const db = await library(2);
    opened.push(db);
    const other: LibraryHead = { ...(await readLibraryHead(db, {}, 340)), key: JSON.stringify({ text: 'boats' }) };
    render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} first={other} />, root);
    expect(links()).toEqual([]);
  });
});
