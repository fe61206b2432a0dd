import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { removeFurniture } from '../../lib/extract/clean-furniture';
import { filterByReference } from '../../lib/extract/filter-by-reference';
import { pruneContent } from '../../lib/extract/prune-content';

const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const para = (n: number, word = 'word') => `<p>${Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')}.</p>`;

describe('removeFurniture', () => {
  test('removes bylines, share bars, related boxes and comments, keeps the article', () => {
    const d = doc(`<article class="article-body"><h1>Title</h1><p class="byline">Par Claire Vasseur</p>${para(120)}
      <div class="share-buttons">Partager</div><div class="read-also">Lire aussi: autre</div>${para(120, 'more')}</article>
      <section id="comments">27 morts</section><footer>© 2021</footer>`);
    removeFurniture(d, d.querySelector('h1'));
    const text = d.body.textContent ?? '';
    for (const gone of ['Claire Vasseur', 'Partager', 'Lire aussi', '27 morts', '© 2021']) expect(text).not.toContain(gone);
    expect(text).toContain('word119');
    expect(text).toContain('more0');
  });

  test('never removes a wrapper that holds the headline or most of the text', () => {
    const d = doc(`<div class="post-meta-wrapper"><h1>Headline</h1>${para(300)}</div>`);
    removeFurniture(d, d.querySelector('h1'));
    expect(d.body.textContent).toContain('Headline');
    expect(d.body.textContent).toContain('word299');
  });
  test('reads furniture names in class, id, data-component, aria-label and itemprop, camelCase included', () => {
    const d = doc(`<article>${para(200)}<div class="storyShare">Bouton partage</div><div id="related-links">Autre article</div>
      <div data-component="newsletter-box">Inscrivez-vous</div><div aria-label="Social links">Suivez-nous</div>
      <span itemprop="author">Claire Vasseur</span><div class="share">Partager encore</div><div class="share">Et encore</div></article>`);
    removeFurniture(d, null);
    const text = d.body.textContent ?? '';
    for (const gone of ['Bouton partage', 'Partager encore', 'Autre article', 'Inscrivez-vous', 'Suivez-nous', 'Claire Vasseur', 'Et encore']) expect(text).not.toContain(gone);
    expect(text).toContain('word199');
  });

  test('a name marking the article body wins over a furniture word, on every element carrying it', () => {
    const d = doc(`<div class="article-body comments-enabled">${para(30)}</div><div class="article-body comments-enabled">${para(30, 'again')}</div>
      <div class="comments-enabled">Un commentaire</div>${para(200, 'filler')}`);
    removeFurniture(d, null);
    const text = d.body.textContent ?? '';
    expect(text).toContain('word29');
    expect(text).toContain('again29');
    expect(text).not.toContain('Un commentaire');
  });
});

describe('pruneContent', () => {
  test('drops datelines, credits, repeats, calls to action and announced link lists', () => {
    const d = doc(`<div id="c">${para(40)}<p>By Paul Takahashi</p><p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>
      <p>Photo: David Zalubowski, STF / Associated Press</p><figcaption>A long row of unsold cars sits at a dealer in Colorado.</figcaption>
      <figcaption>A long row of unsold cars sits at a dealer in Colorado.</figcaption><p>Continue reading below</p>
      <h3>You may also like...</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>${para(40, 'end')}</div>`);
    const c = d.getElementById('c')!;
    pruneContent(c);
    const text = c.textContent ?? '';
    for (const gone of ['Paul Takahashi', 'Updated 5:27', 'Zalubowski', 'Continue reading', 'You may also like', 'Other story']) expect(text).not.toContain(gone);
    expect(text.match(/unsold cars/g)).toHaveLength(1);
    expect(text).toContain('end39');
  });

  test('keeps a list of links that is part of the article', () => {
    const d = doc(`<div id="c">${para(40)}<ul><li><a href="/x">UNHCR report</a></li><li><a href="/y">IOM data</a></li></ul>${para(40, 'tail')}</div>`);
    const c = d.getElementById('c')!;
    pruneContent(c);
    expect(c.textContent).toContain('UNHCR report');
  });
});

describe('filterByReference', () => {
  const WORDS = ['frontex', 'europol', 'calais', 'dunkerque', 'lampedusa', 'ceuta', 'melilla', 'lesbos', 'malta', 'dover', 'rotterdam', 'bremen'];
  const body = WORDS.map((w, i) => `${w} ${WORDS[(i + 5) % 12]}${i} reported ${i * 7 + 3} crossings near ${WORDS[(i + 3) % 12]} harbour ${w}${i} while ${WORDS[(i + 7) % 12]} officials counted.`);
  test('drops blocks the publisher text does not contain', () => {
    const d = doc(`<div id="c">${body.map((s) => `<p>${s}</p>`).join('')}<p>Sign up to our newsletter for the best offers every single week</p></div>`);
    const c = d.getElementById('c')!;
    expect(filterByReference(c, body.join(' '))).toBe(true);
    expect(c.textContent).not.toContain('newsletter');
    expect(c.querySelectorAll('p')).toHaveLength(12);
  });
  test('ignores a reference that is only a summary of the page', () => {
    const d = doc(`<div id="c">${body.map((s) => `<p>${s}</p>`).join('')}</div>`);
    const c = d.getElementById('c')!;
    expect(filterByReference(c, body.slice(0, 3).join(' ') + ' ' + 'filler words here '.repeat(30))).toBe(false);
    expect(c.querySelectorAll('p')).toHaveLength(12);
  });
});
