import { describe, expect, test } from 'vitest';
import { mergeMentions } from '../../lib/detect/merge-mentions';
import type { Mention } from '../../lib/detect/types';

const m = (kind: Mention['kind'], start: number, end: number): Mention => ({ kind, start, end, text: 'x'.repeat(end - start), canonical: '' });

describe('mergeMentions', () => {
  test('keeps an institution nested in a role, in reading order', () => {
    const out = mergeMentions([[m('institution', 20, 23)], [m('role', 0, 23)]]);
    expect(out.map((x) => x.kind)).toEqual(['role', 'institution']);
  });
  test('a number inside an institution name is not a figure', () => {
    expect(mergeMentions([[m('institution', 0, 9)], [m('figure', 7, 9)]]).map((x) => x.kind)).toEqual(['institution']);
  });
  test('a date wins over a figure on the same characters', () => {
    expect(mergeMentions([[m('figure', 0, 2)], [m('date', 0, 11)]]).map((x) => x.kind)).toEqual(['date']);
  });
  test('no partial overlaps within a kind: the longer span stays', () => {
    const out = mergeMentions([[m('person', 0, 10), m('person', 5, 20)]]);
    expect(out).toHaveLength(1);
    expect(out[0].end).toBe(20);
  });
  test('a title word inside a person\'s name is part of the name ("Bruno Le Maire")', () => {
    const out = mergeMentions([[m('role', 9, 14)], [m('person', 0, 14), m('person', 20, 25)], [m('role', 20, 25)]]);
    expect(out.map((x) => `${x.kind} ${x.start}`)).toEqual(['person 0', 'role 20']);
  });
  test('drops empty spans', () => {
    expect(mergeMentions([[m('date', 3, 3)]])).toEqual([]);
  });
});
