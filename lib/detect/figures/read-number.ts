/**
 * Reads the number itself at an anchor: digits or words, what is glued to it (`31enne`,
 * `26-jähriger`, `€3bn`, `19h10`), a scale word after it (`62,7 millions`, `1,5 Mrd.`) and a
 * currency symbol or code before it (`£140`, `US$ 2`, `CHF 10`).
 */
import type { LangTables } from './lang-tables';
import { readDigits, scaled } from './parse-digits';
import { readWordNumber, valueOfWord } from './number-words';
import { isDigit, isLetter, isSpace, wordAt } from './text-scan';

export type NumberCore = {
  start: number;
  end: number;
  value: number;
  written: 'digits' | 'words';
  /** Digits only (no separator, decimal or scale): candidates for years, ids and postcodes. */
  plain: boolean;
  intDigits: number;
  /** A scale word or suffix followed (`millions`, `bn`); a linker may then follow (`d'euros`). */
  nounLike: boolean;
  scaledBy: number;
  onlyOne: boolean;
  approximate: boolean;
  needsNoun: boolean;
  capitalized: boolean;
  /** The number is an age by its own form (`31enne`, `26-jähriger`, `19-year-old`). */
  age: boolean;
  /** Currency from a symbol or code written before the number, with where it starts. */
  currency?: string;
  currencyStart?: number;
  /** The scale was glued on as a suffix (`£140m`, `€3bn`, `3.5m people`). */
  gluedScale?: string;
};

/** Skip this stretch: the anchor was part of an id, phone number, clock time, ordinal… */
export type Skip = { skipTo: number };

const AGE_HYPHEN = /^(?:jährig|jährige|jähriger|jährigen|jähriges|jährigem|year-old|years-old|month-old|months-old|week-old|jarige|jarig|enne)$/i;
const MAX_RUN = 40;

/** End of a run of digits and the separators phone numbers and ids use. */
function runEnd(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && p - pos < MAX_RUN && (isDigit(text[p]) || ' \u00a0.-/()'.includes(text[p]!))) p++;
  return p;
}

function lettersAfter(text: string, pos: number): string {
  let p = pos;
  while (p < text.length && p - pos < 12 && isLetter(text[p])) p++;
  return text.slice(pos, p);
}

/** A currency symbol or ISO code just before `pos` (`£140`, `US$ 2`, `EUR 500`). */
function currencyBefore(text: string, pos: number, t: LangTables): { code: string; start: number } | null {
  let q = pos;
  if (isSpace(text[q - 1])) q--;
  const last = text[q - 1];
  // Every symbol ends in a sign or a letter; nothing to look up after a digit or a space.
  if (last === undefined || isDigit(last) || isSpace(last)) return null;
  const tail = text.slice(Math.max(0, q - 5), q).toLowerCase();
  for (const [symbol, code] of t.symbols) {
    if (!tail.endsWith(symbol)) continue;
    const start = q - symbol.length;
    // A symbol spelt with letters (`US$`, `zł`, `Fr.`) must start a word.
    if (isLetter(symbol[0]) && isLetter(text[start - 1])) continue;
    return { code, start };
  }
  const w = text.slice(Math.max(0, q - 3), q);
  if (w.length === 3 && t.codes.has(w) && !isLetter(text[q - 4])) return { code: w, start: q - 3 };
  return null;
}

/** Scale words after the number: `millions`, `Mrd.`, `mil millones`; returns the factor and end. */
function readScale(text: string, pos: number, t: LangTables): { factor: number; end: number } | null {
  const words = t.words;
  if (!words) return null;
  let factor = 1;
  let end = pos;
  for (let i = 0; i < 2; i++) {
    const w = wordAt(text, end);
    if (!w || w.start - end > 1) break;
    const dotted = text[w.end] === '.' ? words.scaleWords.get(`${w.key}.`) : undefined;
    const f = dotted ?? words.scaleWords.get(w.key);
    if (f === undefined || (i > 0 && f <= factor)) break;
    factor *= f;
    end = dotted !== undefined ? w.end + 1 : w.end;
  }
  return factor > 1 ? { factor, end } : null;
}

