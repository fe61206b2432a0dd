import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ClippingList, firstScreen } from '../../components/ClippingList';
import { LibraryBrowser } from '../../components/LibraryBrowser';
import { saveClipping, type ClippingInput } from '../../lib/db/clippings';
import { openDatabase, type ClippingRow, type MigraLensDB } from '../../lib/db/schema';

let root: HTMLElement;
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(() => { render(null, root); root.remove(); });

const row = (id: number): ClippingRow => ({
  id, title: `Clipping ${id}`, source: 'page', siteName: 'News', published: '2024-03-01', note: '',
  summary: { counts: { institution: 1, role: 0, person: 0, figure: 0, date: 0 }, institutions: ['Frontex'], figures: [] },
} as unknown as ClippingRow);

const titles = () => [...root.querySelectorAll('.clipping-title')].map((a) => a.textContent);
const placeholders = () => root.querySelectorAll('.clippings li > .clipping-meta').length;

describe('ClippingList', () => {
  const ids = Array.from({ length: 40 }, (_, i) => 40 - i);
  const never = () => new Promise<ClippingRow[]>(() => {});

  test('a row shows its figures before its institutions, which recur from one clipping to the next', async () => {
    const c = { ...row(1), summary: { counts: { institution: 6, role: 0, person: 0, figure: 4, date: 0 }, institutions: ['Frontex', 'Europol', 'UNHCR', 'IOM', 'Home Office', 'Border Force'], figures: ['27 personnes', '£54 million', 'au moins 31 000 personnes', '13 %'] } } as ClippingRow;
    await act(async () => {
      render(<ClippingList ids={[1]} preloaded={[c]} load={never} href={() => '#'} height={340} empty="none" />, root);
    });
    expect([...root.querySelectorAll('.chips .chip')].map((el) => `${el.className}: ${el.textContent}`)).toEqual([
      'chip figure: 27 personnes', 'chip figure: £54 million', 'chip figure: au moins 31 000 personnes',
      'chip institution: Frontex', 'chip institution: Europol', 'chip institution: UNHCR', 'chip institution: IOM', 'chip institution: Home Office',
    ]);
  });

  test('draws the first screen from the rows read with the ids, without waiting for a read of its own', async () => {
    const height = 340;
    const preloaded = ids.slice(0, firstScreen(height)).map(row);
    await act(async () => {
      render(<ClippingList ids={ids} preloaded={preloaded} load={never} href={(c) => `#${c.id}`} height={height} empty="none" />, root);
    });
    const shown = titles();
    expect(shown.length).toBeGreaterThanOrEqual(Math.ceil(height / 84));
    expect(shown.slice(0, 4)).toEqual(['Clipping 40', 'Clipping 39', 'Clipping 38', 'Clipping 37']);
  });

  test('without them, rows wait for the list\'s own read', async () => {
    const load = vi.fn(never);
    await act(async () => {
      render(<ClippingList ids={ids} load={load} href={(c) => `#${c.id}`} height={340} empty="none" />, root);
    });
    expect(titles()).toEqual([]);
    await vi.waitFor(() => expect(load).toHaveBeenCalledWith(ids.slice(0, firstScreen(340))));
    expect(titles()).toEqual([]);
  });
});

