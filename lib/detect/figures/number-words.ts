/**
 * Numbers written in words: `vingt-sept`, `Quatre cents`, `twenty-seven`, `siebenundzwanzig`,
 * `zevenentwintig`, `ventisei`, `veintisiete`, `treinta y dos`, `une dizaine`, `a dozen`,
 * `un million`. German, Dutch, Italian and Spanish write a number as one word, which is cut into
 * the morphemes of `figures-number-words.json`.
 */
import type { NumberWordTables } from './lang-tables';
import { wordAt, isCapitalized } from './text-scan';

export type WordNumber = {
  start: number;
  end: number;
  value: number;
  /** Only a word for 1 that is also an article (`un`, `a`, `ein`, `een`, `una`). */
  onlyOne: boolean;
  /** Ends in an approximate noun (`une dizaine`, `un centinaio`): qualifier `about`. */
  approximate: boolean;
  /** Ends in a noun (`dozen`, `dizaine`, `million`) after which de/d'/di/of may link the counted noun. */
  nounLike: boolean;
  /** Also an ordinary word (`neuf`, `sei`, `venti`) or an ambiguous approximate noun: needs a known counted noun. */
  needsNoun: boolean;
  /** The first word is capitalised. */
  capitalized: boolean;
};

const CONNECTOR = -1;

/** Morphemes of one word, e.g. `siebenundzwanzig` → [7, CONNECTOR, 20]; null when it is not a number. */
function segment(word: string, t: NumberWordTables): number[] | null {
  const direct = t.cardinals.get(word) ?? t.scaleWords.get(word);
  if (direct !== undefined) return [direct];
  if (!t.compound || word.length > 40) return null;
  // Depth-first over morphemes, longest first; words are short, so this stays tiny.
  const failed = new Set<number>();
  const walk = (i: number): number[] | null => {
    if (i === word.length) return [];
    if (failed.has(i)) return null;
    for (const m of t.morphemes) {
      if (!word.startsWith(m.text, i)) continue;
      const rest = walk(i + m.text.length);
      if (rest) return [m.value, ...rest];
    }
    failed.add(i);
    return null;
  };
  const parts = walk(0);
  if (!parts || parts[0] === CONNECTOR || parts[parts.length - 1] === CONNECTOR) return null;
  // sieben-und-zwanzig: the unit comes before the ten; put it after so values decrease.
  for (let i = 0; i + 2 < parts.length; i++) {
    const u = parts[i]!, c = parts[i + 1]!, ten = parts[i + 2]!;
    if (c === CONNECTOR && u < 10 && ten >= 20 && ten < 100) {
      parts.splice(i, 3, ten, u);
    }
  }
  return parts.includes(CONNECTOR) ? null : parts;
}

/**
 * Adds up morpheme values (`cent vingt` 120, `deux mille` 2000, `mil millones` 10⁹); null when
 * the sequence is not a well-formed number (`deux trois`, `sept vingt`).
 */
export function combine(values: readonly number[]): number | null {
  let total = 0, cur = 0, lastAdd = Infinity, lastMul = Infinity;
  for (const v of values) {
    if (v === 100) {
      if (cur >= 100) return null;
      cur = (cur || 1) * 100;
      lastAdd = 100;
    } else if (v >= 1000) {
      if (cur === 0 && total > 0 && total < v) total *= v;
      else {
        if (v >= lastMul) return null;
        total += (cur || 1) * v;
      }
      cur = 0;
      lastMul = v;
      lastAdd = Infinity;
    } else {
      if (v >= lastAdd) return null;
      cur += v;
      lastAdd = v;
    }
  }
  return total + cur;
}

/** Numeric parts of a written word (`quatre-vingt-dix` → [80, 10]), or null. */
function partsOf(key: string, t: NumberWordTables, first: boolean): number[] | null {
  const pieces = key.split(/[-\u2011]/);
  const out: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (t.lang === 'fr' && p === 'quatre' && (pieces[i + 1] === 'vingt' || pieces[i + 1] === 'vingts')) {
      out.push(80);
      i++;
      continue;
    }
    if (t.connectors.has(p) && i > 0 && i < pieces.length - 1) continue;
    if (t.one.has(p) && (i > 0 || !first || pieces.length > 1)) { out.push(1); continue; }
    const seg = segment(p, t);
    if (!seg) return null;
    out.push(...seg);
  }
  return out;
}

/** The value of one written word (`ventisei` → 26), or null when it is not a number. */
export function valueOfWord(key: string, t: NumberWordTables): number | null {
  const parts = partsOf(key, t, false);
  return parts ? combine(parts) : null;
}

/**
 * The written number starting at `pos`, or null. Reads words joined by spaces or hyphens as long
 * as they still form one number, and an approximate noun after it (`une centaine`).
 */
export function readWordNumber(text: string, pos: number, t: NumberWordTables): WordNumber | null {
  const first = wordAt(text, pos);
  if (!first || first.start !== pos) return null;
  let values: number[] = [];
  let onlyOne = false;
  let end = first.end;
  let value: number;
  let nounLike = false;
  let needsNoun = false;
  if (t.one.has(first.key)) {
    onlyOne = true;
    values = [1];
    value = 1;
  } else {
    if (t.notAlone.has(first.key)) return null;
    const parts = partsOf(first.key, t, true);
    if (!parts) return null;
    const v = combine(parts);
    if (v === null || v === 0) return null;
    values = parts;
    value = v;
    needsNoun = t.ambiguous.has(first.key);
    nounLike = t.scaleWords.has(first.key);
  }
  // Further words: `Quatre cents`, `two hundred and fifty`, `treinta y dos`, `un million`.
  let p = end;
  let afterConnector = false;
  for (let i = 0; i < 6; i++) {
    const w = wordAt(text, p);
    if (!w || w.start - p > 2) break;
    if (t.connectors.has(w.key) && !afterConnector) { afterConnector = true; p = w.end; continue; }
    // A lone article after a number is the next phrase (`twenty a day`), not part of it.
    if (t.one.has(w.key) && !afterConnector && !t.oneNumeral.has(w.key)) break;
    const parts = partsOf(w.key, t, false);
    if (!parts) break;
    afterConnector = false;
    const next = [...values, ...parts];
    const v = combine(next);
    if (v === null) break;
    values = next;
    value = v;
    end = w.end;
    p = w.end;
    onlyOne = false;
    needsNoun = false;
    nounLike = t.scaleWords.has(w.key);
  }
  // `une dizaine`, `a dozen`, `deux centaines` is vague plural and not listed.
  let approximate = false;
  const after = wordAt(text, end);
  if (after && after.start - end <= 2) {
    const approx = t.approx.get(after.key);
    if (approx) {
      value = value * approx.value;
      approximate = !approx.exact;
      end = after.end;
      onlyOne = false;
      nounLike = true;
      needsNoun = t.approxNeedingNoun.has(after.key);
    }
  }
  return { start: pos, end, value, onlyOne, approximate, nounLike, needsNoun, capitalized: isCapitalized(first.raw) };
}
