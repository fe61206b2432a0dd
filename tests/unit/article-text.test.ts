import { describe, expect, test } from 'vitest';
import { buildArticleText, joinArticleTexts, rangeForSpan } from '../../lib/extract/article-text';

// The test window's own document: happy-dom implements Range (which the mapping needs) there.
const doc = (html: string) => {
  document.body.innerHTML = html;
  return document;
};

describe('buildArticleText', () => {
  test('separates blocks, joins inline runs and collapses whitespace', () => {
    const d = doc('<h1>Title\n  here</h1><p>One <b>bold</b>\n\n   word.</p><p>Two</p>');
    const { text } = buildArticleText([d.body]);
    expect(text).toBe('Title here\n\nOne bold word.\n\nTwo');
  });

  test('keeps no-break spaces, which are part of figures such as 18\u00a0342', () => {
    const d = doc('<p>18\u00a0342 arrivées</p>');
    expect(buildArticleText([d.body]).text).toBe('18\u00a0342 arrivées');
  });

  test('skips scripts, styles and hidden elements', () => {
    const d = doc('<p>Visible</p><script>var x = 1</script><style>p{}</style><p hidden>gone</p>');
    expect(buildArticleText([d.body]).text).toBe('Visible');
  });

  test('maps every span back to the DOM text it came from', () => {
    const d = doc('<p>Le  ministre de\n l\'Intérieur, <a href="#">Gérald\n   Darmanin</a>, a parlé.</p><p>Frontex</p>');
    const { text, segments } = buildArticleText([d.body]);
    for (const needle of ["ministre de l'Intérieur", 'Gérald Darmanin', 'Frontex', 'a parlé']) {
      const start = text.indexOf(needle);
      expect(start).toBeGreaterThanOrEqual(0);
      const range = rangeForSpan(d, segments, start, start + needle.length);
      expect(range?.toString().replace(/\s+/g, ' ')).toBe(needle);
    }
  });

  test('text nodes kept as they are and text nodes collapsed map back alike', () => {
    // Single spaces inside a node need no collapsing; leading and trailing spaces, line breaks,
    // tabs and double spaces do. Both kinds of node must land on the right characters.
    const d = doc('<p>  Frontex  et <i>Europol</i> ont\tcompté <b> 27 morts </b>au large de Calais.</p><p>\nLe HCR\n</p>');
    const { text, segments } = buildArticleText([d.body]);
    expect(text).toBe('Frontex et Europol ont compté 27 morts au large de Calais.\n\nLe HCR');
    for (const needle of ['Frontex', 'Europol', 'ont compté', '27 morts', 'morts au large', 'Calais', 'HCR']) {
      const start = text.indexOf(needle);
      const range = rangeForSpan(d, segments, start, start + needle.length);
      expect(range?.toString().replace(/\s+/g, ' ')).toBe(needle);
    }
    // A node whose words are separated by single spaces is recorded without per-character offsets.
    const plain = segments.find((s) => s.node.data === ' 27 morts ')!;
    expect(plain).toMatchObject({ rawOffsets: null, rawStart: 1 });
  });

  test('a span over a separator only yields no range', () => {
    const d = doc('<p>A</p><p>B</p>');
    const { segments } = buildArticleText([d.body]);
    expect(rangeForSpan(d, segments, 1, 1)).toBeNull();
  });

  test('a span that ends or starts on a separator covers only the text beside it', () => {
    const d = doc('<p>Frontex</p><p>Europol</p>');
    const { text, segments } = buildArticleText([d.body]);
    expect(text).toBe('Frontex\n\nEuropol');
    expect(rangeForSpan(d, segments, 0, 8)?.toString()).toBe('Frontex');
    expect(rangeForSpan(d, segments, 0, 9)?.toString()).toBe('Frontex');
    expect(rangeForSpan(d, segments, 8, 16)?.toString()).toBe('Europol');
    expect(rangeForSpan(d, segments, 7, 9)).toBeNull();
  });
});

describe('joinArticleTexts', () => {
  test('gives the same text and mapping as one pass over both lists', () => {
    const d = doc('<h1 id="h">Headline here</h1><div id="b"><p>Body <b>text</b></p><figure><figcaption>A caption</figcaption></figure></div>');
    const h = d.getElementById('h')!, b = d.getElementById('b')!;
    const once = buildArticleText([h, b]);
    const joined = joinArticleTexts(buildArticleText([h]), buildArticleText([b]));
    expect(joined.text).toBe(once.text);
    expect(joined.segments.map((s) => [s.start, s.end, s.node.data])).toEqual(once.segments.map((s) => [s.start, s.end, s.node.data]));
    expect(joined.captions.map((c) => joined.text.slice(c.start, c.end).trim())).toEqual(['A caption']);
  });
});
