/**
 * Refines the category of a count of people from the words next to it: a verb or participle
 * right after the noun (`27 personnes sont mortes`, `1 200 migrants secourus`, `I 40 migranti
 * sono sbarcati`) or a verb or event noun just before the figure (`a secouru 53 personnes`,
 * `the arrival of more than a million people`). One general rule over the stems of
 * `figures-context.json`, no per-page cases.
 */
import type { FigureCategory } from '../types';
import type { LangTables } from './lang-tables';
import { joinKeys, splitElisions } from './phrase-map';
import { wordsAfter, wordsBefore } from './text-scan';

/** Words looked at on each side; the clause usually ends sooner (punctuation stops the window). */
const AFTER = 5;
const BEFORE = 3;

function window(words: ReturnType<typeof wordsAfter>): string {
  const split = splitElisions(words);
  return ` ${joinKeys(split, 0, split.length)}`;
}

/**
 * The category a cue next to the span gives, or null: the nearest cue after, else the nearest
 * before. `floor`: end of the previous figure, whose noun is no cue for this one
 * (`veintisiete cadáveres y doscientas personas`).
 */
export function cueCategory(text: string, start: number, end: number, floor: number, t: LangTables): FigureCategory | null {
  if (t.cues.length === 0) return null;
  const after = window(wordsAfter(text, end, AFTER));
  let best: { at: number; category: FigureCategory } | null = null;
  for (const cue of t.cues) {
    const at = after.indexOf(` ${cue.stem}`);
    if (at >= 0 && (!best || at < best.at)) best = { at, category: cue.category };
  }
  if (best) return best.category;
  const before = window(wordsBefore(text, start, BEFORE, t.abbreviations).filter((w) => w.start >= floor).reverse());
  for (const cue of t.cues) {
    const at = before.lastIndexOf(` ${cue.stem}`);
    if (at >= 0 && (!best || at > best.at)) best = { at, category: cue.category };
  }
  return best?.category ?? null;
}
