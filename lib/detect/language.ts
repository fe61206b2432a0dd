/**
 * Which of the six supported languages a text is in, or `null` when it is in another language or
 * cannot be told.
 *
 * The page's declared language wins when there is one (`<html lang="fr-FR">`); a declared language
 * outside the six means "not supported" and is not second-guessed. Without a declaration the text is
 * scored on function words (`data/language-stopwords.json`). The lists include a dozen other
 * European languages so that a Portuguese or Polish text is recognised as such and rejected rather
 * than forced into the nearest supported language; non-Latin scripts are rejected outright.
 *
 * Why not franc-min: bundled and minified it weighs ~55 KB gzip, nearly the whole 60 KB budget of
 * the content-script detector, and with `only` it cannot say "none of these". This module with its
 * word lists is ~3.5 KB gzip and enough for article-length text, the only input here.
 */
import type { Lang } from './types';
import { SUPPORTED_LANGS } from './types';
import stopwords from './data/language-stopwords.json';

/** Shape of `data/language-stopwords.json`. */
type StopwordTable = {
  version: number;
  source: string;
  supported: Record<Lang, string[]>;
  others: Record<string, string[]>;
};

/** ISO 639-2 codes (bibliographic and terminological) some sites declare instead of ISO 639-1. */
const ALIASES: Record<string, Lang> = { fra: 'fr', fre: 'fr', eng: 'en', deu: 'de', ger: 'de', nld: 'nl', dut: 'nl', ita: 'it', spa: 'es' };
/** Tags that say nothing about the language: undetermined, multiple, no linguistic content, uncoded. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/** Only the start of a long text is read: enough words, bounded time. */
const SAMPLE_CHARS = 4_000;
const LATIN = /^\p{Script=Latin}/u;
/** Fewer function-word hits than this: too short to decide. */
const MIN_SCORE = 2.5;
/** The best language must beat the runner-up by this factor. */
const MIN_MARGIN = 1.3;
/** Share of the words that must be function words of the best language (rejects word salad). */
const MIN_COVERAGE = 0.08;

/** `x` is one of the six language codes with full detection (exact lower-case code, no region). */
export function isSupportedLang(x: unknown): x is Lang {
  return typeof x === 'string' && (SUPPORTED_LANGS as readonly string[]).includes(x);
}

/**
 * A declared language tag (`fr-FR`, `en_GB`, `DE`, `fra`) as a supported language, `'other'` for a
 * real tag outside the six, or `undefined` when there is no usable declaration (missing, empty,
 * `und`, not a language tag).
 */
function normaliseDeclared(declared: unknown): Lang | 'other' | undefined {
  if (typeof declared !== 'string') return undefined;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/.exec(declared.trim().toLowerCase());
  if (!m || NO_LANGUAGE.has(m[1])) return undefined;
  if (isSupportedLang(m[1])) return m[1];
  return ALIASES[m[1]] ?? 'other';
}

let weights: Map<string, [string, number][]> | undefined;

/** word → languages listing it, each with weight 1/(number of languages listing the word). */
function wordWeights(): Map<string, [string, number][]> {
  if (weights) return weights;
  const table = stopwords as StopwordTable;
  const langsOf = new Map<string, string[]>();
  for (const [lang, words] of [...Object.entries(table.supported), ...Object.entries(table.others)]) {
    for (const w of words) langsOf.set(w, [...(langsOf.get(w) ?? []), lang]);
  }
  weights = new Map([...langsOf].map(([w, langs]) => [w, langs.map((l) => [l, 1 / langs.length] as [string, number])]));
  return weights;
}

/** Detects the language of `text` among the six, or null (other language, other script, too little text). */
function detectLanguage(text: string): Lang | null {
  const table = wordWeights();
  const scores = new Map<string, number>();
  let words = 0, latinChars = 0, otherChars = 0;
  const sample = text.slice(0, SAMPLE_CHARS);
  const word = /\p{L}+/gu;
  for (let m = word.exec(sample); m; m = word.exec(sample)) {
    words++;
    if (!LATIN.test(m[0])) {
      otherChars += m[0].length;
      continue;
    }
    latinChars += m[0].length;
    const hits = table.get(m[0].toLowerCase());
    if (hits) for (const [lang, w] of hits) scores.set(lang, (scores.get(lang) ?? 0) + w);
  }
  // Mostly another script (Arabic, Cyrillic, Greek, CJK…): none of the six.
  if (otherChars > latinChars) return null;
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0], ranked[1]];
  if (!best || best[1] < MIN_SCORE || best[1] / words < MIN_COVERAGE) return null;
  if (second && best[1] < second[1] * MIN_MARGIN) return null;
  return isSupportedLang(best[0]) ? best[0] : null;
}

/**
 * The language to detect mentions in: the declared language when it is given and supported
 * (`fr-FR` → `fr`); null when it is given but unsupported (`pt`); otherwise detected from the text,
 * null when the text is in another language or too short to tell.
 */
export function resolveLanguage(text: string, declared?: string | null): Lang | null {
  const d = normaliseDeclared(declared);
  if (d === 'other') return null;
  if (d) return d;
  return typeof text === 'string' && text.length > 0 ? detectLanguage(text) : null;
}
