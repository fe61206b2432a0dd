import { describe, expect, test } from 'vitest';
import { matchQuote } from '../../lib/anchor/match-quote';
import { mergeMentions, reattach } from '../../lib/anchor/reattach';
import { anchorFor } from '../../lib/anchor/text-quote';
import type { AnchoredMention } from '../../lib/annotate-page';

const TEXT = 'Frontex a recensé au moins 27 personnes mortes dans la Manche. Le ministre a rencontré Frontex à Calais le 28 novembre.';

function mention(text: string, quote: string, occurrence = 0, kind: AnchoredMention['kind'] = 'institution'): AnchoredMention {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return { kind, start, end: start + quote.length, text: quote, canonical: quote, anchor: anchorFor(text, start, start + quote.length) };
}

describe('matchQuote', () => {
  test('finds the quote where it was when the text has not changed', () => {
    const second = mention(TEXT, 'Frontex', 1);
    expect(matchQuote(TEXT, second.anchor)).toEqual({ start: second.start, end: second.end, score: 1 });
  });

  test('follows the quote when text was inserted before it, choosing the occurrence with the right context', () => {
    const second = mention(TEXT, 'Frontex', 1);
    const changed = `EN DIRECT. ${TEXT.replace('Manche.', 'Manche, selon un nouveau bilan.')}`;
    const found = matchQuote(changed, second.anchor)!;
    expect(changed.slice(found.start, found.end)).toBe('Frontex');
    expect(found.start).toBe(changed.lastIndexOf('Frontex'));
  });

  test('re-finds a quote whose typography changed (approximate match)', () => {
    const m = mention(TEXT, 'au moins 27 personnes mortes');
    const changed = TEXT.replace('au moins 27 personnes mortes', 'au moins 27 personnes mortes,').replace('Frontex a', "L'agence Frontex a");
    const typo = changed.replace('27 personnes', '27 personnes');
    const found = matchQuote(typo, m.anchor)!;
    expect(found).not.toBeNull();
    expect(typo.slice(found.start, found.end)).toMatch(/au moins 27.personnes mortes/);
    expect(found.score).toBeLessThan(1);
  });

  test('refuses a short quote found elsewhere without its context', () => {
    const m = mention(TEXT, '27', 0, 'figure');
    const other = 'Un tout autre article. Le bus 27 passe par la gare, puis le 54 et le 12.';
    expect(matchQuote(other, m.anchor)).toBeNull();
  });

  test('returns null when the quote has gone', () => {
    expect(matchQuote('Rien à voir.', mention(TEXT, 'Calais').anchor)).toBeNull();
    expect(matchQuote(TEXT, { quote: '', prefix: '', suffix: '', position: 0 })).toBeNull();
  });
});

describe('reattach and mergeMentions', () => {
  test('moves mentions to their new offsets and keeps the gone ones aside', () => {
    const mentions = [mention(TEXT, 'Frontex', 0), mention(TEXT, 'Calais'), mention(TEXT, '28 novembre', 0, 'date')];
    const changed = `Mise à jour. ${TEXT.replace(' à Calais', '')}`;
    const { attached, detached } = reattach(changed, mentions);
    expect(attached.map((m) => m.text)).toEqual(['Frontex', '28 novembre']);
    for (const m of attached) expect(changed.slice(m.start, m.end)).toBe(m.text);
    expect(detached.map((m) => m.text)).toEqual(['Calais']);
  });

  test('fresh detections win over re-attached ones at the same place; others are kept', () => {
    const fresh = [mention(TEXT, 'Frontex', 0)];
    const kept = [mention(TEXT, 'Frontex', 0), mention(TEXT, 'Calais')];
    expect(mergeMentions(fresh, kept).map((m) => m.text)).toEqual(['Frontex', 'Calais']);
  });
});
