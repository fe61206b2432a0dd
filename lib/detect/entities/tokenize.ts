/**
 * Word tokens for the entity detectors. The text is tokenized once; every matcher (gazetteer trie,
 * role forms, name rules) then walks the token array, so matching stays linear in the text.
 *
 * Words are runs of letters, marks and digits; every other non-space character is a token of its
 * own. Apostrophes and hyphens therefore split words (`l'Union` → `l` `'` `Union`, `EU-Staaten` →
 * `EU` `-` `Staaten`), and `space` records whether whitespace preceded a token, which tells a
 * hyphenated compound from a dash between words.
 */

export type TokenKind = 'word' | 'num' | 'punct';

export type Token = {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case, NFC, apostrophes folded to `'` and hyphens to `-`, `ß` → `ss`. */
  norm: string;
  /** Key for German names: `norm` less a common inflectional ending; `norm` in other languages. */
  stem: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (`UNHCR`, `EU`, `D66` has a digit and counts too). */
  upper: boolean;
  /** Whitespace (or the start of the text) comes right before the token. */
  space: boolean;
  /** A line break comes right before the token (or it is the first token). */
  newline: boolean;
};

/** How a trie looks a token up. */
export type KeyOf = (t: Token) => string;
export const byNorm: KeyOf = (t) => t.norm;
export const byText: KeyOf = (t) => t.text;
export const byStem: KeyOf = (t) => t.stem;

// Character classes, filled lazily for the Basic Multilingual Plane: 1 = word character (letter,
// mark, digit), 2 = white space, 3 = anything else. A hand-written scanner over this table is
// linear and several times faster than a Unicode regex on every token.
const WORD = 1;
const SPACE = 2;
const OTHER = 3;
const classes = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const SPACE_RE = /\s/u;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  classes[c] = WORD_RE.test(ch) ? WORD : SPACE_RE.test(ch) ? SPACE : OTHER;
}

function classOf(code: number): number {
  if (code < 0x10000) {
    let c = classes[code];
    if (c === 0) {
      const ch = String.fromCharCode(code);
      c = WORD_RE.test(ch) ? WORD : SPACE_RE.test(ch) ? SPACE : OTHER;
      classes[code] = c;
    }
    return c;
  }
  return WORD_RE.test(String.fromCodePoint(code)) ? WORD : OTHER;
}

const DIGITS_RE = /^\p{N}+$/u;
const NEEDS_NFC = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '`', '\u00b4', '\u2032']);
const HYPHENS = new Set(['\u2010', '\u2011', '\u00ad']);

/** Normalises a word the way tokens are keyed: NFC, lower case, `ß` → `ss`. */
export function normWord(s: string, ascii = false): string {
  let w = s.toLowerCase();
  if (ascii) return w;
  if (NEEDS_NFC.test(w)) w = w.normalize('NFC');
  return w.includes('ß') ? w.replace(/ß/g, 'ss') : w;
}

