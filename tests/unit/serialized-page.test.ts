import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readAndAnalyse } from '../../lib/annotate-page';
import { extractBounded } from '../../lib/bounded-extract';
import { analyse } from '../../lib/detect';
import { attachToPage, readParsedPage, readThrough, serializePage, type PageReader } from '../../lib/extract/serialized-page';
import { PageAnnotator } from '../../lib/page-annotator';

/** A page as a browser's parser makes it: one text node per run of text (linkedom cuts runs at character references). */
const parse = (html: string) => {
  const doc = parseHTML(html).document as unknown as Document;
  doc.documentElement.normalize();
  return doc;
};
const fixture = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');
const URL = 'https://news.example/article';

/** What the background does with the page's HTML, run here on a second parse. */
const readElsewhere = (html: string, options = {}) => readParsedPage(parseHTML(html).document as unknown as Document, URL, options);

/** Each run of the article text, as the characters of its node it was read from. */
function runsInNodes(article: { text: string; segments: { node: Text; start: number; end: number; rawOffsets: number[] | null; rawStart: number }[] }) {
  return article.segments.map((s) => {
    const fromNode = s.rawOffsets ? s.rawOffsets.map((i) => s.node.data[i]).join('') : s.node.data.slice(s.rawStart, s.rawStart + (s.end - s.start));
    return [article.text.slice(s.start, s.end).replace(/ /g, ' '), fromNode.replace(/\s/g, ' ')];
  });
}

describe('serializePage', () => {
  test('sends the root element with its language, what reading uses of the head, and the whole body', () => {
    const doc = parse(`<html lang="fr" dir="ltr"><head><title>Calais</title><meta property="og:site_name" content="Littoral"><link rel="canonical" href="https://littoral.example/a"><link rel="stylesheet" href="/s.css"><style>p{color:red}</style><script>var big = "${'x'.repeat(500)}";</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"Calais"}</script></head><body><p>Frontex &amp; Europol</p><script>late()</script></body></html>`);
    const html = serializePage(doc);
    expect(html.startsWith('<html lang="fr" dir="ltr"><head><title>Calais</title>')).toBe(true);
    for (const kept of ['og:site_name', 'rel="canonical"', 'application/ld+json', '<p>Frontex &amp; Europol</p>', '<script>late()</script>']) expect(html).toContain(kept);
    for (const dropped of ['stylesheet', 'color:red', 'var big']) expect(html).not.toContain(dropped);
    expect(html.endsWith('</body></html>')).toBe(true);
    const again = parse(html);
    expect(again.documentElement.getAttribute('lang')).toBe('fr');
    expect(again.body.outerHTML).toBe(doc.body.outerHTML);
  });
});

