import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { joinAnalysis } from '../../lib/annotate-page';
import { extractArticle } from '../../lib/extract/extract-article';

const load = (name: string) => parseHTML(readFileSync(`tests/fixtures/pages/${name}`, 'utf8')).document as unknown as Document;

describe('extractArticle', () => {
  test('reads the Calais article with its headline, standfirst and metadata', () => {
    const a = extractArticle(load('calais-fr.html'), 'https://littoral.example/calais')!;
    expect(a).not.toBeNull();
    expect(a.title).toBe('Naufrage dans la Manche : à Calais, les ministres européens promettent de renforcer Frontex');
    expect(a.text.startsWith(a.title)).toBe(true);
    expect(a.text).toContain('Quatre jours après la mort de 27 personnes');
    expect(a.text).toContain('Europol doit détacher des enquêteurs');
    expect(a).toMatchObject({ byline: 'Claire Vasseur', siteName: 'Le Littoral Info', lang: 'fr' });
    expect(a.published).toMatch(/^2021-11-29/);
  });

  test('leaves out navigation, related articles and comments', () => {
    const a = extractArticle(load('calais-fr.html'), 'https://littoral.example/calais')!;
    for (const furniture of ['Faits divers', '4,2 millions de camions', 'Jean-Pierre M.', 'Mentions légales', '03 21 00 00 00']) {
      expect(a.text).not.toContain(furniture);
    }
  });

  test('maps the text back to the document it read, not to a copy', () => {
    const doc = load('channel-en.html');
    const a = extractArticle(doc, 'https://courier.example/channel')!;
    expect(a.segments.length).toBeGreaterThan(5);
    for (const seg of a.segments) expect(seg.node.ownerDocument).toBe(doc);
    const at = a.text.indexOf('Border Force');
    const seg = a.segments.find((s) => s.start <= at && at < s.end)!;
    expect(seg.node.data).toContain('Border Force');
  });

  test('keeps the canonical address read with the metadata, which the annotation reuses', () => {
    const doc = load('calais-fr.html');
    expect(extractArticle(doc, 'https://littoral.example/calais')!.canonicalUrl).toBeNull();
    const link = doc.createElement('link');
    link.setAttribute('rel', 'canonical');
    link.setAttribute('href', 'https://littoral.example/2021/11/calais');
    doc.head.appendChild(link);
    const a = extractArticle(doc, 'https://littoral.example/calais?utm_source=x')!;
    expect(a.canonicalUrl).toBe('https://littoral.example/2021/11/calais');
    expect(joinAnalysis(doc, a, { lang: 'fr', mentions: [] }).canonicalUrl).toBe('https://littoral.example/2021/11/calais');
  });

  test('does not modify the page it reads', () => {
    const doc = load('calais-fr.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, 'https://littoral.example/calais');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  test('a page without an article gives null, unless the whole page is asked for', () => {
    const doc = load('no-article.html');
    expect(extractArticle(doc, 'https://courier.example/search')).toBeNull();
    const forced = extractArticle(doc, 'https://courier.example/search', { force: true });
    expect(forced?.text).toContain('Frontex chief resigns');
  });

  test('an empty document gives null', () => {
    expect(extractArticle(parseHTML('<html><body></body></html>').document as unknown as Document, 'about:blank')).toBeNull();
  });
});
