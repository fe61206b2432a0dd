import type { Token } from './tokenize';

/**
 * Capitalised-name chains: the run of capitalised words (with hyphenated parts and numbers that
 * belong to a name, "Utopia 56", "Boulogne-sur-Mer") starting at a token.
 */

// Capitalised words that start clauses, not names.
const FUNCTION_CAPS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'in', 'on', 'at',
  'for', 'by', 'with', 'and', 'but', 'or', 'if', 'as', 'of', 'to', 'from', 'after', 'before', 'since', 'while', 'when',
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'en', 'dans', 'pour', 'par', 'sur', 'avec', 'selon', 'il', 'elle',
  'der', 'die', 'das', 'ein', 'eine', 'und', 'im', 'am', 'zum', 'zur', 'mit', 'von', 'für', 'auf', 'bei', 'nach', 'er', 'sie', 'es',
  'het', 'een', 'van', 'op', 'met', 'voor', 'bij', 'naar', 'lo', 'gli', 'i', 'uno', 'una', 'di', 'da', 'con', 'per', 'tra', 'fra',
  'el', 'los', 'las', 'y', 'con', 'según', 'por', 'para', 'del', 'al', 'nel', 'nella', 'sul', 'sulla', 'dal', 'dalla', 'ma', 'mais',
]);

const MONTHS_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'montag', 'dienstag', 'mittwoch', 'donnerstag',
  'freitag', 'samstag', 'sonntag', 'januari', 'februari', 'maart', 'augustus', 'montagmorgen',
]);

export function isFunctionCap(t: Token): boolean {
  return FUNCTION_CAPS.has(t.norm);
}

export function isMonthOrDay(t: Token): boolean {
  return MONTHS_DAYS.has(t.norm);
}

/** A word that can be part of a name: capitalised, not a clause-opening function word. */
export function isNameWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.cap && !isFunctionCap(t) && !isMonthOrDay(t);
}

/**
 * End (exclusive token index) of the capitalised chain starting at `i`, or `i` when token `i`
 * does not start one. `maxWords` bounds the chain; `particles` (lower-case words such as `de`,
 * `von`) may join two capitalised words; `numbers` lets a short number end the chain.
 */
export function capChainEnd(
  tokens: readonly Token[],
  i: number,
  opts: { maxWords?: number; particles?: ReadonlySet<string>; numbers?: boolean; stop?: ReadonlySet<string> } = {},
): number {
  const maxWords = opts.maxWords ?? 5;
  if (!isNameWord(tokens[i]) && !(tokens[i]?.upper)) return i;
  let end = i + 1;
  let words = 1;
  while (end < tokens.length && words < maxWords) {
    const t = tokens[end];
    if (t.newline) break;
    // Hyphenated continuation: "Sea-Watch", "Boulogne-sur-Mer"; a lower-case part only inside
    // ("sur" above), not at the end ("London-based").
    const part = tokens[end + 1];
    if (t.norm === '-' && !t.space && part && !part.space && part.kind !== 'punct') {
      const inner = tokens[end + 2]?.norm === '-' && !tokens[end + 2].space && tokens[end + 3]?.cap;
      if (part.kind === 'word' && !part.cap && !inner) break;
      end += 2;
      continue;
    }
    if (!t.space) break;
    if (opts.stop?.has(t.norm)) break;
    if (isNameWord(t) || (t.upper && t.kind === 'word')) {
      end += 1;
      words += 1;
      continue;
    }
    if (opts.particles && opts.particles.has(t.norm) && isNameWord(tokens[end + 1]) && tokens[end + 1].space) {
      end += 2;
      words += 2;
      continue;
    }
    if (opts.numbers && t.kind === 'num' && t.text.length <= 3) {
      end += 1;
      break;
    }
    break;
  }
  return end;
}