function readDigitCore(text: string, at: number, t: LangTables, joined: boolean): NumberCore | Skip {
  const before = text[at - 1];
  if (!joined && before !== undefined && '-‑/.,:'.includes(before) && (isLetter(text[at - 2]) || isDigit(text[at - 2]))) {
    return { skipTo: runEnd(text, at) };
  }
  if (before !== undefined && '+#№§°'.includes(before)) return { skipTo: runEnd(text, at) };
  const d = readDigits(text, at, t.digits);
  if (!d) return { skipTo: runEnd(text, at) };
  if (d.leadingZero || (d.plain && d.intDigits >= 7)) return { skipTo: runEnd(text, at) };
  const core: NumberCore = {
    start: at, end: d.end, value: d.value, written: 'digits', plain: d.plain, intDigits: d.intDigits,
    nounLike: false, scaledBy: 1, onlyOne: false, approximate: false, needsNoun: false, capitalized: false, age: false,
  };
  const next = text[d.end];
  if ((next === ':' || next === '/') && isDigit(text[d.end + 1])) return { skipTo: runEnd(text, d.end) };
  if (next === '°' || next === 'º' || next === 'ª') return { skipTo: d.end + 1 };
  if (isLetter(next)) {
    const letters = lettersAfter(text, d.end);
    const key = letters.toLowerCase();
    if (isLetter(text[d.end + letters.length]) || isDigit(text[d.end + letters.length])) return { skipTo: d.end + letters.length };
    if (key === 'enne' || key === 'enni') return { ...core, end: d.end + letters.length, age: true, plain: false };
    // `€3bn`, `£140m`, `5mila`: a scale glued to the digits.
    const suffixScale = key === 'bn' ? 1e9 : key === 'mn' || key === 'm' ? 1e6 : key === 'k' ? 1e3 : t.words?.scaleWords.get(key) ?? 0;
    if (suffixScale) {
      // `£140m`, `€3bn`, `3.5m people`; the caller drops `3m` with no currency or noun (metres).
      return {
        ...core, end: d.end + letters.length, value: scaled(d.value, suffixScale), scaledBy: suffixScale,
        plain: false, nounLike: true, gluedScale: key,
      };
    }
    return { skipTo: d.end + letters.length };
  }
  if ((next === '-' || next === '\u2011') && isLetter(text[d.end + 1])) {
    const w = wordAt(text, d.end + 1);
    if (w && AGE_HYPHEN.test(w.key)) return { ...core, end: w.end, age: true, plain: false };
    return { skipTo: w ? w.end : d.end + 1 };
  }
  return core;
}

function readWordCore(text: string, at: number, t: LangTables): NumberCore | null {
  const words = t.words!;
  const n = readWordNumber(text, at, words);
  if (n) {
    return {
      start: n.start, end: n.end, value: n.value, written: 'words', plain: false, intDigits: 0,
      nounLike: n.nounLike, scaledBy: 1, onlyOne: n.onlyOne, approximate: n.approximate, needsNoun: n.needsNoun,
      capitalized: n.capitalized, age: false,
    };
  }
  // Italian ages in one word: `ventiseienne`, `diciottenne` (diciott- + -enne).
  const w = wordAt(text, at);
  if (t.lang === 'it' && w && w.start === at && /enn[ei]$/.test(w.key)) {
    const stem = w.key.slice(0, -4);
    for (const vowel of ['', 'e', 'i', 'a', 'o']) {
      const v = valueOfWord(stem + vowel, words);
      if (v !== null && v > 0 && v < 130) {
        return {
          start: at, end: w.end, value: v, written: 'words', plain: false, intDigits: 0, nounLike: false, scaledBy: 1,
          onlyOne: false, approximate: false, needsNoun: false, capitalized: w.raw[0] !== w.key[0], age: true,
        };
      }
    }
  }
  return null;
}

/**
 * The number at an anchor with its scale and currency symbol; null or a skip when there is none.
 * `joined`: the upper bound of a range, which may follow a dash (`400-750`).
 */
export function readNumber(text: string, at: number, t: LangTables, joined = false): NumberCore | Skip | null {
  const core = isDigit(text[at]) ? readDigitCore(text, at, t, joined) : readWordCore(text, at, t);
  if (!core || 'skipTo' in core) return core;
  if (core.age) return core;
  if (core.written === 'digits' && core.scaledBy === 1) {
    const s = readScale(text, core.end, t);
    if (s) Object.assign(core, { value: scaled(core.value, s.factor), scaledBy: s.factor, end: s.end, plain: false, nounLike: true });
  }
  const cur = currencyBefore(text, core.start, t);
  if (cur) Object.assign(core, { currency: cur.code, currencyStart: cur.start });
  return core;
}