export type TokenizeOptions = {
  /** Fills `stem` with this function of `norm` (German inflection); `stem` = `norm` otherwise. */
  stem?: (norm: string) => string;
  /** Stop after this many tokens. */
  max?: number;
};

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const stem = options.stem;
  const max = options.max ?? Infinity;
  const n = text.length;
  let prevEnd = 0;
  let sawBreak = true;
  let i = 0;
  while (i < n && tokens.length < max) {
    let code = text.charCodeAt(i);
    let width = 1;
    let cls: number;
    if (code < 128) cls = classes[code];
    else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        code = text.codePointAt(i) ?? code;
        width = code > 0xffff ? 2 : 1;
      }
      cls = classOf(code);
    }
    if (cls === SPACE) {
      if (code === 10) sawBreak = true;
      i += width;
      continue;
    }
    const start = i;
    let ascii = code < 128;
    i += width;
    if (cls === WORD) {
      while (i < n) {
        let c = text.charCodeAt(i);
        if (c < 128) {
          if (classes[c] !== WORD) break;
          i += 1;
          continue;
        }
        ascii = false;
        let w = 1;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          c = text.codePointAt(i) ?? c;
          w = c > 0xffff ? 2 : 1;
        }
        if (classOf(c) !== WORD) break;
        i += w;
      }
    }
    const raw = text.slice(start, i);
    let kind: TokenKind;
    let norm: string;
    let cap = false;
    let upper = false;
    if (cls !== WORD) {
      kind = 'punct';
      norm = APOSTROPHES.has(raw) ? "'" : HYPHENS.has(raw) ? '-' : raw;
    } else {
      const c0 = raw.charCodeAt(0);
      kind = ((c0 >= 48 && c0 <= 57) || c0 > 127) && DIGITS_RE.test(raw) ? 'num' : 'word';
      norm = normWord(raw, ascii);
      if (kind === 'word') {
        const ch = raw[0];
        cap = ch !== norm[0] && ch === ch.toUpperCase();
        upper = cap && raw.length >= 2 && raw === raw.toUpperCase();
      }
    }
    const first = tokens.length === 0;
    tokens.push({
      start,
      end: i,
      text: raw,
      norm,
      stem: stem && kind === 'word' ? stem(norm) : norm,
      kind,
      cap,
      upper,
      space: first || start > prevEnd,
      newline: first || sawBreak,
    });
    sawBreak = false;
    prevEnd = i;
  }
  return tokens;
}

const FIRST_TOKEN = /^\s*(?:([\p{L}\p{M}\p{N}]+)|(\S))/u;

/**
 * The first token of a name, as `tokenize` would give it, from one native regex match: tries
 * file every name under its first key when they are built, so this must be cheap.
 */
export function firstTokenOf(name: string): { text: string; norm: string } | null {
  const m = FIRST_TOKEN.exec(name);
  if (!m) return null;
  if (m[1] === undefined) {
    const t = tokenize(m[2])[0];
    return t ? { text: t.norm, norm: t.norm } : null;
  }
  return { text: m[1], norm: normWord(m[1]) };
}

const KEY_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const FOLD_PUNCT = /[\u2019\u2018\u02bc`\u00b4\u2032\u2010\u2011\u00ad]/g;
const FIRST_KEYS_RE = /^(?:[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}])/gmu;

/**
 * First-token keys of many trimmed one-line names, from one pass over the joined list: `norm`
 * keys, or the tokens as written when `asWritten`. Null when a name is empty or spans lines.
 */
export function firstKeysOf(names: readonly string[], asWritten: boolean): string[] | null {
  const joined = names.join('\n');
  const text = asWritten ? joined : foldKeys(joined);
  const firsts = text.match(FIRST_KEYS_RE);
  return firsts && firsts.length === names.length ? firsts : null;
}

/** What `normWord` and the punctuation folding of `tokenize` do, on a whole string. */
function foldKeys(s: string): string {
  let t = s.toLowerCase();
  if (NEEDS_NFC.test(t)) t = t.normalize('NFC');
  if (t.includes('ß')) t = t.replace(/ß/g, 'ss');
  return t.replace(FOLD_PUNCT, (c) => (c === '\u2010' || c === '\u2011' || c === '\u00ad' ? '-' : "'"));
}

/**
 * Tokens of a gazetteer string (label, alias, role form), as their `norm` keys: the same keys
 * `tokenize` gives, from one native regex pass (tables are compiled from thousands of these).
 */
export function keysOf(s: string): string[] {
  return foldKeys(s).match(KEY_RE) ?? [];
}

const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
const OPENERS = new Set(['«', '"', '“', '„', '(', '[', '‹', '»', '—', '–', '-', '•', "'", '‘']);

/**
 * True when token `i` begins a sentence, paragraph or quote, where capitalisation says nothing
 * about whether a word is a name.
 */
export function isSentenceStart(tokens: readonly Token[], i: number): boolean {
  let j = i;
  while (j >= 0) {
    const t = tokens[j];
    if (t.newline) return true;
    const p = tokens[j - 1];
    if (!p) return true;
    if (p.kind === 'punct' && SENTENCE_END.has(p.norm)) return true;
    if (p.kind === 'punct' && OPENERS.has(p.norm)) { j -= 1; continue; }
    return false;
  }
  return true;
}
