import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { copyPage, counterpart } from '../../lib/extract/page-copy';

const load = (name: string) => parseHTML(readFileSync(`tests/fixtures/pages/${name}`, 'utf8')).document as unknown as Document;

describe('copyPage', () => {
  test('counts the body text as textContent does, head and text beside the body left out', () => {
    const doc = parseHTML('<html><head><title>Title</title><style>p{}</style></head>\n<!-- c -->\n<body><p>One <b>two</b></p><script>var x = 1;</script>\n</body></html>').document as unknown as Document;
    const copy = copyPage(doc);
    expect(copy.bodyChars).toBe(doc.body.textContent!.length);
    for (const name of ['calais-fr.html', 'channel-en.html']) {
      const page = load(name);
      expect(copyPage(page).bodyChars).toBe(page.body.textContent!.length);
    }
  });

  test('pairs each text node of the copy with the page node it was copied from', () => {
    const doc = load('channel-en.html');
    const copy = copyPage(doc);
    const w = copy.doc.createTreeWalker(copy.doc.body, 4);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const live = copy.toLive.get(n)!;
      expect(live.ownerDocument).toBe(doc);
      expect(live.data).toBe((n as Text).data);
    }
  });

  test('finds the element at the same place in the copy', () => {
    const doc = load('calais-fr.html');
    const copy = copyPage(doc);
    const h1 = doc.querySelector('h1')!;
    const twin = counterpart(h1, doc, copy.doc)!;
    expect(twin).not.toBe(h1);
    expect(copy.doc.documentElement.contains(twin)).toBe(true);
    expect(twin.outerHTML).toBe(h1.outerHTML);
    expect(counterpart(doc.createElement('p'), doc, copy.doc)).toBeNull();
  });
});

describe('extracted article HTML', () => {
  test('is the article as Readability kept it, read when asked for', () => {
    const a = extractArticle(load('calais-fr.html'), 'https://littoral.example/calais')!;
    expect(a.html).toContain('Europol doit détacher des enquêteurs');
    expect(a.html).toBe(a.html);
    expect({ ...a }.html).toBe(a.html);
  });
});
