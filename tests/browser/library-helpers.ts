import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { unpackMentions, type PackedMentions } from '../../lib/db/mention-store';

export type StoredRow = { id: number; urlKey: string; url: string; title: string; source: string; note: string; html: string };

/**
 * Every record of one object store in the extension's IndexedDB, read with the plain IndexedDB API
 * from one of its pages. Typed arrays come back as plain arrays of numbers.
 */
export function readStore<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(async (name) => {
    const plain = (v: unknown): unknown => {
      if (ArrayBuffer.isView(v)) return Array.from(v as Uint32Array);
      if (Array.isArray(v)) return v.map(plain);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
      return v;
    };
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open('migralens');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    try {
      return await new Promise<unknown[]>((ok, ko) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result.map(plain));
        req.onerror = () => ko(req.error);
      });
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}

type StoredArticle = { id: number; text: string; html: string; mentions: { values: unknown[]; fields: number[]; spans: number[] } };

/**
 * Every article with its packed mention list, out of the records that hold them (see
 * lib/db/article-packs.ts): a pack's, or a large article's own, which its pack only marks.
 */
async function readArticles(extensionPage: Page): Promise<StoredArticle[]> {
  const records = await readStore<{ id: number; articles: (StoredArticle | { id: number; solo: true })[] }>(extensionPage, 'packs');
  return records.flatMap((r) => r.articles.filter((a): a is StoredArticle => !('solo' in a)));
}

/** The clippings, each row with its article's text and HTML. */
export async function readClippings<T extends { id: number } = StoredRow>(extensionPage: Page): Promise<T[]> {
  const [rows, articles] = await Promise.all([readStore<T>(extensionPage, 'clippings'), readArticles(extensionPage)]);
  const byId = new Map(articles.map(({ mentions: _, ...a }) => [a.id, a]));
  return rows.map((r) => ({ ...r, ...byId.get(r.id) }));
}

type StoredMention = { clippingId: number; kind: string; start: number; end: number; text: string };

/**
 * Every stored mention, out of each article's packed list, with its clipping's id and its text cut
 * from the article at its offsets.
 */
export async function readMentions(extensionPage: Page): Promise<StoredMention[]> {
  return (await readArticles(extensionPage)).flatMap(({ id, text, mentions: { values, fields, spans } }) => {
    const packed: PackedMentions = { values, fields: Uint32Array.from(fields), spans: Uint32Array.from(spans) };
    return unpackMentions(id, packed, text);
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in the page. The source is evaluated through the
 * DevTools protocol, which the extension page's CSP does not apply to; nothing is added to the
 * extension itself.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Everything in the page that could run code or load from elsewhere, as readable descriptions. */
export function hostileLeftovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src.startsWith(location.origin)) found.push('inline script');
      // The page's own forms and buttons are ours; inside an article body or a list row nothing of the sort belongs.
      if (/^(IFRAME|OBJECT|EMBED|SVG|MATH|FORM|IMG|BASE|META|STYLE|LINK|INPUT|BUTTON)$/i.test(el.tagName) && el.closest('.article-body, .clippings')) found.push(el.tagName.toLowerCase());
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value.slice(0, 20)}]`);
      }
    }
    if ((window as unknown as { __pwned?: string }).__pwned) found.push(`ran: ${(window as unknown as { __pwned?: string }).__pwned}`);
    return found;
  });
}
