/**
 * The figure detector: quantities with what they count (GUIDELINES.md, section "figure").
 *
 * One pass of a per-language anchor regex finds where a number may start (a digit or a number
 * word); each anchor is then read outwards over a few words only: the qualifier before it, the
 * number with its scale, a range, and the counted noun after it. Tables are compiled once per
 * language (`figures/lang-tables.ts`), so a call is linear in the text and allocation-light.
 */
import { SUPPORTED_LANGS, type Detector, type FigureCategory, type FigureUnit, type Lang, type Mention, type Qualifier } from './types';
import { tablesFor, type LangTables } from './figures/lang-tables';
import { readNumber, type NumberCore, type Skip } from './figures/read-number';
import { readTail, type Tail } from './figures/counted-nouns';
import { ageSpan, countsSomething, isExcluded, isYear } from './figures/context-rules';
import { cueCategory } from './figures/category-cues';
import { scaled } from './figures/parse-digits';
import { splitElisions } from './figures/phrase-map';
import { isDigit, isLetter, skipSpaces, wordAt, wordsBefore, type Word } from './figures/text-scan';

/** Currencies with their own unit; others are unit `other` with a `currency` code. */
const UNIT_CURRENCIES = new Set<string>(['EUR', 'GBP', 'USD']);

/** Words read before a number: enough for `un peu plus de` after an article. */
const BEFORE_WORDS = 6;

type Range = { low: number; high: NumberCore };

/**
 * A range after `x`: `entre 3 000 et 4 000`, `between 400 and 750`, `100 à 150`, `400-750`.
 * `opened`: an opener (`entre`, `between`) stands before `x`. `fromBefore`: `x` follows a word
 * like `de`/`from`, so `de 22 à 19` is a change between two figures, not a range.
 */
function readRange(text: string, x: NumberCore, t: LangTables, opened: boolean, fromBefore: boolean): Range | Skip | null {
  if (x.age) return null;
  const p = skipSpaces(text, x.end, 2);
  let joinEnd: number;
  const dash = '-–—'.includes(text[p] ?? 'x');
  if (dash) {
    if (opened) return null;
    joinEnd = p + 1;
  } else {
    const w = wordAt(text, x.end);
    if (!w || w.start - x.end > 2) return null;
    if (!(opened ? t.rangeJoin : t.bareJoin).has(w.key)) return null;
    joinEnd = w.end;
  }
  if (!opened && !dash && fromBefore) return null;
  let ys = skipSpaces(text, joinEnd, 2);
  const symbol = t.signs.find(([s]) => text.startsWith(s, ys));
  if (symbol) ys = skipSpaces(text, ys + symbol[0].length, 1);
  if (!isDigit(text[ys]) && !(t.words && isLetter(text[ys]))) return null;
  const y = readNumber(text, ys, t, true);
  if (!y || 'skipTo' in y || y.age || y.onlyOne) return null;
  if (isYear(x) && isYear(y)) return { skipTo: y.end };
  // `6-4`, `2-1`: a score or a record, not a range.
  if (dash && x.plain && y.plain && y.value <= x.value) return { skipTo: y.end };
  // `entre 2 et 3 millions`: the scale of the upper bound applies to the lower one.
  const low = x.scaledBy === 1 && y.scaledBy > 1 && x.value <= y.value / y.scaledBy ? scaled(x.value, y.scaledBy) : x.value;
  return y.value > low ? { low, high: y } : null;
}

/** A qualifier ending right before the number; `withArticle`: `oltre l'80 %`, `casi el 30 %`. */
function qualifierBefore(before: readonly Word[], t: LangTables): { qualifier: Qualifier; count: number; withArticle: boolean } | null {
  const plain = t.qualifiers.matchBefore(before);
  if (plain) return { qualifier: plain.value, count: plain.count, withArticle: false };
  if (before[0] && t.qualifierArticles.has(before[0].key)) {
    const q = t.qualifiers.matchBefore(before, 1);
    if (q) return { qualifier: q.value, count: q.count + 1, withArticle: true };
  }
  return null;
}

/**
 * Whether a number written in words may stand as a figure with this tail: a bare `deux` or `sei`
 * is rarely a figure, and a word for 1 (already seen qualified or before `seul`) needs a noun.
 */
function wordsAllowed(n: NumberCore, tail: Tail): boolean {
  if (n.written !== 'words') return true;
  if (n.needsNoun || n.onlyOne) return countsSomething(tail);
  return tail.kind !== 'none' || n.approximate || n.nounLike;
}

