/**
 * Reads a number written in digits in the style of the article's language:
 * `18,342` (en thousands), `18.342` (de/it/es/nl thousands), `18 342` / `18 342` (fr thousands,
 * plain, no-break or narrow no-break space), `62,7` (decimal comma), `2.5` (decimal point).
 */
import type { Lang } from '../types';
import { isDigit } from './text-scan';

export type DigitStyle = {
  /** Characters that may separate groups of three digits. */
  groups: string;
  /** Characters that may start the decimal part. */
  decimals: string;
  /** A plain space may separate groups (French, Spanish); only after a first group of 1–3 digits. */
  plainSpace: boolean;
};

const NARROW = '\u00a0\u202f\u2009';

const STYLES: Record<Lang | 'none', DigitStyle> = {
  en: { groups: `,${NARROW}`, decimals: '.', plainSpace: false },
  // A point before three digits groups (18.342); before one or two it is read as a decimal (2.5).
  fr: { groups: `.${NARROW}`, decimals: ',.', plainSpace: true },
  es: { groups: `.${NARROW}`, decimals: ',.', plainSpace: true },
  de: { groups: `.${NARROW}'’`, decimals: ',.', plainSpace: false },
  it: { groups: `.${NARROW}`, decimals: ',.', plainSpace: false },
  nl: { groups: `.${NARROW}`, decimals: ',.', plainSpace: false },
  // Unknown language: a separator before exactly three digits groups (1.500, 1,500), any other is decimal.
  none: { groups: `,.${NARROW}`, decimals: ',.', plainSpace: false },
};

export function digitStyle(lang: Lang | null): DigitStyle {
  return STYLES[lang ?? 'none'];
}

export type DigitNumber = {
  start: number;
  end: number;
  value: number;
  /** Digits only, no separator or decimal part: `1547`, `2020`. */
  plain: boolean;
  /** Number of digits before any decimal part. */
  intDigits: number;
  /** Starts with 0 followed by another digit: phone numbers, ids, postcodes. */
  leadingZero: boolean;
};

/** Digit runs longer than this are ids, not quantities. */
const MAX_DIGITS = 15;

function digitsFrom(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && isDigit(text[p]) && p - pos <= MAX_DIGITS) p++;
  return p;
}

/** Three digits at `pos` not followed by a fourth. */
function isGroupAt(text: string, pos: number): boolean {
  return isDigit(text[pos]) && isDigit(text[pos + 1]) && isDigit(text[pos + 2]) && !isDigit(text[pos + 3]);
}

/**
 * The number at `pos` (which holds a digit), or null for a digit run too long to be a quantity.
 * Never reads past a separator that is not followed by digits.
 */
export function readDigits(text: string, pos: number, style: DigitStyle): DigitNumber | null {
  let p = digitsFrom(text, pos);
  const firstLen = p - pos;
  if (firstLen > MAX_DIGITS) return null;
  let intText = text.slice(pos, p);
  let groupSep: string | null = null;
  while (firstLen <= 3 && p < text.length) {
    const c = text[p]!;
    const allowed = style.groups.includes(c) || (style.plainSpace && c === ' ');
    if (!allowed || !isGroupAt(text, p + 1)) break;
    if (groupSep !== null && c !== groupSep) break;
    groupSep = c;
    intText += text.slice(p + 1, p + 4);
    p += 4;
    if (intText.length > MAX_DIGITS) return null;
  }
  let fracText = '';
  const d = text[p];
  if (d !== undefined && style.decimals.includes(d) && d !== groupSep && isDigit(text[p + 1])) {
    const fracEnd = digitsFrom(text, p + 1);
    if (fracEnd - p - 1 <= 6) {
      fracText = text.slice(p + 1, fracEnd);
      p = fracEnd;
    }
  }
  const value = Number(fracText ? `${intText}.${fracText}` : intText);
  if (!Number.isFinite(value)) return null;
  return {
    start: pos,
    end: p,
    value,
    plain: groupSep === null && fracText === '',
    intDigits: intText.length,
    leadingZero: intText.length > 1 && intText[0] === '0',
  };
}

/** Scales a value without binary noise: 62.7 × 10⁶ is 62700000, not 62700000.00000001. */
export function scaled(value: number, factor: number): number {
  if (factor === 1) return value;
  return Number((value * factor).toPrecision(15));
}
