import { describe, expect, test } from 'vitest';
import { anchorFor } from '../../lib/anchor/text-quote';
import { locateMentions } from '../../lib/reader/locate-mentions';

const STORED = 'Headline about Frontex\n\nFrontex met Europol. Later Frontex said 27 people died.';
const m = (start: number, text: string) => ({ start, end: start + text.length, text, anchor: anchorFor(STORED, start, start + text.length) });

describe('locateMentions', () => {
  test('finds mentions in a rendered text that starts elsewhere, choosing the occurrence by its context', () => {
    const rendered = 'Frontex met Europol. Later Frontex said 27 people died.';
    const mentions = [m(STORED.indexOf('Frontex said') , 'Frontex'), m(STORED.indexOf('Europol'), 'Europol'), m(24, 'Frontex'), m(STORED.indexOf('27 people'), '27 people')];
    const found = locateMentions(rendered, mentions);
    expect(found).toEqual([rendered.indexOf('Frontex said'), rendered.indexOf('Europol'), 0, rendered.indexOf('27 people')]);
  });

  test('a mention whose text is gone is -1', () => {
    expect(locateMentions('nothing here', [m(0, 'Headline')])).toEqual([-1]);
  });
});
