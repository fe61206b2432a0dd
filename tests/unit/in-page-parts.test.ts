import { describe, expect, test } from 'vitest';
import { unwrapMarks, wrapInMarks } from '../../lib/highlight/mark-fallback';
import { highlightCss, pageTheme } from '../../lib/highlight/highlight-styles';
import { DEFAULT_NEWS_SITES, domainOf, patternFor, patternFromInput } from '../../lib/news-sites';
import { watchPage } from '../../lib/page-watch';

function rangeOf(node: Text, text: string): Range {
  const start = node.data.indexOf(text);
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, start + text.length);
  return r;
}

describe('<mark> fallback', () => {
  test('wraps each range, and unwrapping restores the text', () => {
    document.body.innerHTML = '<p id="p">Frontex said 27 people died on 24 November.</p>';
    const p = document.getElementById('p')!;
    const before = p.innerHTML;
    const text = p.firstChild as Text;
    const targets = [
      { kind: 'institution' as const, range: rangeOf(text, 'Frontex') },
      { kind: 'figure' as const, range: rangeOf(text, '27 people') },
      { kind: 'date' as const, range: rangeOf(text, '24 November') },
    ];
    const marks = wrapInMarks(document, targets);
    expect([...p.querySelectorAll('mark')].map((m) => `${m.getAttribute('data-migralens')}:${m.textContent}`))
      .toEqual(['institution:Frontex', 'figure:27 people', 'date:24 November']);
    // (Ranges following the marks is checked in Chromium: happy-dom's live ranges differ.)
    expect(p.textContent).toBe('Frontex said 27 people died on 24 November.');
    unwrapMarks(marks);
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes).toHaveLength(1);
  });

  test('hidden kinds are not wrapped', () => {
    document.body.innerHTML = '<p id="p">Frontex and Europol.</p>';
    const text = document.getElementById('p')!.firstChild as Text;
    const marks = wrapInMarks(document, [{ kind: 'institution', range: rangeOf(text, 'Frontex') }], new Set(['institution']));
    expect(marks).toEqual([]);
  });
});

describe('highlight styles', () => {
  test('one rule per kind for highlights and marks, stronger on dark pages', () => {
    const light = highlightCss('light');
    expect(light.match(/::highlight\(migralens-/g)).toHaveLength(5);
    expect(light.match(/mark\[data-migralens=/g)).toHaveLength(5);
    expect(highlightCss('dark')).not.toBe(light);
  });

  test('reads the page theme from the background colour', () => {
    document.body.setAttribute('style', 'background-color: rgb(16, 16, 20)');
    expect(pageTheme(document)).toBe('dark');
    document.body.setAttribute('style', 'background-color: rgb(255, 255, 250)');
    expect(pageTheme(document)).toBe('light');
    document.body.removeAttribute('style');
  });
});

describe('news sites', () => {
  test('default list covers the asked countries and wire services, without duplicates', () => {
    const countries = new Set(DEFAULT_NEWS_SITES.map((s) => s.country));
    for (const c of ['FR', 'GB', 'BE', 'NL', 'DE', 'IT', 'ES', 'INT']) expect(countries).toContain(c);
    const domains = DEFAULT_NEWS_SITES.map((s) => s.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const name of ['Reuters', 'AFP', 'Associated Press']) expect(DEFAULT_NEWS_SITES.map((s) => s.name)).toContain(name);
  });

  test('turns what a user types into a site pattern', () => {
    expect(patternFromInput('lemonde.fr')).toBe('https://*.lemonde.fr/*');
    expect(patternFromInput('https://www.lesoir.be/actualite/123')).toBe('https://*.lesoir.be/*');
    expect(patternFromInput('not a site')).toBeNull();
    expect(patternFromInput('')).toBeNull();
    expect(domainOf(patternFor('nos.nl'))).toBe('nos.nl');
  });
});

describe('watchPage', () => {
  test('calls back once after a burst of text changes, and ignores our own nodes', async () => {
    document.body.innerHTML = '<article id="a"><p>One.</p></article><div id="own"></div>';
    const own = document.getElementById('own')!;
    let calls = 0;
    const watch = watchPage(document, { isOwn: (n) => n === own || own.contains(n), onChange: () => { calls++; }, debounceMs: 30 });
    own.append(document.createElement('span'), 'ours');
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toBe(0);
    const a = document.getElementById('a')!;
    for (let i = 0; i < 5; i++) a.insertAdjacentHTML('beforeend', `<p>Paragraph ${i}.</p>`);
    await new Promise((r) => setTimeout(r, 120));
    expect(calls).toBe(1);
    watch.stop();
  });
});
