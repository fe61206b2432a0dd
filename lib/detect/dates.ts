/**
 * Date detector: calendar references (`24 novembre 2021`, `Montag, dem 16. September`, `in 2018`,
 * `Thursday`, `24/11/2021`) in the six supported languages, with an ISO value resolved against the
 * publication date when the text leaves the year, month or day open.
 *
 * How it works: one scan per text finds anchors (a month name, a weekday name, a four-digit year or
 * a numeric date); each anchor is then widened by looking a few characters to each side (day before
 * or after the month, year after it, weekday before the day). Anchors that overlap keep the longest
 * reading. Everything is linear in the text: the anchor regex has no nested quantifiers and the side
 * look-ups read bounded slices (`SIDE` characters).
 *
 * Precision over recall (see ../shared/eval/GUIDELINES.md, "date"): a bare month or weekday
 * must look like one (case, sentence start, context word), years must not be figures, names
 * (`Rete 26 febbraio`, `Sunday Times`) or references (`[2023] UKSC 42`, `2016/399`).
 * Word tables live in `data/dates-LANG.json`.
 */
import { caseless } from './case-fold';
import type { DetectContext, Detector, Lang, Mention } from './types';
import de from './data/dates-de.json';
import en from './data/dates-en.json';
import es from './data/dates-es.json';
import fr from './data/dates-fr.json';
import it from './data/dates-it.json';
import nl from './data/dates-nl.json';

/** One `data/dates-LANG.json` table. Word lists are matched case-insensitively. */
type DateTable = {
  version: number;
  source: string;
  lang: Lang;
  /** Month and weekday names are written with a capital (en, de): lower-case forms are other words. */
  capitalised: boolean;
  /** Twelve entries, January first; each lists the spellings of the full name. */
  months: string[][];
  /** Short forms, only accepted next to a day number or a year (`Nov. 28`, `janv. 2020`). */
  monthAbbreviations: string[][];
  /** Month names that are also common other words (`May`, `August`): need a day, a year or a context word. */
  ambiguousMonths: string[];
  /** Seven entries, Monday first. */
  weekdays: string[][];
  /** Endings that make one word with a weekday (`Montag|morgen`, `zondag|avond`). */
  weekdayCompoundSuffixes: string[];
  /** Written after a day number (`1er`, `28th`, `16.`, `1°`). */
  daySuffixes: string[];
  /** Words that may stand between day and month (`18 de mayo`), month and year, weekday and day (`Montag, dem 16.`). */
  dayMonthJoiners: string[];
  monthYearJoiners: string[];
  weekdayDayJoiners: string[];
  /** The month may come before the day (`November 28, 2021`). */
  monthFirst: boolean;
  /** Words joining the two ends of a range (`von Januar bis August`); dashes are always accepted. */
  rangeConnectors: string[];
  /** Words before an ambiguous month that make it a month (`in May`, `mid-May`). */
  monthContext: string[];
  /** Words around a weekday or month pointing to the next (`prochain`) or the last (`dernier`) one. */
  forwardWords: { before: string[]; after: string[] };
  backwardWords: { before: string[]; after: string[] };
  /** Before a bare weekday, makes it a habit rather than a day (`chaque lundi`, `los martes`). */
  habitualBefore: string[];
  /** Before a four-digit number, makes it a year even when a counted noun follows. */
  yearTriggers: string[];
  /** Before a four-digit number, make it a figure (`plus de 2000`). */
  yearQualifiers: string[];
  /** After a four-digit number, make it a figure (`2000 personnes`). */
  countedNouns: string[];
  /** Before a day and month, make them part of a name (`via 20 settembre`, `Rete 26 febbraio`). */
  dateNameNouns: string[];
  /** Before a year, make it part of a name (`Agenda 2030`, `Euro 2016`). */
  yearNameWords: string[];
  /** Before a four-digit number, make it a decade (`les années 2000`). */
  decadeWords: string[];
  /** Phrases in which a month or weekday name is not a date (`Sunday Times`, `mardi gras`). */
  exclusions: string[];
};

const TABLES = { de, en, es, fr, it, nl } as Record<Lang, DateTable>;

