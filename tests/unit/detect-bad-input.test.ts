import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { analyse, detect } from '../../lib/detect';
import type { Mention } from '../../lib/detect/types';

/** Every mention is a real, well-formed span of the text it came from. */
function expectWellFormed(text: string, mentions: Mention[]) {
  const bad = mentions.filter((m) => m.start < 0 || m.end > text.length || m.end <= m.start || text.slice(m.start, m.end) !== m.text);
  expect(bad).toEqual([]);
}

// Deterministic pseudo-random bytes, so that a failure can be reproduced.
function garbage(length: number, seed = 7): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 0xffff);
  }
  return out;
}

describe('detect on bad input', { timeout: 120_000 }, () => {
  test('empty and whitespace text give nothing', () => {
    expect(detect('')).toEqual([]);
    expect(detect('   \n\n\t ')).toEqual([]);
    expect(analyse('').lang).toBeNull();
  });

  test('non-string input does not throw', () => {
    expect(detect(undefined as unknown as string)).toEqual([]);
    expect(detect(42 as unknown as string)).toEqual([]);
  });

  test('binary garbage gives well-formed results, mostly nothing', () => {
    const text = garbage(200_000);
    const mentions = detect(text);
    expectWellFormed(text, mentions);
    expect(mentions.length).toBeLessThan(50);
  });

  test('right-to-left and mixed scripts', () => {
    const text = 'قال المتحدث باسم المفوضية إن 27 شخصا لقوا حتفهم. Frontex и Europol — 移民 27 人. Le HCR a compté 1 200 arrivées le 3 mars 2023.';
    const mentions = detect(text, { lang: 'fr', published: '2023-03-05' });
    expectWellFormed(text, mentions);
    expect(mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Frontex', 'Europol', 'HCR', '3 mars 2023']));
  });

  test('an unsupported language gets only language-independent detections and says so', () => {
    const text = 'O Ministério da Administração Interna confirmou que 27 pessoas morreram em 24 de novembro de 2021, segundo a Frontex e a Europol. '.repeat(3);
    const { lang, mentions } = analyse(text);
    expect(lang).toBeNull();
    expectWellFormed(text, mentions);
    expect(mentions.some((m) => m.text === 'Frontex')).toBe(true);
  });

  test('5 MB of article text completes with well-formed results', () => {
    const article = extractArticle(parseHTML(readFileSync('tests/fixtures/pages/calais-fr.html', 'utf8')).document as unknown as Document, 'https://example.org/')!;
    let text = article.text;
    while (text.length < 5_000_000) text += '\n\n' + text;
    const mentions = detect(text, { lang: 'fr', published: '2021-11-29' });
    expectWellFormed(text, mentions);
    // The same mentions in every copy of the article.
    const once = detect(article.text, { lang: 'fr', published: '2021-11-29' }).length;
    expect(mentions.length).toBeGreaterThanOrEqual(once * Math.floor(text.length / (article.text.length + 2)) * 0.9);
  });
});