function describe(text: string, start: number, end: number, floor: number, n: NumberCore, tail: Tail, t: LangTables):
  { unit: FigureUnit; category: FigureCategory; currency?: string; factor: number } {
  if (tail.kind === 'percent') return { unit: 'percent', category: 'percent', factor: 1 };
  const code = n.currency ?? (tail.kind === 'money' ? tail.code : undefined);
  if (code) {
    const factor = tail.kind === 'money' ? tail.scale ?? 1 : 1;
    return UNIT_CURRENCIES.has(code)
      ? { unit: code as FigureUnit, category: 'money', factor }
      : { unit: 'other', category: 'money', currency: code, factor };
  }
  if (tail.kind !== 'noun') return { unit: 'other', category: 'other', factor: 1 };
  const { unit, category } = tail.noun;
  const refined = category === 'people' ? cueCategory(text, start, end, floor, t) : null;
  return { unit, category: refined ?? category, factor: 1 };
}

function figure(text: string, start: number, end: number, value: number, fields: Partial<Mention>): Mention {
  const span = text.slice(start, end);
  return { kind: 'figure', start, end, text: span, canonical: span, value, ...fields };
}

/** The figure at an anchor, a stretch to skip, or null. `floor`: end of the previous figure. */
function figureAt(text: string, at: number, t: LangTables, floor: number): Mention | Skip | null {
  const n = readNumber(text, at, t);
  if (!n || 'skipTo' in n) return n;
  const lead = n.currencyStart ?? n.start;
  // `d'environ 2 800` → `environ` + `d'`, nearest first.
  const before = splitElisions(wordsBefore(text, lead, BEFORE_WORDS, t.abbreviations).reverse()).reverse();
  const q = qualifierBefore(before, t);
  const opened = !q && before[0] !== undefined && t.rangeOpen.has(before[0].key);
  const context = before.slice(q ? q.count : opened ? 1 : 0);
  const fromBefore = context[0] !== undefined && t.fromWords.has(context[0].key);
  // `un`, `a`, `ein` are mostly articles: count them only in `au moins un mort`, `un seul survivant`.
  if (n.onlyOne && !q && !t.words?.single.has(wordAt(text, n.end)?.key ?? '')) return null;

  const range = readRange(text, n, t, opened, fromBefore);
  if (range && 'skipTo' in range) return range;
  const last = range ? range.high : n;
  const tail = n.age ? ({ kind: 'none' } as const) : readTail(text, last.end, t, last.nounLike, n.onlyOne);

  if (!range) {
    const age = ageSpan(text, n, before, tail, t);
    if (age && age.start >= floor) return figure(text, age.start, age.end, n.value, { unit: 'other', category: 'other' });
  }
  if (tail.kind === 'time') return { skipTo: tail.end };
  // A glued `m` or `k` is a scale with money or a counted noun; otherwise metres or kilometres.
  if ((n.gluedScale === 'm' || n.gluedScale === 'k') && !n.currency && tail.kind !== 'noun' && tail.kind !== 'money') {
    return { skipTo: last.end };
  }
  if (isExcluded(text, n, context, tail, q !== null || opened, t)) return { skipTo: last.end };
  if (!wordsAllowed(n, tail)) return null;

  const qualifier: Qualifier | undefined = range ? (opened || !q ? 'between' : q.qualifier)
    : q && !(q.withArticle && tail.kind !== 'percent') ? q.qualifier
    : n.approximate ? 'about' : undefined;
  let start = range && opened ? before[0]!.start
    : q && qualifier === q.qualifier ? before[q.count - 1]!.start
    : lead;
  if (start < floor) start = lead;
  if (start < floor) return null;
  const symbolOnly = n.currency !== undefined && tail.kind !== 'money';
  const end = symbolOnly || !('end' in tail) ? last.end : tail.end;
  const d = describe(text, start, end, floor, n, tail, t);
  const low = scaled(range ? range.low : n.value, d.factor);
  return figure(text, start, end, low, {
    ...(range ? { valueMax: scaled(range.high.value, d.factor) } : {}),
    unit: d.unit,
    ...(d.currency ? { currency: d.currency } : {}),
    category: d.category,
    ...(qualifier ? { qualifier } : {}),
  });
}

function resolveLang(lang: Lang | null): Lang | null {
  return lang && SUPPORTED_LANGS.includes(lang) ? lang : null;
}

/**
 * Figures in `text`, sorted by start, never overlapping. With `ctx.lang` null only digits,
 * symbols and percent signs are read (no number words, qualifiers or counted nouns).
 */
export const detectFigures: Detector = (text, ctx) => {
  const out: Mention[] = [];
  if (!text) return out;
  const t = tablesFor(resolveLang(ctx.lang));
  const re = t.anchor;
  re.lastIndex = 0;
  let floor = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const found = figureAt(text, m.index, t, floor);
    if (!found) continue;
    if ('skipTo' in found) {
      re.lastIndex = Math.max(re.lastIndex, found.skipTo);
      continue;
    }
    out.push(found);
    floor = found.end;
    re.lastIndex = Math.max(re.lastIndex, found.end);
  }
  return out;
};
