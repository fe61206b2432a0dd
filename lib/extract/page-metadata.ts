/** Metadata a news page states about itself, from `<meta>` tags and JSON-LD. */
export type PageMetadata = {
  title: string | null;
  author: string | null;
  siteName: string | null;
  lang: string | null;
  published: string | null;
  description: string | null;
  canonicalUrl: string | null;
  /** The article text as the publisher states it in JSON-LD, when present. */
  articleBody: string | null;
};

const metaContent = (doc: Document, selectors: string[]): string | null => {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

type JsonLdNode = Record<string, unknown>;

function jsonLdArticles(doc: Document): JsonLdNode[] {
  const found: JsonLdNode[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try { data = JSON.parse(script.textContent ?? ''); } catch { continue; }
    const stack: unknown[] = [data];
    while (stack.length) {
      const item = stack.pop();
      if (Array.isArray(item)) { stack.push(...item); continue; }
      if (!item || typeof item !== 'object') continue;
      const node = item as JsonLdNode;
      if (Array.isArray(node['@graph'])) stack.push(...(node['@graph'] as unknown[]));
      const type = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (type.some((t) => /Article|NewsArticle|Report|BlogPosting|LiveBlogPosting/.test(t))) found.push(node);
    }
  }
  return found;
}

const nameOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object' && typeof (v as JsonLdNode).name === 'string') return ((v as JsonLdNode).name as string).trim() || null;
  return null;
};

export function readPageMetadata(doc: Document): PageMetadata {
  const ld = jsonLdArticles(doc)[0] ?? {};
  return {
    title: nameOf(ld.headline) ?? metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']),
    author: nameOf(ld.author) ?? metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']),
    siteName: metaContent(doc, ['meta[property="og:site_name"]']) ?? nameOf(ld.publisher),
    lang: metaContent(doc, ['meta[http-equiv="content-language"]', 'meta[property="og:locale"]'])?.replace('_', '-') ?? (typeof ld.inLanguage === 'string' ? ld.inLanguage : null),
    published: (typeof ld.datePublished === 'string' ? ld.datePublished : null)
      ?? metaContent(doc, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="DC.date.issued"]']),
    description: metaContent(doc, ['meta[name="description"]', 'meta[property="og:description"]']),
    canonicalUrl: doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || metaContent(doc, ['meta[property="og:url"]']),
    articleBody: typeof ld.articleBody === 'string' && ld.articleBody.trim() ? ld.articleBody : null,
  };
}
