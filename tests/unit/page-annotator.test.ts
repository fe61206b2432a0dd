import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { highlightName } from '../../lib/highlight/paint-highlights';
import { analyse } from '../../lib/detect';
import { PageAnnotator } from '../../lib/page-annotator';

// happy-dom has no CSS Custom Highlight API; a small registry stands in for the browser's so the
// wiring can be checked here (painting itself is checked in the real-browser tests).
class FakeHighlight extends Set<Range> { priority = 0; constructor(...ranges: Range[]) { super(ranges); } }

function loadFixture(name: string) {
  const html = readFileSync(`tests/fixtures/pages/${name}`, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.documentElement.setAttribute('lang', /<html lang="([^"]+)"/.exec(html)?.[1] ?? '');
}

let registry = new Map<string, FakeHighlight>();
const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');
function installHighlightApi() {
  registry = new Map();
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
}
afterEach(() => {
  if (originalCss) Object.defineProperty(window, 'CSS', originalCss); else delete (window as { CSS?: unknown }).CSS;
  delete (window as { Highlight?: unknown }).Highlight;
});

const annotator = () => new PageAnnotator(document, {
  sanitize: (html) => html.replace(/<script[\s\S]*?<\/script>/g, ''),
  analyse: async (text, options) => analyse(text, options),
});

describe('PageAnnotator', () => {
  test('without the Highlight API, wraps mentions in <mark> elements and takes them out again', async () => {
    loadFixture('calais-fr.html');
    const before = document.body.innerHTML;
    const a = annotator();
    const summary = await a.annotate();
    expect(summary).toMatchObject({ state: 'annotated' });
    const marks = [...document.querySelectorAll('mark[data-migralens]')];
    expect(marks.map((m) => `${m.getAttribute('data-migralens')}:${m.textContent}`)).toContain('institution:Frontex');
    expect(a.usesMarks).toBe(true);
    a.dispose();
    expect(document.querySelectorAll('mark[data-migralens]')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  test('re-attaches mentions after the article is re-rendered, and lists those that are gone', async () => {
    loadFixture('calais-fr.html');
    installHighlightApi();
    const a = annotator();
    const first = await a.annotate();
    if (first.state !== 'annotated') throw new Error('not annotated');
    const frontexBefore = a.mentions.filter((m) => m.text === 'Frontex').length;
    // Re-render: every paragraph replaced by a copy (new text nodes), one paragraph dropped.
    const paragraphs = [...document.querySelectorAll('article p')];
    for (const p of paragraphs) p.replaceWith(p.cloneNode(true));
    const dropped = document.querySelectorAll('article p')[1];
    const droppedText = dropped.textContent ?? '';
    dropped.remove();
    expect(await a.refresh()).toBe(true);
    const attached = a.mentions.filter((m) => m.range);
    for (const m of attached) expect(m.range!.startContainer.isConnected).toBe(true);
    expect(a.mentions.filter((m) => m.text === 'Frontex' && m.range).length).toBeGreaterThan(0);
    const detached = a.mentions.filter((m) => !m.range);
    for (const m of detached) expect(droppedText).toContain(m.text);
    expect(frontexBefore).toBeGreaterThan(0);
    // Nothing changed since: nothing to do.
    expect(await a.refresh()).toBe(false);
  });

  test('a page that re-renders its article while detection runs still gets its highlights', async () => {
    loadFixture('calais-fr.html');
    installHighlightApi();
    const a = new PageAnnotator(document, {
      sanitize: (html) => html,
      analyse: async (text, options) => {
        // The page's framework replaces the article's nodes with identical ones meanwhile.
        for (const p of [...document.querySelectorAll('article p')]) p.replaceWith(p.cloneNode(true));
        return analyse(text, options);
      },
    });
    const summary = await a.annotate();
    expect(summary).toMatchObject({ state: 'annotated', unanchored: 0 });
    expect(a.mentions.length).toBeGreaterThan(5);
    for (const m of a.mentions) expect(m.range?.startContainer.isConnected).toBe(true);
    expect([...registry.get(highlightName('institution'))!].map((r) => r.toString())).toContain('Frontex');
  });

  test('annotates, registers one highlight per kind and builds the clipping', async () => {
    loadFixture('calais-fr.html');
    installHighlightApi();
    const a = annotator();
    const summary = await a.annotate();
    expect(summary).toMatchObject({ state: 'annotated' });
    if (summary.state !== 'annotated') return;
    expect(summary.counts.institution).toBeGreaterThan(3);
    const institutions = [...registry.get(highlightName('institution'))!].map((r) => r.toString());
    expect(institutions).toContain('Frontex');
    const clipping = await a.clipping();
    expect(clipping.ok).toBe(true);
    if (!clipping.ok) return;
    expect(clipping.value.title).toContain('Naufrage dans la Manche');
    expect(clipping.value.mentions.length).toBe(summary.total);
    for (const m of clipping.value.mentions) expect(clipping.value.text.slice(m.start, m.end)).toBe(m.text);
  });

  test('a page without an article gives no clipping unless the whole page is asked for', async () => {
    loadFixture('no-article.html');
    installHighlightApi();
    const a = annotator();
    expect((await a.annotate()).state).toBe('no-article');
    const refused = await a.clipping();
    expect(refused).toMatchObject({ ok: false, error: { code: 'no-article' } });
    const forced = await a.clipping(true);
    expect(forced.ok && forced.value.text).toContain('Frontex chief resigns');
  });
});