/** How far (UTF-16 units) the side look-ups read around an anchor. */
const SIDE = 48;
/**
 * White space inside a date: spaces (no-break ones too) and a single line break, as extracted text keeps
 * the source's line wrapping; a blank line (a paragraph break) ends a date.
 */
const S = '(?:[^\\S\\n]|\\n(?![^\\S\\n]*\\n))';
const YEAR = '(?:19\\d\\d|20\\d\\d|2100)';
/** `2021-11-24`, `2021/11/24`, `24/11/2021`, `24.11.2021`, `24-11-2021` (day first: European usage). */
const NUMERIC = '\\d{4}(?<s1>[./-])\\d{1,2}\\k<s1>\\d{1,2}|\\d{1,2}(?<s2>[./-])\\d{1,2}\\k<s2>\\d{4}';
/** `2013-` before a year and `-2018` / `-19` after one: a span of years, both ends are dates. */
const RANGE_START = new RegExp(`(?<!\\d)${YEAR}[-–]$`, 'u');
const RANGE_END = new RegExp(`^[-–](?:${YEAR}|\\d\\d)(?!\\d)`, 'u');
/** Before a four-digit number: a reference, a price, a decimal or part of a larger number. */
const NOT_YEAR_BEFORE = /(?:[.,]|(?:[[©\u20ac$£]|\(c\)|\d\s*\(|n[°º]|(?:no|nr|n)\.)\s*|\d[^\S\n])$/iu;
const NOT_YEAR_AFTER = /^(?:[.,\u00a0\u202f ]\d{3}(?!\d)|\s*\])/u;
/** Words after which a capitalised name is part of a date name (`rue du 4 septembre`). */
const NAME_PARTICLES = ['du', 'de', 'des', 'del', 'della', 'dei', 'of', 'the', 'le', 'la', 'il'];
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;
const SPACE = /\s/;
const SENTENCE_END = /[.!?:\u2026\n\r]/;
const OPENING = /[\s«"\u201c\u201e\u2018'([¿¡*\u2022·]/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * Alternation of words, longest first; a space in a word matches any horizontal space. `anyCase`
 * spells each letter as a class of its cases, for the regexes that would otherwise need the `i`
 * flag (see case-fold.ts).
 */
const alt = (words: readonly string[], anyCase = false) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (anyCase ? caseless(escape(w)) : escape(w)).replace(/ /g, `${S}+`))
    .join('|');
/** `alt` in any case. */
const altCi = (words: readonly string[]) => alt(words, true);
const norm = (s: string) => s.toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, ' ');
const wordSet = (words: readonly string[]) => new Set(words.map(norm));
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const isTitle = (w: string) => w[0] !== w[0].toLowerCase() && (w.length === 1 || w !== w.toUpperCase());
const isLower = (w: string) => w === w.toLowerCase();

/** The compiled form of one table: regexes for the side look-ups and word sets for the context tests. */
type Compiled = ReturnType<typeof compile>;

const compiled = new Map<Lang, Compiled>();
/** Dates without words, for text in a language without a table. */
const NUMERIC_ONLY = new RegExp(`(?:${NUMERIC})(?![\\p{L}\\p{N}_])`, 'gu');

