/**
 * Word-level reading around a position, shared by the figure rules.
 *
 * Every function here looks at a bounded stretch of text (a few words), so the detector stays
 * linear in the length of the article whatever the input: no regex runs over an open-ended
 * slice and nothing backtracks.
 */

/** One word of text: letters with inner hyphens or apostrophes (`sans-abri`, `zo'n`, `d'euros`). */
export type Word = {
  start: number;
  end: number;
  /** Lower case, curly apostrophes made straight: the form used for look-ups. */
  key: string;
  /** As written. */
  raw: string;
};

const LETTER = /[\p{L}\p{M}]/u;
const APOSTROPHES = /[\u2019\u02bc\u2018`]/g;

/** Spaces allowed inside a phrase: no line breaks, so a figure never spans two paragraphs. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2009' || ch === '\t';
}

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === '\u2019' || ch === '\u02bc';
}

/** Lower case with straight apostrophes and single spaces: how data keys are written. */
const NEEDS_NORMALIZING = /[\u2019\u02bc\u2018`\s]/;

export function normalizeKey(s: string): string {
  const lower = s.toLowerCase();
  return NEEDS_NORMALIZING.test(lower) ? lower.replace(APOSTROPHES, "'").replace(/\s+/g, ' ') : lower;
}

export function skipSpaces(text: string, pos: number, limit = 8): number {
  let p = pos;
  while (p < text.length && p - pos < limit && isSpace(text[p])) p++;
  return p;
}

/** Longest words are capped: a 5 MB run of letters is not a word worth looking up. */
const MAX_WORD = 40;

/**
 * The word starting at `pos` (after at most a few spaces), or null when something else comes
 * first. An elided article is its own word (`d'` in `d'euros` is read as `d'euros`; callers split).
 */
export function wordAt(text: string, pos: number): Word | null {
  const start = skipSpaces(text, pos);
  if (!isLetter(text[start])) return null;
  let p = start;
  while (p < text.length && p - start < MAX_WORD) {
    if (isLetter(text[p])) { p++; continue; }
    const c = text[p];
    if ((c === '-' || c === '\u2011' || isApostrophe(c)) && isLetter(text[p + 1])) { p += 2; continue; }
    break;
  }
  if (p - start >= MAX_WORD) return null;
  const raw = text.slice(start, p);
  return { start, end: p, raw, key: normalizeKey(raw) };
}

/** Up to `n` words after `pos`, stopping at the first punctuation mark or line break. */
export function wordsAfter(text: string, pos: number, n: number): Word[] {
  const out: Word[] = [];
  let p = pos;
  while (out.length < n) {
    const w = wordAt(text, p);
    if (!w) break;
    out.push(w);
    p = w.end;
  }
  return out;
}

/**
 * Up to `n` words ending before `pos`, nearest first, stopping at punctuation. An elided article
 * glued to the number (`l'80 %`, `d'un`) comes back as the word `l'` / `d'`. A final period is
 * kept only for known abbreviations (`ca.`, `n.`, `art.`), otherwise it ends the sentence.
 */
export function wordsBefore(text: string, pos: number, n: number, abbreviations: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  let p = pos;
  while (out.length < n) {
    let q = p;
    let spaces = 0;
    while (q > 0 && isSpace(text[q - 1]) && spaces < 8) { q--; spaces++; }
    const end = q;
    let dotted = false;
    if (text[q - 1] === '.' && isLetter(text[q - 2])) { q--; dotted = true; }
    const elided = isApostrophe(text[q - 1]) && isLetter(text[q - 2]);
    if (elided) q--;
    let s = q;
    while (s > 0 && q - s < MAX_WORD) {
      if (isLetter(text[s - 1])) { s--; continue; }
      const c = text[s - 1];
      if ((c === '-' || c === '\u2011' || isApostrophe(c)) && isLetter(text[s - 2]) && !elided) { s -= 2; continue; }
      break;
    }
    if (s === q) break;
    const raw = text.slice(s, end);
    const key = normalizeKey(raw);
    if (dotted && !abbreviations.has(key)) break;
    out.push({ start: s, end, raw, key });
    p = s;
  }
  return out;
}

/** True when `pos` opens a sentence, a line, a quotation or a bracket (ignoring spaces). */
export function startsSentence(text: string, pos: number): boolean {
  let q = pos;
  let steps = 0;
  while (q > 0 && isSpace(text[q - 1]) && steps < 8) { q--; steps++; }
  if (q === 0) return true;
  const c = text[q - 1]!;
  return '.!?:;\n\r«"“„(‹[—–|•'.includes(c);
}

/** The first letter is upper case (and the word is not all lower case). */
export function isCapitalized(raw: string): boolean {
  const first = raw[0] ?? '';
  return first !== first.toLowerCase();
}
