import Dexie, { type PromiseExtended } from 'dexie';
import { NO_MENTIONS, type PackedMentions } from './mention-store';
import type { ClippingBody, MigraLensDB } from './schema';

/** A clipping's article and its mentions as stored: the mentions' offsets point into this text. */
export type Article = ClippingBody & { mentions: PackedMentions };

/**
 * The articles of up to PACK_SIZE consecutive clipping ids, in one record keyed by
 * `packOf(clippingId)`, in id order. Chromium reads an IndexedDB record of a few kilobytes at
 * about 20 MB/s, but one over its 64 KB threshold (kept as a blob beside the database) several
 * times faster: reading 10,000 generated articles took 4.3 s one per record and 0.9 s sixteen per
 * record. A save rewrites its pack: a large article (see SOLO_CHARS) has a record of its own,
 * keyed `soloKey(id)`, and only a mark in its pack, so that no pack grows past a couple of MB.
 */
export type ArticlePack = { id: number; articles: (Article | SoloMark)[] };

/** In a pack, the place of an article kept in a record of its own. */
export type SoloMark = { id: number; solo: true };

export const PACK_SIZE = 16;

/** Characters of text and HTML above which an article is kept in a record of its own (a live blog, a 5 MB page). */
export const SOLO_CHARS = 1 << 17;

export const packOf = (clippingId: number): number => Math.floor(clippingId / PACK_SIZE);

/** The key of a large article's own record: below every pack's (ids start at 1). */
export const soloKey = (clippingId: number): number => -clippingId;

const isMark = (e: Article | SoloMark): e is SoloMark => 'solo' in e;
const isLarge = (a: Article) => a.text.length + a.html.length > SOLO_CHARS;

/** What a write sets in a clipping's article; fields left out keep their stored value. */
export type ArticleChange = { id: number } & Partial<Omit<Article, 'id'>>;

const distinct = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

// These functions return Dexie's own promises, never those of async functions: inside a
// transaction, an await on a native promise nested two calls deep loses the transaction, and what
// follows runs outside it.

/** Where an article goes: in its pack, or as a mark there and whole in a record of its own. */
function place(a: Article): { entry: Article | SoloMark; own?: ArticlePack } {
  return isLarge(a) ? { entry: { id: a.id, solo: true }, own: { id: soloKey(a.id), articles: [a] } } : { entry: a };
}

/** The records that hold these articles of one pack: the pack, with a mark for each large article, and the large ones' own. */
export function packRecords(packId: number, articles: readonly Article[]): ArticlePack[] {
  const placed = articles.map(place);
  return [{ id: packId, articles: placed.map((p) => p.entry) }, ...placed.flatMap((p) => (p.own ? [p.own] : []))];
}

/** The articles of these pack entries, each marked one read from its own record. */
function resolveMarks(db: MigraLensDB, entries: readonly (Article | SoloMark)[]): PromiseExtended<Article[]> {
  const marks = entries.filter(isMark);
  const inline = entries.filter((e): e is Article => !isMark(e));
  if (!marks.length) return Dexie.Promise.resolve(inline);
  return db.packs.bulkGet(marks.map((m) => soloKey(m.id))).then((own) => [...inline, ...own.flatMap((r) => (r?.articles ?? []) as Article[])]);
}

/** The stored articles of these clipping ids, in their order (undefined where there is none). */
export function getArticles(db: MigraLensDB, ids: readonly number[]): PromiseExtended<(Article | undefined)[]> {
  const wanted = new Set(ids);
  return db.packs.bulkGet(distinct(ids.map(packOf)))
    .then((packs) => resolveMarks(db, packs.flatMap((p) => p?.articles ?? []).filter((e) => wanted.has(e.id))))
    .then((articles) => {
      const byId = new Map(articles.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id));
    });
}

export function getArticle(db: MigraLensDB, id: number): PromiseExtended<Article | undefined> {
  return getArticles(db, [id]).then(([a]) => a);
}

/**
 * Writes these changes (a new article needs `text`, `html` and `mentions`; an absent field of a new
 * one is empty) and removes the articles of `remove`, each pack read and written once. Resolves to
 * the articles of the ids it changed or removed as they were before, read on the way. Inside a rw
 * transaction over `packs`; two calls must not overlap (each reads its packs, then writes them).
 */
