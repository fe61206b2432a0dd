import { authorsFromByline, dateParts, type PersonName } from './bibliographic';
import type { ExportClipping, ExportSource } from './types';

/** One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export type CslItem = {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: PersonName[];
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  language?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
};

export function cslItem(c: ExportClipping): CslItem {
  const issued = dateParts(c.published);
  const authors = authorsFromByline(c.byline);
  return {
    id: `migralens-${c.id}`,
    type: 'article-newspaper',
    title: c.title,
    ...(c.siteName ? { 'container-title': c.siteName } : {}),
    ...(authors.length ? { author: authors } : {}),
    ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
    accessed: { 'date-parts': [dateParts(c.savedAt) ?? []] },
    URL: c.url,
    ...(c.lang ? { language: c.lang } : {}),
    ...(c.excerpt ? { abstract: c.excerpt } : {}),
    ...(c.tags.length ? { keyword: c.tags.join(', ') } : {}),
    ...(c.note.trim() ? { note: c.note.trim() } : {}),
  };
}

/** clippings.csl.json: an array of items, one per clipping, as Zotero and citation processors import it. */
export function writeCslJson(source: ExportSource): string {
  return JSON.stringify(source.clippings.map(cslItem), null, 2) + '\n';
}
