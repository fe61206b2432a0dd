/**
 * Context that decides whether a number is a figure (GUIDELINES.md, "Not figures"): years, dates,
 * clock times, reference numbers (`Article 8`, `n. 20`), numbers in names (`Utopia 56`,
 * `les Vingt-Sept`), German ordinals (`der 2. Versuch`), postcodes; and when a time unit makes
 * an age rather than a duration (`un homme de 19 ans`, `aged 19`, `26 Jahre alt`).
 */
import type { LangTables } from './lang-tables';
import type { NumberCore } from './read-number';
import type { Tail } from './counted-nouns';
import { isCapitalized, isDigit, isSpace, skipSpaces, startsSentence, wordAt, wordsAfter, wordsBefore, type Word } from './text-scan';

/** Tails that show the number counts something, whatever the words before it. */
export function countsSomething(tail: Tail): boolean {
  return tail.kind === 'noun' || tail.kind === 'percent' || tail.kind === 'money';
}

/** A year written alone: `2021`, also in a range (`2013 bis 2018`). */
export const isYear = (n: NumberCore): boolean => n.plain && n.intDigits === 4 && n.value >= 1900 && n.value <= 2100;

/** Standing alone, four plain digits from 1800 on read as a year (`born in 1889`); a count has a noun. */
const isBareYear = (n: NumberCore): boolean => n.plain && n.intDigits === 4 && n.value >= 1800 && n.value <= 2100;

/** `16. September`, `der 2. Versuch`, `die 3. größte`: a German `N.` that is a date or an ordinal. */
function germanOrdinal(text: string, n: NumberCore, before: readonly Word[], t: LangTables): boolean {
  if ((t.lang !== 'de' && t.lang !== null) || text[n.end] !== '.' || isDigit(text[n.end + 1])) return false;
  if (!n.plain || n.value >= 1000) return false;
  const next = wordAt(text, n.end + 1);
  if (!next || next.start - n.end > 2) return false;
  if (t.months.has(next.key) || next.raw === next.key) return true;
  return before[0] !== undefined && t.ordinalBefore.has(before[0].key);
}

/** Words that join the days of a date enumeration (`les 5 et 6 septembre`, `du 12 au 15 mars`). */
const DAY_JOINERS = new Set(['et', 'and', 'und', 'en', 'e', 'y', 'ou', 'or', 'oder', 'of', 'o', 'au', 'al', 'à', 'a', 'bis', 'tot', 'to']);

/** The number is the first day of an enumeration or range of days before a month. */
function dayBeforeMonth(text: string, n: NumberCore, t: LangTables): boolean {
  if (!n.plain || n.value > 31) return false;
  let p = n.end;
  for (let step = 0; step < 3; step++) {
    if (text[p] === '.') p++;
    p = skipSpaces(text, p);
    const c = text[p];
    if (c === ',' || c === '-' || c === '–' || c === '/') p = skipSpaces(text, p + 1);
    else {
      const w = wordAt(text, p);
      if (!w || !DAY_JOINERS.has(w.key)) return false;
      p = skipSpaces(text, w.end);
    }
    let q = p;
    while (isDigit(text[q]) && q - p < 2) q++;
    if (q === p || isDigit(text[q])) return false;
    const next = wordAt(text, text[q] === '.' ? q + 1 : q);
    if (next && t.months.has(next.key)) return true;
    p = q;
  }
  return false;
}

/** The word before is a name, not a function word: `Utopia 56`, `Sea-Watch 3`, `HRB 9876`, `iOS 12`. */
function afterName(before: readonly Word[], t: LangTables): boolean {
  const w = before[0];
  if (!w || !/\p{Lu}/u.test(w.raw)) return false;
  return !(t.stopwords.has(w.key) || t.functionWords.has(w.key) || t.months.has(w.key) || t.weekdays.has(w.key));
}

/**
 * True when the number is no figure. `before` are the words before the number (and before its
 * currency symbol), nearest first, not counting a qualifier; `qualified`: a qualifier or range
 * opener stands before it, so it is a quantity whatever name comes next (`about 450 Dreamers`).
 */
