/**
 * Removes page furniture from Readability's copy of the page before it reads it: bylines,
 * datelines, kickers, share bars, tag lists, "read also" boxes, newsletter sign-ups, comments.
 * Readability keeps many of these when they sit inside the article element, and then their
 * names, dates and numbers would be highlighted as if the article said them.
 */

// Matched against class, id, data-component and aria-label, as whole words or word parts.
const FURNITURE = new RegExp([
  'byline', 'author(?!ity)', 'dateline', 'timestamp', 'published', 'updated', 'article-?date', 'post-?date', 'entry-?meta', 'post-?meta', 'meta-?data', 'reading-?time',
  'kicker', 'overline', 'eyebrow', 'breadcrumb', 'rubrique',
  'share', 'sharing', 'social', 'follow-?us', 'print',
  'tags?-?list', 'article-?tags', 'tag-?cloud', 'keywords', 'topics-?list',
  'related', 'read-?(also|more|next)', 'lire-?aussi', 'a-?lire', 'auch-?interessant', 'leggi-?anche', 'lees-?ook', 'te-?puede', 'more-?stories', 'recommend', 'outbrain', 'taboola', 'most-?(read|popular)', 'trending', 'inline-?promo', 'promo', 'teaser-?list',
  'newsletter', 'subscribe', 'signup', 'sign-?up', 'paywall', 'premium-?banner', 'advert', 'ad-?slot', 'ad-?container', 'sponsor',
  'comment', 'disqus', 'discussion', 'reactions', 'cookie', 'consent', 'gdpr',
].map((p) => `(?:^|[\\s_-])(?:${p})s?(?:$|[\\s_-])`).join('|'), 'i');

// Words that mark the article itself; an element carrying them is never furniture.
const ARTICLE = /(?:^|[\s_-])(article-?body|story-?body|post-?body|entry-?content|article-?content|articletext|main-?content)(?:$|[\s_-])/i;

const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'FORM', 'BUTTON', 'DIALOG']);

function descriptor(el: Element): string {
  return [el.getAttribute('class'), el.id, el.getAttribute('data-component'), el.getAttribute('aria-label'), el.getAttribute('itemprop') === 'author' ? 'author' : '']
    .filter(Boolean).join(' ').replace(/([a-z])([A-Z])/g, '$1-$2');
}

/**
 * Removes furniture elements from `doc` (a copy), keeping anything that holds the headline or a
 * large share of the page's text, so that a mislabelled wrapper never takes the article with it.
 */
export function removeFurniture(doc: Document, headline: Element | null): number {
  const body = doc.body;
  if (!body) return 0;
  const total = (body.textContent ?? '').length || 1;
  const doomed: Element[] = [];
  const all = body.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const isTag = FURNITURE_TAGS.has(el.tagName.toUpperCase()) || el.getAttribute('role') === 'navigation' || el.getAttribute('role') === 'complementary';
    const desc = isTag ? '' : descriptor(el);
    if (!isTag && (!desc || !FURNITURE.test(desc) || ARTICLE.test(desc))) continue;
    if (headline && (el === headline || el.contains(headline))) continue;
    const text = (el.textContent ?? '').length;
    if (text > total * 0.25 || text > 4000) continue;
    // Long paragraphs inside mean article prose, not furniture.
    const longParas = Array.from(el.querySelectorAll('p')).filter((p) => (p.textContent ?? '').length > 400).length;
    if (longParas > 1) continue;
    doomed.push(el);
  }
  let removed = 0;
  for (const el of doomed) {
    if (el.parentNode && body.contains(el)) { el.remove(); removed++; }
  }
  return removed;
}