/** Builds the regexes and word sets of one table (once per language, on first use). */
function compile(t: DateTable) {
  const names = new Map<string, { month?: number; weekday?: number; abbr?: boolean }>();
  t.months.forEach((forms, i) => forms.forEach((f) => names.set(f.toLowerCase(), { month: i + 1 })));
  t.monthAbbreviations.forEach((forms, i) => forms.forEach((f) => names.set(f.toLowerCase(), { month: i + 1, abbr: true })));
  t.weekdays.forEach((forms, i) => forms.forEach((f) => names.set(f.toLowerCase(), { weekday: i })));
  const cased = (forms: string[]) => (t.capitalised ? forms : forms.flatMap((f) => [f, capital(f)]));
  // The side look-ups are case-insensitive: their words are written with `altCi` instead of the
  // `i` flag, which made these regexes the slowest part of a language's first text.
  const compound = t.weekdayCompoundSuffixes.length ? `(?:${alt(t.weekdayCompoundSuffixes)})?` : '';
  const compoundCi = t.weekdayCompoundSuffixes.length ? `(?:${altCi(t.weekdayCompoundSuffixes)})?` : '';
  const suffix = t.daySuffixes.length ? `(?:${altCi(t.daySuffixes)})?` : '';
  const joiner = (words: string[]) => (words.length ? `(?:${S}+(?:${altCi(words)}))?` : '');
  const wdJoin = t.weekdayDayJoiners.length ? `(?:(?:${altCi(t.weekdayDayJoiners)})${S}+)?` : '';
  const weekdays = altCi(t.weekdays.flat());
  const conn = `(?:${S}*[-–]${S}*|${S}+(?:${altCi(t.rangeConnectors)})${S}+)`;
  const exclusions = new Map<string, { offset: number; phrase: string }[]>();
  for (const phrase of t.exclusions.map(norm)) {
    for (const m of phrase.matchAll(/[\p{L}.]+/gu)) {
      if (!names.has(m[0])) continue;
      exclusions.set(m[0], [...(exclusions.get(m[0]) ?? []), { offset: m.index ?? 0, phrase }]);
    }
  }
  return {
    table: t,
    names,
    /** Anchor scan; names in the cases they may be written in (the `i` flag makes the scan 4× slower). */
    anchor: new RegExp(
      `(?:(?<num>${NUMERIC})|(?<mon>${alt(cased([...t.months.flat(), ...t.monthAbbreviations.flat()]))})|(?<wd>(?<wdb>${alt(cased(t.weekdays.flat()))})${compound})|(?<yr>${YEAR}))(?![\\p{L}\\p{N}_])`,
      'gu',
    ),
    dayBefore: new RegExp(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2})${suffix}${joiner(t.dayMonthJoiners)}${S}+$`, 'u'),
    dayAfter: t.monthFirst ? new RegExp(`^${S}+(\\d{1,2})${suffix}(?![\\p{L}\\p{N}]|[.,:]\\d)`, 'u') : null,
    yearAfter: new RegExp(`^(,?)${joiner(t.monthYearJoiners)}${S}+(${YEAR})(?![\\p{L}\\p{N}]|[.,]\\d)`, 'u'),
    weekdayBefore: new RegExp(`(?<![\\p{L}\\p{N}])(${weekdays})${compoundCi},?${S}+${wdJoin}$`, 'u'),
    weekdayDayAfter: new RegExp(`^,?${S}+${wdJoin}(\\d{1,2})${suffix}(?![\\p{L}\\p{N}])`, 'u'),
    dayTail: new RegExp(`^(?:${S}*(?:[,;!?)\\]»”"]|\\.(?!\\d)|:(?!\\d)|$)|${conn}(?=[\\p{L}\\d]))`, 'u'),
    rangeDayBefore: new RegExp(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2}${suffix})${conn}$`, 'u'),
    yearRangeBefore: new RegExp(`(?<!\\d)${YEAR}${conn}$`, 'u'),
    gap: new RegExp(`^${conn}$`, 'u'),
    words: {
      monthContext: wordSet(t.monthContext),
      forwardBefore: wordSet(t.forwardWords.before),
      forwardAfter: wordSet(t.forwardWords.after),
      backwardBefore: wordSet(t.backwardWords.before),
      backwardAfter: wordSet(t.backwardWords.after),
      habitual: wordSet(t.habitualBefore),
      yearTrigger: wordSet(t.yearTriggers),
      notYear: wordSet([...t.yearQualifiers, ...t.yearNameWords, ...t.decadeWords]),
      dateName: wordSet(t.dateNameNouns.flatMap((n) => [n, ...NAME_PARTICLES.map((p) => `${n} ${p}`)])),
      counted: wordSet(t.countedNouns),
    },
    exclusions,
  };
}

/** A date found in the text; `m` 1–12, `wd` 0 (Monday)–6; `dir` 1 = forward-looking, -1 = past. */
type Found = { start: number; end: number; y?: number; m?: number; d?: number; wd?: number; dir?: number; blocked?: boolean };

const before = (text: string, pos: number, n = SIDE) => text.slice(Math.max(0, pos - n), pos);
const after = (text: string, pos: number, n = SIDE) => text.slice(pos, pos + n);

/**
 * Lower-cased phrases of one, two and three words ending just before `pos` (`de`, `nuit de`,
 * `la nuit de`); none when `pos` does not follow a space, except a hyphenated prefix (`mi-`, `mid-`).
 */
function phrasesBefore(text: string, pos: number): string[] {
  const para = before(text, pos, 40).split(/\n\s*\n/).pop() ?? '';
  const body = para.endsWith('-') ? para : para.trimEnd();
  if (body === para && !para.endsWith('-')) return [];
  const words = body.split(/\s+/).slice(-3).map((w) => norm(w).replace(/^[«"\u201c\u201e([]+/, ''));
  return words.map((_, i) => words.slice(i).join(' ')).reverse();
}

/** Lower-cased phrases of one and two words starting after the space at `pos`. */
function phrasesAfter(text: string, pos: number): string[] {
  const m = /^\s+(\S+)(?:\s+(\S+))?/.exec(after(text, pos, 40));
  if (!m) return [];
  const clean = (w: string) => norm(w).replace(/[,;:!?»\u201d")\]]+$/, '');
  const w1 = clean(m[1]);
  return [w1, w1.replace(/\.$/, ''), ...(m[2] ? [`${w1} ${clean(m[2])}`] : [])];
}

const hasAny = (set: Set<string>, phrases: string[]) => phrases.some((p) => set.has(p));

function atSentenceStart(text: string, pos: number): boolean {
  for (let i = pos - 1, n = 0; n < 12; i--, n++) {
    if (i < 0 || SENTENCE_END.test(text[i])) return true;
    if (!OPENING.test(text[i])) return false;
  }
  return false;
}

/** The word just before `pos` is capitalised in mid-sentence: a name (`Rete 26 febbraio`, `Euro 2016`, `RTX 2060`). */
function afterCapitalisedWord(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && pos - i < 40 && SPACE.test(text[i])) i--;
  if (i === pos - 1) return false;
  let j = i;
  while (j >= 0 && i - j < 40 && LETTER.test(text[j])) j--;
  return j < i && text[j + 1] !== text[j + 1].toLowerCase() && !atSentenceStart(text, j + 1);
}

/** The phrase (`Sunday Times`, `mardi gras`) in which the name at `pos` stands, if any. */
function inExclusion(c: Compiled, text: string, pos: number, word: string): { start: number; end: number } | null {
  for (const { offset, phrase } of c.exclusions.get(word.toLowerCase()) ?? []) {
    const s = pos - offset, e = s + phrase.length;
    if (s < 0 || WORD_CHAR.test(text[s - 1] ?? '') || WORD_CHAR.test(text[e] ?? '')) continue;
    if (norm(text.slice(s, e)) === phrase) return { start: s, end: e };
  }
  return null;
}

/** A number ending at `end` is followed by what it counts (`2000 personnes`, `2015 %`): a figure. */
function countsSomething(c: Compiled, text: string, end: number): boolean {
  const next = /^\s*(?:([%\u20ac$£])|(\p{L}+))/u.exec(after(text, end, 24));
  return !!next && (!!next[1] || c.words.counted.has(next[2].toLowerCase()));
}

/** 1 after `next`/`prochain` words, -1 after `last`/`dernier` words. */
function direction(c: Compiled, text: string, start: number, end: number): number | undefined {
  const b = phrasesBefore(text, start), a = phrasesAfter(text, end);
  if (hasAny(c.words.forwardBefore, b) || hasAny(c.words.forwardAfter, a)) return 1;
  if (hasAny(c.words.backwardBefore, b) || hasAny(c.words.backwardAfter, a)) return -1;
  return undefined;
}

/** Weekday written just before `pos` (`mercredi `, `Montag, dem `): its length and index. */
function weekdayBefore(c: Compiled, text: string, pos: number): { length: number; wd?: number } | null {
  const m = c.weekdayBefore.exec(before(text, pos, 40));
  return m ? { length: m[0].length, wd: c.names.get(m[1].toLowerCase())?.weekday } : null;
}

function onMonth(c: Compiled, text: string, start: number, word: string, month: number, abbr: boolean, out: Found[]): void {
  const t = c.table;
  let end = start + word.length;
  const f: Found = { start, end, m: month };
  const dayB = c.dayBefore.exec(before(text, start, 24));
  if (dayB) {
    f.start -= dayB[0].length;
    f.d = Number(dayB[1]);
    const wd = weekdayBefore(c, text, f.start);
    if (wd) [f.start, f.wd] = [f.start - wd.length, wd.wd];
    else if (hasAny(c.words.dateName, phrasesBefore(text, f.start)) || (t.lang !== 'de' && afterCapitalisedWord(text, f.start))) {
      const yr = c.yearAfter.exec(after(text, end));
      out.push({ start: f.start, end: end + (yr && !yr[1] ? yr[0].length : 0), blocked: true });
      return;
    }
  } else if (c.dayAfter) {
    const dayA = c.dayAfter.exec(after(text, end, 24));
    if (dayA && !countsSomething(c, text, end + dayA[0].length)) {
      f.d = Number(dayA[1]);
      end += dayA[0].length;
      const wd = weekdayBefore(c, text, start);
      if (wd) [f.start, f.wd] = [f.start - wd.length, wd.wd];
    }
  }
  // A comma before the year only in `November 28, 2021`.
  const yr = c.yearAfter.exec(after(text, end));
  if (yr && (!yr[1] || end > start + word.length) && !countsSomething(c, text, end + yr[0].length)) {
    f.y = Number(yr[2]);
    end += yr[0].length;
  }
  f.end = end;
  // Where months are written in lower case, a capital in mid-sentence makes a name (`sur Mars 2020`).
  if (f.d === undefined && !t.capitalised && !isLower(word) && !atSentenceStart(text, start)) return;
  if (f.d === undefined && f.y === undefined) {
    // A bare month name: only when it reads as one.
    if (abbr) return;
    const context = hasAny(c.words.monthContext, phrasesBefore(text, start));
    if (t.ambiguousMonths.includes(word) && (!context || /^['\u2019]s\b/.test(after(text, end, 3)))) return;
    if (t.capitalised && !context && /^[^\S\n]+\p{Lu}/u.test(after(text, end, 4))) return;
  }
  if (f.y === undefined) f.dir = direction(c, text, f.start, f.end);
  out.push(f);
  if (f.d !== undefined && f.wd === undefined) {
    // First end of a day range written once (`du 3 au 5 mars`, `3.–5. Juni`).
    const r = c.rangeDayBefore.exec(before(text, f.start, 24));
    const d1 = r ? parseInt(r[1], 10) : 0;
    if (r && d1 >= 1 && d1 < f.d) {
      const s = f.start - r[0].length;
      out.push({ start: s, end: s + r[1].length, m: f.m, y: f.y, d: d1, dir: f.dir });
    }
  }
}

function onWeekday(c: Compiled, text: string, start: number, word: string, weekday: number, out: Found[]): void {
  const end = start + word.length;
  const dayA = c.weekdayDayAfter.exec(after(text, end, 24));
  const d = dayA ? Number(dayA[1]) : 0;
  const withDay = !!dayA && d >= 1 && d <= 31 && c.dayTail.test(after(text, end + dayA[0].length, 24));
  // Where weekdays are written in lower case, a capital must start a sentence or a date (`Domenica` is a name too).
  if (c.table.capitalised ? !isTitle(word) : !isLower(word) && !(isTitle(word) && (withDay || atSentenceStart(text, start)))) return;
  if (withDay && dayA) out.push({ start, end: end + dayA[0].length, d, wd: weekday });
  else if (!hasAny(c.words.habitual, phrasesBefore(text, start))) out.push({ start, end, wd: weekday, dir: direction(c, text, start, end) });
}

function onYear(c: Compiled, text: string, start: number, word: string, out: Found[]): void {
  const end = start + word.length;
  const b = before(text, start, 12), a = after(text, end, 8);
  if (NOT_YEAR_BEFORE.test(b) || NOT_YEAR_AFTER.test(a)) return;
  // A season or fiscal year (`2015/16`, `2022/2023`): one span, no single ISO year.
  const pair = /^\/(\d{4}|\d{2})(?!\d)/.exec(a);
  const y = Number(word);
  if (pair && [y + 1, (y + 1) % 100].includes(Number(pair[1])) && !/[\p{L}\p{N}][-\u2013/]$/u.test(b)) {
    out.push({ start, end: end + pair[0].length });
    return;
  }
  if (/[\p{L}\p{N}][-\u2013/]$/u.test(b) && !RANGE_START.test(b)) return;
  if (/^[-\u2013/.,:]\d/.test(a) && !RANGE_END.test(a)) return;
  const words = phrasesBefore(text, start);
  if (hasAny(c.words.notYear, words)) return;
  const triggered = hasAny(c.words.yearTrigger, words) || c.yearRangeBefore.test(before(text, start, 24));
  if (!triggered && countsSomething(c, text, end)) return;
  // German capitalises every noun (`Ende 2020`, `Jahr 2015`): no name test there.
  if (!triggered && c.table.lang !== 'de' && afterCapitalisedWord(text, start)) return;
  out.push({ start, end, y });
}

function onNumeric(text: string, start: number, word: string, out: Found[]): void {
  // Not inside a longer number, version or path (`1.24.11.2021`, `2021-11-24-3`).
  if (/\d[./-]$/.test(before(text, start, 2)) || /^[./-]\d/.test(after(text, start + word.length, 2))) return;
  const p = word.split(/[./-]/).map(Number);
  const [y, m, d] = p[0] > 31 ? p : [p[2], p[1], p[0]];
  if (y >= 1900 && y <= 2100 && validDate(y, m, d)) out.push({ start, end: start + word.length, y, m, d });
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

/** Publication date as a UTC timestamp, or undefined. */
function parsePublished(p?: string): number | undefined {
  const m = p ? /^(\d{4})-(\d{2})-(\d{2})/.exec(p) : null;
  if (!m || !validDate(+m[1], +m[2], +m[3])) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

/**
 * ISO value of a found date. Open parts are resolved against the publication date `pub`:
 * - a weekday is the most recent such day on or before publication (a report tells the past week;
 *   `vendredi` in a paper of Friday is that Friday); `next`/`prochain` words look forward instead;
 * - a month (with or without day) without a year is taken in the publication year when it falls no
 *   later than the month after publication, otherwise in the year before (`en juillet` in a February
 *   paper is last July; `le 1er décembre` in a late-November paper is upcoming); forward/backward
 *   words pick the next or the last occurrence. When a weekday is written with the date, the year
 *   in which they agree wins.
 */
function iso(f: Found, pub: number | undefined): string | undefined {
  if (f.y !== undefined && f.m !== undefined && f.d !== undefined) return validDate(f.y, f.m, f.d) ? `${f.y}-${pad(f.m)}-${pad(f.d)}` : undefined;
  if (f.y !== undefined && f.m !== undefined && f.d === undefined) return `${f.y}-${pad(f.m)}`;
  if (f.y !== undefined && f.m === undefined) return String(f.y);
  if (pub === undefined) return undefined;
  const pd = new Date(pub), pubY = pd.getUTCFullYear(), pubMonths = pubY * 12 + pd.getUTCMonth();
  if (f.m !== undefined) {
    const years = [pubY - 1, pubY, pubY + 1].filter((y) => f.d === undefined || validDate(y, f.m!, f.d));
    if (f.wd !== undefined && f.d !== undefined) {
      const agree = years.filter((y) => weekdayOf(Date.UTC(y, f.m! - 1, f.d)) === f.wd);
      if (agree.length === 1) return `${agree[0]}-${pad(f.m)}-${pad(f.d)}`;
    }
    const key = (y: number) => (f.d === undefined ? (y * 12 + f.m! - 1) * 31 : (y * 12 + f.m! - 1) * 31 + f.d - 1);
    const now = pubMonths * 31 + (f.d === undefined ? 0 : pd.getUTCDate() - 1);
    const pick =
      f.dir === 1 ? years.find((y) => key(y) >= now)
      : f.dir === -1 ? years.filter((y) => key(y) < now).pop()
      : years.filter((y) => y * 12 + f.m! - 1 <= pubMonths + 1).pop();
    if (pick === undefined) return undefined;
    return f.d === undefined ? `${pick}-${pad(f.m)}` : `${pick}-${pad(f.m)}-${pad(f.d)}`;
  }
  if (f.wd === undefined) return undefined;
  if (f.d !== undefined) {
    // `mardi 8`: the most recent date with that day number falling on that weekday.
    for (let k = 1; k >= -13; k--) {
      const y = pubY + Math.floor((pd.getUTCMonth() + k) / 12), m = (((pd.getUTCMonth() + k) % 12) + 12) % 12;
      if (!validDate(y, m + 1, f.d)) continue;
      const t = Date.UTC(y, m, f.d);
      if (t <= pub + 6 * DAY && weekdayOf(t) === f.wd) return `${y}-${pad(m + 1)}-${pad(f.d)}`;
    }
    return undefined;
  }
  const back = (weekdayOf(pub) - f.wd + 7) % 7;
  const t = f.dir === 1 ? pub + ((f.wd - weekdayOf(pub) + 7) % 7 || 7) * DAY : pub - (f.dir === -1 ? back || 7 : back) * DAY;
  const td = new Date(t);
  return `${td.getUTCFullYear()}-${pad(td.getUTCMonth() + 1)}-${pad(td.getUTCDate())}`;
}

/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (t: number) => (new Date(t).getUTCDay() + 6) % 7;

/** Range ends written once (`von Januar bis August 2024`, `mardi 8 à mercredi 9 septembre`). */
function shareRangeParts(c: Compiled, text: string, found: Found[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i], b = found[i + 1];
    if (a.y !== undefined || b.m === undefined || !c.gap.test(text.slice(a.end, b.start))) continue;
    if (a.m === undefined) {
      if (a.d === undefined || b.d === undefined) continue;
      a.m = a.d <= b.d ? b.m : b.m === 1 ? 12 : b.m - 1;
    }
    if (b.y !== undefined) a.y = a.m > b.m ? b.y - 1 : b.y;
  }
}

/** Finds the dates of `text`; see the module comment. */
export const detectDates: Detector = (text: string, ctx: DetectContext): Mention[] => {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lang = ctx?.lang && Object.hasOwn(TABLES, ctx.lang) ? ctx.lang : null;
  let c = lang ? compiled.get(lang) : undefined;
  if (lang && !c) compiled.set(lang, (c = compile(TABLES[lang])));
  const found: Found[] = [];
  for (const m of text.matchAll(c ? c.anchor : NUMERIC_ONLY)) {
    const start = m.index ?? 0, g = m.groups ?? {};
    if (WORD_CHAR.test(text[start - 1] ?? '')) continue;
    if (!c || g.num) {
      onNumeric(text, start, m[0], found);
      continue;
    }
    const name = g.mon ?? g.wdb;
    const excluded = name ? inExclusion(c, text, start, name) : null;
    const info = name ? c.names.get(name.toLowerCase()) : undefined;
    if (excluded) found.push({ ...excluded, blocked: true });
    else if (g.mon && info?.month) onMonth(c, text, start, g.mon, info.month, !!info.abbr, found);
    else if (g.wd && info?.weekday !== undefined) onWeekday(c, text, start, g.wd, info.weekday, found);
    else if (g.yr) onYear(c, text, start, g.yr, found);
  }
  // Overlapping readings: the longest wins (`mercredi 24 novembre` over `mercredi`); blocked names hold their place.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of found) if (!kept.length || f.start >= kept[kept.length - 1].end) kept.push(f);
  const dates = kept.filter((f) => !f.blocked);
  if (c) shareRangeParts(c, text, dates);
  const pub = parsePublished(ctx?.published);
  return dates.map((f) => {
    const span = text.slice(f.start, f.end);
    const value = iso(f, pub);
    return { kind: 'date', start: f.start, end: f.end, text: span, canonical: span, ...(value ? { iso: value } : {}) };
  });
};