describe('reading a page from its serialised HTML', () => {
  test.each(['calais-fr.html', 'channel-en.html'])('%s: the same article, tied to the same nodes, as reading it in the page', (name) => {
    const live = parse(fixture(name));
    const local = extractBounded(live, URL).article!;
    const { article, unpaired } = attachToPage(live, readElsewhere(serializePage(live)));
    expect(unpaired).toBe(0);
    expect(article!.text).toBe(local.text);
    expect(article!.html).toBe(local.html);
    expect(article!.title).toBe(local.title);
    expect(article!.segments.length).toBe(local.segments.length);
    article!.segments.forEach((s, i) => {
      const l = local.segments[i];
      expect(s.node).toBe(l.node); // the page's own node, not the background's
      expect([s.start, s.end, s.rawStart, s.rawOffsets]).toEqual([l.start, l.end, l.rawStart, l.rawOffsets]);
    });
  });

  test('the answer is plain data: it survives the JSON of a message unchanged', () => {
    const read = readElsewhere(serializePage(parse(fixture('calais-fr.html'))));
    expect(JSON.parse(JSON.stringify(read))).toEqual(read);
    expect(read.article!.nodes.length).toBeGreaterThan(5);
  });

  test('text nodes the background counts and the page does not (markup parsed differently) shift the count; every node is still found', () => {
    const live = parse(fixture('calais-fr.html'));
    // Extra text nodes early in what the background parses, as a <noscript> or <template> read as markup gives.
    const html = serializePage(live).replace('<body>', `<body>${'<div>aside</div>'.repeat(40)}`);
    const { article, unpaired } = attachToPage(live, readElsewhere(html));
    expect(unpaired).toBe(0);
    expect(runsInNodes(article!).every(([a, b]) => a === b)).toBe(true);
    expect(article!.segments.every((s) => s.node.ownerDocument === live)).toBe(true);
  });

  test('text nodes the page has and the background does not shift the count the other way', () => {
    const live = parse(fixture('channel-en.html'));
    const html = serializePage(live);
    const first = live.querySelector('article p, p')!;
    for (let i = 0; i < 30; i++) first.parentNode!.insertBefore(live.createTextNode(' '), first);
    const { article, unpaired } = attachToPage(live, readElsewhere(html));
    expect(unpaired).toBe(0);
    expect(runsInNodes(article!).every(([a, b]) => a === b)).toBe(true);
  });

  test('a node the page split in two (it serialises as one) is left unplaced, and only its runs', () => {
    const live = parse(fixture('calais-fr.html'));
    const html = serializePage(live);
    const p = [...live.querySelectorAll('p')].find((x) => (x.textContent ?? '').includes('Frontex'))!;
    const text = [...p.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.length > 20) as Text;
    // What splitText does (linkedom has none).
    const rest = live.createTextNode(text.data.slice(10));
    text.data = text.data.slice(0, 10);
    text.parentNode!.insertBefore(rest, text.nextSibling);
    const { article, unpaired } = attachToPage(live, readElsewhere(html));
    expect(unpaired).toBe(1);
    expect(article!.segments.some((s) => s.node === text || s.node === rest)).toBe(false);
    expect(runsInNodes(article!).every(([a, b]) => a === b)).toBe(true);
  });
});

describe('pages that read unlike the fixtures', () => {
  const para = (i: number) => `<p>Paragraph ${i}: Frontex &amp; Europol met the ministers of the interior in Calais on Monday to discuss crossings &lt;again&gt;, the prefect said.</p>`;

  test('a short article, which Readability reads a second time from HTML it kept (new nodes, cut at each character reference), is still placed', () => {
    const live = parse(`<html lang="en"><head><title>Short</title></head><body><nav><a href="/">Home</a></nav><article><p>Intro.</p><div class="sidebar">${para(1)}${para(2)}${para(3)}</div></article><footer>Site</footer></body></html>`);
    // Too short to pass Readability's check for an article: the user asked for it anyway.
    const read = readElsewhere(serializePage(live), { skipReaderableCheck: true });
    expect(read.article!.text).toContain('crossings <again>');
    const { article, unpaired } = attachToPage(live, read);
    expect(unpaired).toBe(0);
    expect(article!.segments.length).toBeGreaterThan(1);
    expect(article!.segments.every((s) => s.node.ownerDocument === live && live.body.contains(s.node))).toBe(true);
    expect(runsInNodes(article!).every(([a, b]) => a === b)).toBe(true);
  });

  test('a headline that stands after the start of the article in the page is placed too', () => {
    const body = Array.from({ length: 8 }, (_, i) => para(i)).join('');
    const live = parse(`<html lang="en"><head><title>Ministers meet in Calais</title></head><body><article><div class="text">${body}</div><h1>Ministers meet in Calais</h1></article></body></html>`);
    const { article, unpaired } = attachToPage(live, readElsewhere(serializePage(live)));
    expect(article!.text.startsWith('Ministers meet in Calais')).toBe(true);
    expect(unpaired).toBe(0);
    expect(article!.segments[0].node).toBe(live.querySelector('h1')!.firstChild);
    expect(runsInNodes(article!).every(([a, b]) => a === b)).toBe(true);
  });
});

