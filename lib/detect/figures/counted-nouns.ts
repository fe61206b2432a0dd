/**
 * What follows a number: `%` or a percent word, a currency, a time unit (a duration or an age),
 * a month (a date), or the counted head noun, possibly after a few modifiers
 * (`nearly 200,000 irregular border crossings`) and before a fixed post-modifier
 * (`400 mineurs non accompagnés`).
 */
import type { LangTables, Noun } from './lang-tables';
import { splitElisions } from './phrase-map';
import { isCapitalized, skipSpaces, wordsAfter, type Word } from './text-scan';

export type Tail =
  | { kind: 'percent'; end: number }
  | { kind: 'money'; end: number; code: string; scale?: number }
  | { kind: 'noun'; end: number; noun: Noun }
  /** A word that looks like the counted noun but is in no list: unit and category `other`. */
  | { kind: 'generic'; end: number }
  /** A time unit: a duration, unless the context makes it an age. `key` is the unit word. */
  | { kind: 'time'; end: number; key: string }
  | { kind: 'clock' }
  | { kind: 'date' }
  /** A fraction (`deux tiers`) or a multiplier (`trois fois`): no figure. */
  | { kind: 'reject' }
  | { kind: 'none' };

const LATIN = /^\p{Script=Latin}/u;

/** Modifiers allowed between the number and a known head noun. */
const MAX_MODIFIERS = 3;

/** A known noun for one word; German and Dutch also by inflection and by the last part of a compound. */
export function lookupNoun(word: Word, t: LangTables): Noun | undefined {
  const direct = t.nouns.get(word.key);
  if (direct || (t.lang !== 'de' && t.lang !== 'nl')) return direct;
  const forms = [word.key];
  if (word.key.endsWith('n')) forms.push(word.key.slice(0, -1));
  for (const form of forms) {
    const n = t.nouns.get(form);
    if (n) return n;
    for (let i = 3; i <= form.length - 4; i++) {
      const part = t.nouns.get(form.slice(i));
      if (part) return part;
    }
  }
  return undefined;
}

function isNumberWord(w: Word, t: LangTables): boolean {
  const words = t.words;
  return !!words && (words.cardinals.has(w.key) || words.scaleWords.has(w.key));
}

/** A word that can be an unlisted counted noun (`Dix pays`, `24 Stimmen`, `35 cas`). */
function looksLikeNoun(w: Word, t: LangTables): boolean {
  if (!t.lang || t.stopwords.has(w.key) || isNumberWord(w, t) || w.key.length < 3) return false;
  if (t.words?.linkers.has(w.key) || t.clockAfter.has(w.key) || w.key.includes("'")) return false;
  // Only words in the article's (Latin) script: `27 مهاجرا` in an English page is no counted noun.
  if (!LATIN.test(w.raw)) return false;
  if (t.lang === 'de') return isCapitalized(w.raw);
  if (w.raw !== w.key) return false;
  return !(t.lang === 'en' && /(?:ed|ly|ing)$/.test(w.key));
}

/**
 * The head noun within a few words, extended by a people noun (`3 missing people`) or a
 * post-modifier; a time unit after modifiers makes a duration (`four straight years`).
 */
function readNoun(words: Word[], from: number, t: LangTables): Tail | null {
  for (let j = from; j < words.length && j <= from + MAX_MODIFIERS; j++) {
    const phrase = t.nouns.match(words, j);
    const single = phrase ? undefined : lookupNoun(words[j]!, t);
    if (phrase || single) {
      let noun = phrase ? phrase.value : single!;
      let last = j + (phrase ? phrase.count : 1) - 1;
      const next = words[last + 1];
      const people = next ? lookupNoun(next, t) : undefined;
      if (people && people.category === 'people' && noun.unit === 'people') {
        if (noun.category === 'people' || noun.category === 'other') noun = people;
        last += 1;
      }
      if (noun.unit === 'people') {
        const post = t.postModifiers.match(words, last + 1);
        if (post) last += post.count;
      }
      return { kind: 'noun', end: words[last]!.end, noun };
    }
    const w = words[j]!;
    if (t.modifiers.has(w.key)) continue;
    if (t.timeUnits.has(w.key)) return { kind: 'time', end: w.end, key: w.key };
    if (t.stopwords.has(w.key) || t.months.has(w.key) || isNumberWord(w, t)) return null;
    // In German the first capitalised word is the noun: an unknown one ends the search.
    if (t.lang === 'de' && isCapitalized(w.raw)) return null;
  }
  return null;
}

