import type { PageAnnotation } from '../annotate-page';
import { indexFields, summarise } from '../db/clippings';
import { facetsOf } from '../db/facets';
import { urlKey } from '../url-key';
import type { ExportClipping } from './types';

/**
 * A clipping made from an annotated page outside the extension (the command-line annotator), so
 * that saved pages export in the same formats as the library. `html` is Readability's, not yet
 * sanitised: importing a backup sanitises every clipping's HTML. Mention ids, like clipping ids,
 * are unique across the export (a backup rejects duplicates), hence `firstMentionId`.
 */
export function clippingFromAnnotation(a: PageAnnotation, ids: { id: number; firstMentionId: number }, savedAt: string): ExportClipping {
  const { id, firstMentionId } = ids;
  const { article } = a;
  const title = article.title || article.url;
  return {
    id,
    urlKey: urlKey(article.url, a.canonicalUrl),
    source: 'page',
    pageKey: urlKey(article.url),
    url: article.url,
    canonicalUrl: a.canonicalUrl,
    title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang ?? a.detectedLang,
    published: article.published,
    savedAt,
    updatedAt: savedAt,
    excerpt: article.excerpt,
    text: article.text,
    html: article.html,
    note: '',
    tags: [],
    collections: [],
    summary: summarise(a.mentions),
    facets: facetsOf(a.mentions),
    ...indexFields({ title, text: article.text, note: '', tags: [] }),
    mentions: a.mentions.map((m, i) => ({ ...m, id: firstMentionId + i, clippingId: id })),
  };
}