describe('readThrough', () => {
  const reader = (answer: (html: string) => ReturnType<PageReader>): PageReader => (html) => answer(html);

  test('answers with the article tied to the page and the mentions found elsewhere', async () => {
    const live = parse(fixture('calais-fr.html'));
    const r = await readThrough(live, URL, {}, reader(async (html) => readAndAnalyse(parse(html), URL)));
    expect(r!.article!.segments.every((s) => s.node.ownerDocument === live)).toBe(true);
    expect(r!.analysis!.mentions.map((m) => m.text)).toContain('Frontex');
  });

  test('gives up (the caller reads in the page) when the reader fails or the page changed under it', async () => {
    const live = parse(fixture('calais-fr.html'));
    expect(await readThrough(live, URL, {}, reader(async () => null))).toBeNull();
    // Read from the page as it was, then every paragraph's text rewritten before the answer came back.
    const stale = reader(async (html) => {
      const answer = readAndAnalyse(parse(html), URL);
      for (const p of live.querySelectorAll('p')) p.textContent = `${p.textContent} (updated)`;
      return answer;
    });
    expect(await readThrough(live, URL, {}, stale)).toBeNull();
  });
});

describe('PageAnnotator reading elsewhere', () => {
  function load(name: string) {
    const html = fixture(name);
    document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
    document.documentElement.setAttribute('lang', /<html lang="([^"]+)"/.exec(html)?.[1] ?? '');
  }
  const calls = { analyse: 0, read: 0 };
  const make = (read: PageReader) => new PageAnnotator(document, {
    sanitize: (html) => html,
    analyse: async (text, options) => { calls.analyse++; return analyse(text, options); },
    readElsewhere: async (...args) => { calls.read++; return read(...args); },
  });

  test('uses the reader, with the mentions it found, and places them in the page', async () => {
    load('calais-fr.html');
    calls.analyse = calls.read = 0;
    const a = make(async (html, url, options) => readAndAnalyse(parse(html), url, options));
    const summary = await a.annotate();
    expect(summary).toMatchObject({ state: 'annotated', readBy: 'background', unanchored: 0 });
    expect(calls).toEqual({ analyse: 0, read: 1 });
    expect(a.mentions.some((m) => m.text === 'Frontex' && m.range?.toString() === 'Frontex')).toBe(true);
    a.dispose();
  });

  test('reads in the page when the reader throws or has no answer', async () => {
    load('calais-fr.html');
    for (const read of [async () => { throw new Error('worker gone'); }, async () => null] as PageReader[]) {
      calls.analyse = calls.read = 0;
      const a = make(read);
      expect(await a.annotate()).toMatchObject({ state: 'annotated', readBy: 'page', unanchored: 0 });
      expect(calls).toEqual({ analyse: 1, read: 1 });
      a.dispose();
    }
  });

  test('a refresh whose reading comes back after a newer reading started leaves the newer one alone', async () => {
    load('calais-fr.html');
    let held: (() => void) | null = null;
    let hold = false;
    const a = make(async (html, url, options) => {
      const answer = readAndAnalyse(parse(html), url, options);
      if (hold) await new Promise<void>((resolve) => { held = resolve; });
      return answer;
    });
    await a.annotate();
    const article = document.querySelector('article')!;
    const old = document.createElement('p');
    old.textContent = 'A paragraph the page showed for a moment about Frontex.';
    article.append(old);
    hold = true;
    const refreshing = a.refresh();
    await new Promise((r) => setTimeout(r, 0));
    hold = false;
    old.remove();
    const fresh = document.createElement('p');
    fresh.textContent = 'The paragraph that replaced it, about Europol.';
    article.append(fresh);
    await a.annotate();
    held!();
    expect(await refreshing).toBe(false);
    expect(a.articleText).toContain('about Europol');
    expect(a.articleText).not.toContain('for a moment');
    a.dispose();
  });
});
