import type { PromiseExtended } from 'dexie';
import type { PackedMentions } from './mention-store';
import type { ClippingBody, MigraLensDB } from './schema';

/** A clipping's article and its mentions as stored: the mentions' offsets point into this text. */
export type Article = ClippingBody & { mentions: PackedMentions };

/**
 * The articles of up to PACK_SIZE consecutive clipping ids, in one record keyed by
 * `packOf(clippingId)`, in id order. Chromium reads an IndexedDB record of a few kilobytes at
 * about 20 MB/s, but one over its 64 KB threshold (kept as a blob beside the database) several
 * times faster: reading 10,000 generated articles took 4.3 s one per record and 0.9 s sixteen per
 * record. A save rewrites its pack, a few hundred kilobytes at most.
 */
export type ArticlePack = { id: number; articles: Article[] };

export const PACK_SIZE = 16;

export const packOf = (clippingId: number): number => Math.floor(clippingId / PACK_SIZE);

/** What a write sets in a clipping's article; fields left out keep their stored value. */
export type ArticleChange = { id: number } & Partial<Omit<Article, 'id'>>;

const EMPTY_MENTIONS: PackedMentions = { values: [], fields: new Uint32Array(0), spans: new Uint32Array(0) };

const distinct = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

// These functions return Dexie's own promises, never those of async functions: inside a
// transaction, an await on a native promise nested two calls deep loses the transaction, and what
// follows runs outside it.

/** The stored articles of these clipping ids, in their order (undefined where there is none). */
export function getArticles(db: MigraLensDB, ids: readonly number[]): PromiseExtended<(Article | undefined)[]> {
  return db.packs.bulkGet(distinct(ids.map(packOf))).then((packs) => articlesIn(packs, ids));
}

export function getArticle(db: MigraLensDB, id: number): PromiseExtended<Article | undefined> {
  return getArticles(db, [id]).then(([a]) => a);
}

/** The articles of these ids found in packs already read. */
export function articlesIn(packs: readonly (ArticlePack | undefined)[], ids: readonly number[]): (Article | undefined)[] {
  const byId = new Map<number, Article>();
  for (const pack of packs) if (pack) for (const a of pack.articles) byId.set(a.id, a);
  return ids.map((id) => byId.get(id));
}

/**
 * Writes these changes (a new article needs `text`, `html` and `mentions`; an absent field of a new
 * one is empty) and removes the articles of `remove`, each pack read and written once. Inside a rw
 * transaction over `packs`; two calls must not overlap (each reads its packs, then writes them).
 */
export function writeArticles(db: MigraLensDB, changes: readonly ArticleChange[], remove: readonly number[] = []): PromiseExtended<void> {
  const packIds = distinct([...changes.map((c) => packOf(c.id)), ...remove.map(packOf)]);
  return db.packs.bulkGet(packIds).then((stored) => {
    const packs = new Map<number, Map<number, Article>>();
    packIds.forEach((p, i) => packs.set(p, new Map((stored[i]?.articles ?? []).map((a) => [a.id, a]))));
    for (const c of changes) {
      const articles = packs.get(packOf(c.id))!;
      const before = articles.get(c.id) ?? { id: c.id, text: '', html: '', mentions: EMPTY_MENTIONS };
      articles.set(c.id, { ...before, ...c });
    }
    for (const id of remove) packs.get(packOf(id))!.delete(id);
    const put: ArticlePack[] = [];
    const gone: number[] = [];
    packIds.forEach((id, i) => {
      const articles = packs.get(id)!;
      if (articles.size) put.push({ id, articles: [...articles.values()].sort((a, b) => a.id - b.id) });
      else if (stored[i]) gone.push(id);
    });
    return db.packs.bulkDelete(gone).then(() => db.packs.bulkPut(put)).then(() => undefined);
  });
}

/**
 * For a library that was empty: each call writes the packs its articles fall in, whole, from what
 * the earlier calls gave, without reading them first. No request waits for a read's answer, so an
 * import's writes queue up while it prepares its next batch. Inside a rw transaction over `packs`.
 */
export function freshPackWriter(db: MigraLensDB): (articles: readonly Article[]) => PromiseExtended<unknown> {
  const packs = new Map<number, Map<number, Article>>();
  return (articles) => {
    const touched = new Set<number>();
    for (const a of articles) {
      const p = packOf(a.id);
      let pack = packs.get(p);
      if (!pack) packs.set(p, (pack = new Map()));
      pack.set(a.id, a);
      touched.add(p);
    }
    const put = [...touched].sort((x, y) => x - y).map((id): ArticlePack => ({ id, articles: [...packs.get(id)!.values()].sort((a, b) => a.id - b.id) }));
    return db.packs.bulkPut(put);
  };
}

/** The articles of the clippings whose ids are in [lo, hi], read as one key range of packs. */
export function articlesBetween(db: MigraLensDB, lo: number, hi: number): PromiseExtended<Article[]> {
  return db.packs.where(':id').between(packOf(lo), packOf(hi), true, true).toArray()
    .then((packs) => packs.flatMap((p) => p.articles.filter((a) => a.id >= lo && a.id <= hi)));
}
