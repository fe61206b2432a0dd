import { describe, expect, test } from 'vitest';
import { anchorFor } from '../../lib/anchor/text-quote';
import { packedCount, packMentions, unpackMentions } from '../../lib/db/mention-store';
import type { StoredMention } from '../../lib/db/schema';

const TEXT = 'Frontex et Europol. Au moins 27 personnes sont mortes le 24 novembre 2021, selon Frontex. Entre 500 et 600 migrants.';

function at(text: string, from = 0) {
  const start = TEXT.indexOf(text, from);
  if (start < 0) throw new Error(`not in the text: ${text}`);
  return { start, end: start + text.length, text, anchor: anchorFor(TEXT, start, start + text.length) };
}

const MENTIONS: Omit<StoredMention, 'id' | 'clippingId'>[] = [
  { kind: 'institution', ...at('Frontex'), canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q1140375', institutionKind: 'eu-agency', country: 'EU' },
  { kind: 'institution', ...at('Europol'), canonical: 'Europol', entityId: 'eu.europol', country: 'EU' },
  { kind: 'figure', ...at('Au moins 27 personnes'), canonical: 'Au moins 27 personnes', value: 27, unit: 'people', category: 'deaths', qualifier: 'at least' },
  { kind: 'date', ...at('24 novembre 2021'), canonical: '24 novembre 2021', iso: '2021-11-24' },
  { kind: 'institution', ...at('Frontex', 30), canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q1140375', institutionKind: 'eu-agency', country: 'EU' },
  // Fields in another order, a range, and a field present but undefined: all must come back as they were.
  { canonical: 'Entre 500 et 600 migrants', kind: 'figure', ...at('Entre 500 et 600 migrants'), valueMax: 600, value: 500, unit: 'people', category: 'people', qualifier: 'between', currency: undefined },
];

describe('packed mention lists', () => {
  test('unpacking gives back every mention, field for field and in its order of fields, numbered from 1', () => {
    const back = unpackMentions(7, packMentions(MENTIONS), TEXT);
    expect(back).toEqual(MENTIONS.map((m, i) => ({ ...m, id: i + 1, clippingId: 7 })));
    back.forEach((m, i) => {
      expect(Object.keys(m).slice(0, -4)).toEqual(Object.keys(MENTIONS[i]).filter((k) => k !== 'text' && k !== 'anchor'));
      expect(m.text).toBe(TEXT.slice(m.start, m.end));
    });
    expect('currency' in back[5]).toBe(true);
  });

  test('each distinct value and each distinct set of fields is stored once; text and anchors not at all', () => {
    const packed = packMentions(MENTIONS);
    expect(packedCount(packed)).toBe(6);
    expect(new Set(packed.values).size).toBe(packed.values.length);
    expect(packed.values.filter((v) => v === 'Frontex')).toHaveLength(1);
    expect(packed.values).not.toContain('text');
    expect(packed.values).not.toContain('anchor');
    expect(packed.values.some((v) => typeof v === 'object' && v !== null)).toBe(false);
    // The two Frontex mentions share one field set: five distinct sets, not six.
    expect(packed.spans[2]).toBe(packed.spans[14]);
    let sets = 0;
    for (let k = 0; k < packed.fields.length; k += 1 + 2 * packed.fields[k]) sets++;
    expect(sets).toBe(5);
  });

  test('ids and clipping ids given to packMentions are not stored: the list numbers them', () => {
    const placed = MENTIONS.map((m, i) => ({ ...m, id: 100 + i, clippingId: 3 }));
    expect(packMentions(placed)).toEqual(packMentions(MENTIONS));
    expect(unpackMentions(4, packMentions(placed), TEXT).map((m) => [m.id, m.clippingId])).toEqual(MENTIONS.map((_, i) => [i + 1, 4]));
  });

  test('an empty or missing list unpacks to no mention', () => {
    expect(unpackMentions(1, packMentions([]), TEXT)).toEqual([]);
    expect(unpackMentions(1, undefined, TEXT)).toEqual([]);
    expect(packedCount(undefined)).toBe(0);
  });

  test('a packed list survives structured cloning (what IndexedDB stores) unchanged', () => {
    const packed = packMentions(MENTIONS);
    expect(unpackMentions(1, structuredClone(packed), TEXT)).toEqual(unpackMentions(1, packed, TEXT));
  });
});
