import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useLiveQuery } from '../../components/use-live-query';

vi.mock('dexie', async (importOriginal) => {
  const dexie = await importOriginal<typeof import('dexie')>();
  return { ...dexie, liveQuery: vi.fn(dexie.liveQuery) };
});

let root: HTMLElement;
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(() => { render(null, root); root.remove(); });

test('subscribes to its query in the render that needs it, not a painted frame later', async () => {
  const query = vi.fn(async () => 'answer');
  const View = () => <p>{useLiveQuery(query, [], 'waiting').value}</p>;
  // Preact runs effects only after the next frame is painted (10–35 ms in the popup).
  render(<View />, root);
  expect(liveQuery).toHaveBeenCalledWith(query);
  await vi.waitFor(() => expect(root.textContent).toBe('answer'));
  expect(query).toHaveBeenCalledTimes(1);
});
