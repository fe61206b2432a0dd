import { describe, expect, test } from 'vitest';
import { normaliseWord, queryWords, searchWords } from '../../lib/db/search-words';

describe('search words', () => {
  test('each distinct word once, lower case and without accents, in order of first appearance', () => {
    expect(searchWords('Préfecture PREFECTURE prefecture', "l'Intérieur, l’Intérieur", 'Sea-Watch 3')).toEqual(['prefecture', 'interieur', 'sea', 'watch']);
  });

  test('words in plain ASCII and words with accents or other scripts normalise alike', () => {
    const words = ['Frontex', 'FRONTEX', 'Bundesinnenministeriums', 'Überfahrt', 'ÉTAT', 'Ελλάδα', 'ΣΟΣ', 'İzmir', 'ﬁnance', 'x'.repeat(40)];
    expect(searchWords(words.join(' '))).toEqual([...new Set(words.map(normaliseWord))]);
  });

  test('text in decomposed form (a letter, then its accent) gives the same words as composed text', () => {
    const composed = 'Été à Lampedusa : la préfecture et l’Intérieur. É';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(searchWords(decomposed)).toEqual(searchWords(composed));
    expect(searchWords(decomposed)).toEqual(['ete', 'lampedusa', 'la', 'prefecture', 'et', 'interieur']);
    expect(queryWords('pre\u0301fecture')).toEqual(['prefecture']);
  });

  test('one-letter words are not indexed, and a query finds what was indexed', () => {
    expect(searchWords('a 27 y b')).toEqual(['27']);
    expect(queryWords('Préfécture  maritime')).toEqual(searchWords('prefecture Maritime'));
  });
});