export function writeArticles(db: MigraLensDB, changes: readonly ArticleChange[], remove: readonly number[] = []): PromiseExtended<Map<number, Article>> {
  const packIds = distinct([...changes.map((c) => packOf(c.id)), ...remove.map(packOf)]);
  const touched = new Set([...changes.map((c) => c.id), ...remove]);
  return db.packs.bulkGet(packIds).then((stored) => {
    const entries = stored.flatMap((p) => p?.articles ?? []);
    // Only the large articles this write changes are read whole.
    return resolveMarks(db, entries.filter((e) => touched.has(e.id) && isMark(e))).then((large) => ({ stored, large }));
  }).then(({ stored, large }) => {
    const packs = new Map<number, Map<number, Article | SoloMark>>();
    packIds.forEach((p, i) => packs.set(p, new Map((stored[i]?.articles ?? []).map((e) => [e.id, e]))));
    const whole = new Map(large.map((a) => [a.id, a]));
    const previous = new Map<number, Article>();
    for (const id of touched) {
      const entry = packs.get(packOf(id))!.get(id);
      const a = entry && isMark(entry) ? whole.get(id) : entry;
      if (a) previous.set(id, a);
    }
    const ownRecords = new Map<number, ArticlePack>();
    const dropped: number[] = [];
    for (const c of changes) {
      const pack = packs.get(packOf(c.id))!;
      const entry = pack.get(c.id);
      const before = (entry && isMark(entry) ? whole.get(c.id) : entry) ?? { id: c.id, text: '', html: '', mentions: NO_MENTIONS };
      const next = { ...before, ...c };
      whole.set(c.id, next);
      const { entry: placed, own } = place(next);
      pack.set(c.id, placed);
      if (own) ownRecords.set(c.id, own);
      else if (entry && isMark(entry)) { ownRecords.delete(c.id); dropped.push(soloKey(c.id)); }
    }
    for (const id of remove) {
      const pack = packs.get(packOf(id))!;
      const entry = pack.get(id);
      if (entry && isMark(entry)) dropped.push(soloKey(id));
      ownRecords.delete(id);
      pack.delete(id);
    }
    const put: ArticlePack[] = [...ownRecords.values()];
    packIds.forEach((id, i) => {
      const articles = packs.get(id)!;
      if (articles.size) put.push({ id, articles: [...articles.values()].sort((a, b) => a.id - b.id) });
      else if (stored[i]) dropped.push(id);
    });
    return db.packs.bulkDelete(dropped).then(() => db.packs.bulkPut(put)).then(() => previous);
  });
}

/**
 * For a library that was empty: each call writes the packs its articles fall in, whole, from what
 * the earlier calls gave, without reading them first. No request waits for a read's answer, so an
 * import's writes queue up while it prepares its next batch. Inside a rw transaction over `packs`.
 */
export function freshPackWriter(db: MigraLensDB): (articles: readonly Article[]) => PromiseExtended<unknown> {
  const packs = new Map<number, Map<number, Article | SoloMark>>();
  return (articles) => {
    const put: ArticlePack[] = [];
    const touched = new Set<number>();
    for (const a of articles) {
      const p = packOf(a.id);
      let pack = packs.get(p);
      if (!pack) packs.set(p, (pack = new Map()));
      const { entry, own } = place(a);
      pack.set(a.id, entry);
      if (own) put.push(own);
      touched.add(p);
    }
    for (const id of [...touched].sort((x, y) => x - y)) put.push({ id, articles: [...packs.get(id)!.values()].sort((a, b) => a.id - b.id) });
    return db.packs.bulkPut(put);
  };
}

/**
 * The articles of the clippings whose ids are in [lo, hi], in no particular order, read as one key
 * range of packs (and the large ones' own records).
 */
export function articlesBetween(db: MigraLensDB, lo: number, hi: number): PromiseExtended<Article[]> {
  return db.packs.where(':id').between(packOf(lo), packOf(hi), true, true).toArray()
    .then((packs) => resolveMarks(db, packs.flatMap((p) => p.articles.filter((a) => a.id >= lo && a.id <= hi))));
}
