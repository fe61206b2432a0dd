import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useSameMentions } from '../../components/use-same-mentions';
import type { StoredMention } from '../../lib/db/schema';

let root: HTMLElement;
beforeEach(() => { root = document.createElement('div'); document.body.append(root); });
afterEach(() => { render(null, root); root.remove(); });

const mention = (over: Partial<StoredMention> = {}): StoredMention => ({
  id: 1, clippingId: 7, kind: 'institution', start: 0, end: 7, text: 'Frontex', canonical: 'Frontex', entityId: 'eu.frontex',
  anchor: { quote: 'Frontex', prefix: '', suffix: ' said', position: 0 }, ...over,
});

test('keeps the list it has while the mentions read again are the same, and takes one that differs in any field', () => {
  const seen: StoredMention[][] = [];
  const View = ({ list }: { list: StoredMention[] }) => { seen.push(useSameMentions(list)); return null; };
  const first = [mention(), mention({ id: 2, start: 20, end: 27 })];
  act(() => render(<View list={first} />, root));
  act(() => render(<View list={[mention(), mention({ id: 2, start: 20, end: 27 })]} />, root));
  expect(seen[1]).toBe(first);
  const reanchored = [mention(), mention({ id: 2, start: 20, end: 27, anchor: { quote: 'Frontex', prefix: 'new ', suffix: '', position: 20 } })];
  act(() => render(<View list={reanchored} />, root));
  expect(seen[2]).toBe(reanchored);
  const shorter = [mention()];
  act(() => render(<View list={shorter} />, root));
  expect(seen[3]).toBe(shorter);
  const recategorised = [mention({ category: 'deaths' })];
  act(() => render(<View list={recategorised} />, root));
  expect(seen[4]).toBe(recategorised);
});