describe('LibraryBrowser', () => {
  let db: MigraLensDB;
  beforeEach(async () => { db = openDatabase(`list-${Math.random()}`); await db.open(); });
  afterEach(async () => { db.close(); await db.delete(); });

  const input = (i: number): ClippingInput => ({
    urlKey: `https://news.example/${i}`, url: `https://news.example/${i}`, canonicalUrl: null, title: `Crossing report ${i}`,
    byline: null, siteName: 'News', lang: 'en', published: '2024-03-01', excerpt: null, text: `Crossing report ${i}. Frontex said so.`,
    html: '<p>Frontex said so.</p>', mentions: [],
  });

  test('shows the count and the first rows in the same step: never a count above empty rows', async () => {
    for (let i = 1; i <= 12; i++) await saveClipping(db, input(i));
    // Every state the page goes through, as the DOM changes.
    const states: { count: string; titles: number; placeholders: number }[] = [];
    const observer = new MutationObserver(() => {
      states.push({ count: root.querySelector('.result-count')?.textContent ?? '', titles: titles().length, placeholders: placeholders() });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    await act(async () => { render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root); });
    await vi.waitFor(() => expect(titles().length).toBeGreaterThan(0));
    observer.disconnect();
    const counted = states.filter((s) => s.count.startsWith('12 '));
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every((s) => s.titles > 0 && s.placeholders === 0)).toBe(true);
    expect(titles()[0]).toBe('Crossing report 12');
  });

  test('draws the whole library\'s first rows without waiting for its count, which follows', async () => {
    for (let i = 1; i <= 30; i++) await saveClipping(db, input(i));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const count = db.clippings.count.bind(db.clippings);
    const counting = vi.spyOn(db.clippings, 'count').mockImplementation((() => held.then(() => count())) as typeof db.clippings.count);
    await act(async () => { render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root); });
    await vi.waitFor(() => expect(titles().length).toBeGreaterThan(0));
    expect(titles()[0]).toBe('Crossing report 30');
    expect(root.querySelector('.result-count')!.textContent).toBe('Latest clippings, counting…');
    await vi.waitFor(() => expect(counting).toHaveBeenCalled());
    await act(async () => { release(); await held; });
    await vi.waitFor(() => expect(root.querySelector('.result-count')!.textContent).toBe('30 clippings'));
    expect(root.querySelector('.clippings')!.getAttribute('style')).toContain(`height: ${30 * 84}px`);
  });

  test('a library that fits the first screen is counted from its head', async () => {
    for (let i = 1; i <= 3; i++) await saveClipping(db, input(i));
    const counting = vi.spyOn(db.clippings, 'count');
    await act(async () => { render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root); });
    await vi.waitFor(() => expect(root.querySelector('.result-count')!.textContent).toBe('3 clippings'));
    expect(titles()).toEqual(['Crossing report 3', 'Crossing report 2', 'Crossing report 1']);
    expect(counting).not.toHaveBeenCalled();
  });

  test('a search with many matches draws its first rows and its count at once, and every row once scrolled to', async () => {
    for (let i = 1; i <= 120; i++) await saveClipping(db, input(i));
    await saveClipping(db, { ...input(121), title: 'Budget', text: 'Budget.', urlKey: 'https://news.example/budget', url: 'https://news.example/budget' });
    await act(async () => { render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root); });
    await vi.waitFor(() => expect(titles()[0]).toBe('Budget'));
    const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
    await act(async () => { search.value = 'crossing'; search.dispatchEvent(new Event('input', { bubbles: true })); });
    await vi.waitFor(() => expect(root.querySelector('.result-count')!.textContent).toBe('120 clippings found'));
    expect(titles()[0]).toBe('Crossing report 120');
    expect(root.querySelector('.clippings')!.getAttribute('style')).toContain(`height: ${120 * 84}px`);
    const box = root.querySelector<HTMLElement>('.virtual-list')!;
    await act(async () => { box.scrollTop = 120 * 84 - 340; box.dispatchEvent(new Event('scroll')); });
    await vi.waitFor(() => expect(titles()).toContain('Crossing report 1'));
    expect(titles()).not.toContain('Budget');
  });

  test('draws the whole library\'s first rows from the head of the recency index, and every row once scrolled to', async () => {
    for (let i = 1; i <= 30; i++) await saveClipping(db, input(i));
    await act(async () => { render(<LibraryBrowser db={db} href={(c) => `#${c.id}`} listHeight={340} />, root); });
    await vi.waitFor(() => expect(titles().length).toBeGreaterThan(0));
    expect(root.querySelector('.result-count')!.textContent).toBe('30 clippings');
    expect(root.querySelector('.clippings')!.getAttribute('style')).toContain(`height: ${30 * 84}px`);
    const box = root.querySelector<HTMLElement>('.virtual-list')!;
    await act(async () => { box.scrollTop = 30 * 84 - 340; box.dispatchEvent(new Event('scroll')); });
    await vi.waitFor(() => expect(titles()).toContain('Crossing report 1'));
    expect(titles()).not.toContain('Crossing report 30');
  });
});