export function isExcluded(text: string, n: NumberCore, before: readonly Word[], tail: Tail, qualified: boolean, t: LangTables): boolean {
  if (tail.kind === 'date' || tail.kind === 'clock' || tail.kind === 'reject') return true;
  const counts = countsSomething(tail) || n.currency !== undefined;
  const quantity = counts || qualified || n.scaledBy > 1;
  const prev = before[0];
  if (n.written === 'words' && n.capitalized && !startsSentence(text, n.start)) return true;
  if (prev && t.blockers.has(prev.key)) return true;
  if (prev && t.weekdays.has(prev.key) && n.value <= 31 && !counts) return true;
  if (prev && t.months.has(prev.key) && n.plain && n.value <= 31 && !counts) return true;
  if (germanOrdinal(text, n, before, t)) return true;
  if (!counts && dayBeforeMonth(text, n, t)) return true;
  if (isBareYear(n) && !counts) return true;
  if (!counts && n.value <= 24 && Number.isInteger(n.value) && t.clockBefore.matchBefore(before)) return true;
  if (!quantity && afterName(before, t)) return true;
  // Every language groups the digits of counts from five digits on: `93512`, `24937` are ids or postcodes.
  if (!counts && n.plain && n.intDigits >= 5) return true;
  // Postcodes `1040 Brussels` (German writes counts of 4 digits unseparated: `1547 Menschen`).
  const next = wordAt(text, n.end);
  if (!counts && n.plain && n.intDigits === 4 && t.lang !== 'de' && next && isCapitalized(next.raw)) return true;
  // A capitalised word right after is a title or an address (`6 Days`, `10 Downing Street`);
  // German capitalises every noun, and acronyms may be counted (`35 UMP`).
  if (!quantity && tail.kind === 'none' && t.lang !== 'de' && next && next.start - n.end <= 1 && isCapitalized(next.raw) && next.raw !== next.raw.toUpperCase()) return true;
  // Numbered list items: `1 Kieler Woche…` at the start of a line.
  if (!counts && n.plain && n.intDigits <= 2 && lineStart(text, n.start)) return true;
  // Footnotes and references: `[12]`, `(3)`.
  if (!counts && '[('.includes(text[n.start - 1] ?? 'x') && '])'.includes(text[n.end] ?? 'x')) return true;
  return false;
}

function lineStart(text: string, pos: number): boolean {
  let q = pos;
  while (q > 0 && isSpace(text[q - 1])) q--;
  return q === 0 || text[q - 1] === '\n' || text[q - 1] === '\r';
}

export type AgeSpan = { start: number; end: number };

/**
 * The span of an age, or null. `tail` is what follows the number; ages are written with a time
 * unit (`19 ans`, `17 años`, `ventisei anni`, `cinq mois` after a holder noun), by a prefix
 * (`âgé de 19 ans`, `aged 19`) or by a word after (`19 years old`, `26 Jahre alt`).
 */
export function ageSpan(text: string, n: NumberCore, before: readonly Word[], tail: Tail, t: LangTables): AgeSpan | null {
  if (n.age) return { start: n.start, end: n.end };
  const a = t.ages;
  if (!a || n.value > 130 || !Number.isInteger(n.value)) return null;
  const prefix = a.prefixes.matchBefore(before);
  const start = prefix ? before[prefix.count - 1]!.start : n.start;
  if (tail.kind !== 'time') {
    // `aged 19`: the prefix alone makes an age.
    return prefix && tail.kind === 'none' ? { start, end: n.end } : null;
  }
  let end = tail.end;
  const next = wordsAfter(text, end, a.after.maxWords);
  const after = a.after.match(next, 0);
  if (after) end = next[after.count - 1]!.end;
  // `un homme de 19 ans`, `une femme enceinte de 5 mois`; a capitalised word is a name or a
  // nationality (`un Afghan de 17 ans`), where `une peine de 5 ans` is a duration.
  const linked = before[0] !== undefined && a.linkers.has(before[0].key) ? before[1] : undefined;
  const holder = linked !== undefined && (a.holders.has(linked.key) || isCapitalized(linked.raw));
  const verb = before[0] !== undefined && a.verbs.has(before[0].key) && a.yearUnits.has(tail.key)
    && !(before[1] && a.afterVerb.has(before[1].key));
  if (prefix || after || holder || verb || a.before.matchBefore(before)) return { start, end };
  // `Marie Dupont, 34 ans, a témoigné`, `Isabel Perelló, de 66 años, preside`: set off by commas
  // after a name, a number of years is the person's age (the words before stop at the comma).
  if (a.yearUnits.has(tail.key) && before.length <= 1) {
    const from = before[0] !== undefined && a.linkers.has(before[0].key) ? before[0].start : before.length ? -1 : n.start;
    if (from >= 0 && isAppositive(text, from, end)) return { start: n.start, end };
  }
  return null;
}

/** Is text[from, end) set off by commas, after a capitalised word (a name), and before a comma or bracket? */
function isAppositive(text: string, from: number, end: number): boolean {
  let q = from;
  while (q > 0 && isSpace(text[q - 1])) q--;
  if (text[q - 1] !== ',') return false;
  const name = wordsBefore(text, q - 1, 1, NO_ABBREVIATIONS)[0];
  if (!name || name.end !== q - 1 || !isCapitalized(name.raw)) return false;
  const next = text[skipSpaces(text, end)];
  return next === ',' || next === ')' || next === ';';
}

const NO_ABBREVIATIONS: ReadonlySet<string> = new Set();