/**
 * Reads what follows the number ending at `pos`. `linked`: the number ends in a scale or
 * approximate noun, so a linker may come first (`millions d'euros`, `une centaine de migrants`).
 * `single`: skip a word like `seul` (`un seul survivant`).
 */
export function readTail(text: string, pos: number, t: LangTables, linked: boolean, single = false): Tail {
  const p = skipSpaces(text, pos, 1);
  const c = text[p];
  if (c === '%' || c === '‰') return { kind: 'percent', end: p + 1 };
  for (const [sign, code] of t.signs) if (text.startsWith(sign, p)) return { kind: 'money', end: p + sign.length, code };
  const raw = wordsAfter(text, pos, 8);
  const first = raw[0];
  if (!first || first.start - pos > 2) return { kind: 'none' };
  // `10 M€`, `2 Md€`
  if (text[first.end] === '€') {
    const m = t.currencyWords.get(`${first.key}€`);
    if (m) return { kind: 'money', end: first.end + 1, code: m.code, scale: m.scale };
  }
  if ((first.key === 'a' || first.key === 'p') && text.slice(first.end, first.end + 3).toLowerCase() === '.m.') return { kind: 'clock' };
  const words = splitElisions(raw);
  if (t.codes.has(first.raw)) return { kind: 'money', end: first.end, code: first.raw };
  const percent = t.percentWords.match(words, 0);
  if (percent) return { kind: 'percent', end: words[percent.count - 1]!.end };
  let from = 0;
  if (linked && t.words?.linkers.has(words[0]!.key)) from = 1;
  const money = t.currencyWords.match(words, from);
  if (money) return { kind: 'money', end: words[from + money.count - 1]!.end, ...money.value };
  const head = words[from];
  if (!head) return { kind: 'none' };
  if (t.clockAfter.has(head.key) && from === 0) return { kind: 'clock' };
  if (t.timeUnits.has(head.key)) return { kind: 'time', end: head.end, key: head.key };
  const month = head.key === 'de' ? words[from + 1] : head;
  if (month && t.months.has(month.key)) return { kind: 'date' };
  if (t.fractions.has(head.key) || t.notCounts.has(head.key)) return { kind: 'reject' };
  if (single && t.words?.single.has(head.key)) from += 1;
  const noun = readNoun(words, from, t);
  if (noun) return noun;
  const generic = from === 0 ? genericHead(words, t) : undefined;
  return generic ? { kind: 'generic', end: generic.end } : { kind: 'none' };
}

/**
 * An unlisted head noun. English and Dutch put adjectives first, so within a short run of
 * plausible words the first plural-looking one is the head (`five aero flaps`, `drie grote boten`).
 */
function genericHead(words: readonly Word[], t: LangTables): Word | undefined {
  const first = words[0];
  if (!first) return undefined;
  if (t.lang === 'en') {
    // Names may modify an English noun (`30 Boeing jets`); the head itself is lower case.
    for (let i = 0; i < 3 && words[i]; i++) {
      const w = words[i]!;
      if (looksLikeNoun(w, t)) {
        if (/[^s]s$/.test(w.key)) return w;
      } else if (!(isCapitalized(w.raw) && LATIN.test(w.raw))) break;
    }
    return looksLikeNoun(first, t) ? first : undefined;
  }
  if (!looksLikeNoun(first, t)) return undefined;
  if (t.lang !== 'nl') return first;
  for (let i = 0; i < 3 && words[i] && looksLikeNoun(words[i]!, t); i++) {
    if (/(?:[^e]|[^e]e)n$|s$/.test(words[i]!.key)) return words[i];
  }
  return first;
}
