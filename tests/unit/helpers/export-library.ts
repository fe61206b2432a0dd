import { readFileSync } from 'node:fs';
import { annotatePage } from '../../../lib/annotate-page';
import { saveClipping, type ClippingInput } from '../../../lib/db/clippings';
import { editClipping } from '../../../lib/db/edits';
import type { MigraLensDB } from '../../../lib/db/schema';
import { sanitizeArticleHtml } from '../../../lib/sanitize-html';
import { urlKey } from '../../../lib/url-key';

export const sanitize = (html: string) => sanitizeArticleHtml(html, window as unknown as Window & typeof globalThis);

/** A fixture page through the real pipeline, as the content script would send it. */
export function pageInput(file: string, url: string): ClippingInput {
  const doc = new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${file}`, 'utf8'), 'text/html');
  const a = annotatePage(doc, url);
  if (!a) throw new Error(`no article in ${file}`);
  return {
    urlKey: urlKey(a.article.url, a.canonicalUrl), url: a.article.url, canonicalUrl: a.canonicalUrl,
    title: a.article.title, byline: a.article.byline, siteName: a.article.siteName, lang: a.article.lang ?? a.detectedLang,
    published: a.article.published, excerpt: a.article.excerpt, text: a.article.text, html: sanitize(a.article.html),
    mentions: a.mentions,
  };
}

const TEXT = 'Channel: "=HYPERLINK" crossings\n\nAt least 27 people died on 24 November 2021. Frontex said 1.5 million euros were spent.';

/** A small clipping with awkward text: quotes, a formula-like headline, a decimal figure. */
export function handMadeInput(): ClippingInput {
  const at = (s: string) => TEXT.indexOf(s);
  const anchor = (s: string) => ({ quote: s, prefix: TEXT.slice(Math.max(0, at(s) - 32), at(s)), suffix: TEXT.slice(at(s) + s.length, at(s) + s.length + 32), position: at(s) });
  return {
    urlKey: 'https://news.example/channel', url: 'https://news.example/channel?utm_source=x', canonicalUrl: null,
    title: '=HYPERLINK("x") crossings, "quoted"', byline: 'By Anna Smith and Ursula von der Leyen', siteName: 'News Example', lang: 'en',
    published: '2021-11-25T08:00:00+01:00', excerpt: 'Line one\nline two', text: TEXT, html: '<p>At least 27 people died.</p>',
    mentions: [
      { kind: 'figure', start: at('At least 27 people'), end: at('At least 27 people') + 18, text: 'At least 27 people', canonical: 'At least 27 people', value: 27, unit: 'people', category: 'deaths', qualifier: 'at least', anchor: anchor('At least 27 people') },
      { kind: 'date', start: at('24 November 2021'), end: at('24 November 2021') + 16, text: '24 November 2021', canonical: '24 November 2021', iso: '2021-11-24', anchor: anchor('24 November 2021') },
      { kind: 'institution', start: at('Frontex'), end: at('Frontex') + 7, text: 'Frontex', canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q208389', anchor: anchor('Frontex') },
      { kind: 'figure', start: at('1.5 million euros'), end: at('1.5 million euros') + 17, text: '1.5 million euros', canonical: '1.5 million euros', value: 1_500_000, unit: 'EUR', category: 'money', anchor: anchor('1.5 million euros') },
    ],
  };
}

/** Three clippings (two real pages, one made by hand), notes, tags and two collections. */
export async function seedLibrary(db: MigraLensDB): Promise<void> {
  const calais = await saveClipping(db, pageInput('calais-fr.html', 'https://www.lemonde.example/calais'), new Date('2024-03-01T10:00:00Z'));
  const channel = await saveClipping(db, pageInput('channel-en.html', 'https://www.bbc.example/channel'), new Date('2024-03-02T10:00:00Z'));
  const hand = await saveClipping(db, handMadeInput(), new Date('2024-03-03T10:00:00Z'));
  await editClipping(db, calais.id, { note: 'Check the 27: Préfecture vs. HCR\nsecond line', tags: ['channel', 'shipwreck 2021'], collections: ['Calais', 'Thesis ch. 2'] }, new Date('2024-03-04T10:00:00Z'));
  await editClipping(db, channel.id, { tags: ['channel'], collections: ['Calais'] }, new Date('2024-03-04T10:00:00Z'));
  await editClipping(db, hand.id, { note: 'hand-made' }, new Date('2024-03-04T10:00:00Z'));
}

/** Every row of every table, in key order: what "identical library" compares. */
export async function dumpLibrary(db: MigraLensDB) {
  return {
    clippings: await db.clippings.toArray(),
    // Articles, with their mention lists.
    packs: await db.packs.toArray(),
    terms: await db.terms.toArray(),
    collections: await db.collections.toArray(),
  };
}
