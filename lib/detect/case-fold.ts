/**
 * Case-insensitive word lists without the `i` flag.
 *
 * V8 compiles a regex with both `i` and `u` and a Unicode class (`\p{L}`, `\S`) several times
 * slower, and into larger code, than the same regex without `i`: it closes every class over case.
 * The date and number-word regexes are built per language on the first text in that language,
 * so that cost fell on the first call. Writing each letter of a listed word as the class of its
 * case variants (`Mai` → `[mM][aA][iI]`) and dropping `i` matches exactly the same strings;
 * `tests/unit/detect-case-fold.test.ts` checks the classes against `/iu` over the whole BMP.
 */

// Characters outside a letter's lower/upper pair that Unicode simple case folding (what `/iu`
// compares) maps onto it: KELVIN SIGN, LATIN SMALL LETTER LONG S, ANGSTROM SIGN, CAPITAL SHARP S.
const FOLDED_IN: Readonly<Record<string, string>> = { k: '\u212a', s: '\u017f', å: '\u212b', ß: '\u1e9e' };

const LETTER = /\p{L}/u;
const single = (s: string) => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/** A regex source matching `ch` in any case, as `/ch/iu` would; `ch` itself when it has no case. */
export function caseClass(ch: string): string {
  if (!LETTER.test(ch)) return ch;
  const forms = new Set([ch, ch.toLowerCase(), ch.toUpperCase()].filter(single));
  for (const f of [...forms]) {
    const extra = FOLDED_IN[f.toLowerCase()];
    if (extra) forms.add(extra);
  }
  return forms.size === 1 ? ch : `[${[...forms].join('')}]`;
}

/** `source` (an escaped literal: no letter in it is part of an escape) with every letter caseless. */
export function caseless(source: string): string {
  let out = '';
  for (const ch of source) out += caseClass(ch);
  return out;
}
