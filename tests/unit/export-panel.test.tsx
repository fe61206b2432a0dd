import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ExportPanel, type ExportPanelProps, type TaskProgress } from '../../components/ExportPanel';

let root: HTMLElement;
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(() => { render(null, root); root.remove(); });

const collections = [{ id: 4, name: 'Calais', createdAt: '2024-01-01T00:00:00.000Z' }, { id: 9, name: 'Thesis', createdAt: '2024-01-01T00:00:00.000Z' }];

function mount(props: Partial<ExportPanelProps>) {
  const all: ExportPanelProps = {
    collections,
    onExport: vi.fn(async () => ({ ok: true as const, fileName: 'x.zip', clippings: 0 })),
    onImport: vi.fn(async () => ({ ok: true as const, result: { added: 0, updated: 0, skipped: 0, mentions: 0, collectionsAdded: 0 } })),
    ...props,
  };
  act(() => render(<ExportPanel {...all} />, root));
  return all;
}

const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
const radio = (label: string) => [...root.querySelectorAll('label')].find((l) => l.textContent!.includes(label))!.querySelector('input')!;
const select = (el: HTMLSelectElement, value: string) => act(() => { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); });
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('ExportPanel', () => {
  test('exports the chosen collection in the chosen format, with a progress bar while it runs', async () => {
    let report: (p: TaskProgress) => void = () => {};
    let finish: () => void = () => {};
    const onExport = vi.fn((_s, _f, onProgress: (p: TaskProgress) => void) => new Promise<{ ok: true; fileName: string; clippings: number }>((resolve) => {
      report = onProgress;
      finish = () => resolve({ ok: true, fileName: 'migralens-csv-2024-04-01.zip', clippings: 1234 });
    }));
    mount({ onExport });
    act(() => radio('Collection').click());
    select($('select[aria-label="Collection"]'), '9');
    select([...root.querySelectorAll('select')][1] as HTMLSelectElement, 'csv');
    await act(async () => { button('Export').click(); });
    expect(onExport).toHaveBeenCalledWith({ kind: 'collection', collectionId: 9 }, 'csv', expect.any(Function));
    act(() => report({ phase: 'Writing', done: 250, total: 1000 }));
    expect($('progress').getAttribute('value')).toBe('250');
    expect($('progress').getAttribute('max')).toBe('1000');
    expect(root.textContent).toContain('Writing — 250 of 1,000');
    expect(button('Export').disabled).toBe(true);
    // Zipping counts characters of text, which mean nothing to a reader: a percentage instead.
    act(() => report({ phase: 'Zipping', done: 4_219_000, total: 10_000_000, percent: true }));
    expect(root.textContent).toContain('Zipping — 42 %');
    expect(root.textContent).not.toContain('4,219,000');
    expect($('progress').getAttribute('value')).toBe('4219000');
    await act(async () => { finish(); await new Promise((r) => setTimeout(r, 0)); });
    expect(root.querySelector('progress')).toBeNull();
    expect($('[role=status]').textContent).toBe('Exported 1,234 clippings to migralens-csv-2024-04-01.zip.');
  });

  test('the search result is a scope only when the page has one', async () => {
    mount({});
    expect(radio('Current search result').disabled).toBe(true);
    act(() => render(null, root));
    const props = mount({ searchIds: [3, 5] });
    expect(root.textContent).toContain('Current search result (2 clippings)');
    act(() => radio('Current search result').click());
    await act(async () => { button('Export').click(); });
    expect(props.onExport).toHaveBeenCalledWith({ kind: 'clippings', ids: [3, 5] }, 'json', expect.any(Function));
  });

  async function pickFile(name: string) {
    const input = $<HTMLInputElement>('input[type=file]');
    Object.defineProperty(input, 'files', { value: [new File(['{}'], name)], configurable: true });
    await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
  }

  test('an import that is refused shows every problem and says nothing was written', async () => {
    mount({ onImport: vi.fn(async () => ({ ok: false as const, problems: ['clipping 312: published date is not a date', 'clipping 400: title is missing'] })) });
    await pickFile('backup.json');
    const alert = $('[role=alert]');
    expect(alert.textContent).toContain('Nothing was imported');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['clipping 312: published date is not a date', 'clipping 400: title is missing']);
  });

  test('an import that succeeds reports added, updated and skipped', async () => {
    mount({ onImport: vi.fn(async () => ({ ok: true as const, result: { added: 10, updated: 2, skipped: 1, mentions: 5000, collectionsAdded: 1 } })) });
    await pickFile('backup.json');
    expect($('[role=status]').textContent).toBe('Imported: 10 added, 2 updated, 1 skipped (5,000 mentions).');
  });
});
