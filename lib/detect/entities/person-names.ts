import notSurnamesData from '../data/entities-not-surnames.json';
import type { Lang } from '../types';
import { isNameWord } from './names';
import type { NamesTable, PeopleTable, PersonEntry } from './tables';
import { keysOf, normWord, type Token } from './tokenize';
import { LazyTokenTrie, TokenTrie } from './trie';

/**
 * The people gazetteer and the name lists compiled for matching: full names and aliases of
 * `people.json` in a trie, their surnames in an index, given names, honorifics and particles of
 * `names.json` in sets. Built once per table.
 */

export type CompiledPeople = {
  /** Full names and aliases → person. */
  known: LazyTokenTrie<PersonEntry>;
  /** Last word of a full name ("darmanin", "leyen") → people with that name. */
  readonly surnames: ReadonlyMap<string, PersonEntry[]>;
  readonly given: ReadonlySet<string>;
  readonly ambiguous: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  /** Honorifics; the value says whether the text must capitalise it ("Mr", not "mevrouw"). */
  readonly honorifics: Partial<Record<Lang, TokenTrie<boolean>>>;
  /** Nouns that end names of places and venues, never surnames ("Bay", "Amphitheatre"). */
  readonly notSurnames: ReadonlySet<string>;
};

const NOT_SURNAMES = new Set((notSurnamesData as { words: string[] }).words.map((w) => normWord(w)));

const cache = new WeakMap<PeopleTable, WeakMap<NamesTable, CompiledPeople>>();

export function peopleFor(people: PeopleTable, names: NamesTable): CompiledPeople {
  let inner = cache.get(people);
  if (!inner) {
    inner = new WeakMap();
    cache.set(people, inner);
  }
  let c = inner.get(names);
  if (!c) {
    c = compilePeople(people, names);
    inner.set(names, c);
  }
  return c;
}

/**
 * Surname of a full name: what follows the given names ("Ursula von der Leyen" → "von der
 * Leyen", "Juan Ignacio Zoido" → "Zoido", "Jean-Marc Ayrault" → "Ayrault").
 */
export function surnameKeys(name: string, given: ReadonlySet<string>): string[] {
  const keys = keysOf(name);
  let start = keys.findIndex((k) => /\p{L}/u.test(k)) + 1;
  for (;;) {
    if (keys[start] === '-' && keys[start + 1]) start += 2;
    else if (given.has(keys[start]) && keys.length - start > 1) start += 1;
    else break;
  }
  return keys.slice(start);
}

/** Lower-cased, `ß` folded, in one native pass over the joined list (thousands of names). */
function normalisedSet(list: readonly string[]): Set<string> {
  return new Set(list.join('\n').toLowerCase().replace(/ß/g, 'ss').split('\n'));
}

function lastWord(name: string): string {
  const keys = keysOf(name);
  return keys[keys.length - 1] ?? '';
}

/** Compiles the tables; each part is built the first time it is used. */
export function compilePeople(people: PeopleTable, names: NamesTable): CompiledPeople {
  const known = new LazyTokenTrie<PersonEntry>();
  const knownNames: string[] = [];
  const knownPeople: PersonEntry[] = [];
  for (const p of people.entries) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      if (!/\s/.test(n.trim())) continue;
      knownNames.push(n);
      knownPeople.push(p);
    }
  }
  known.addNames(knownNames, knownPeople);
  const once = <T>(build: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= build());
  };
  const given = once(() => normalisedSet(names.given ?? []));
  const ambiguous = once(() => normalisedSet(names.ambiguous ?? []));
  // Looked up with one word ("Darmanin" after an office): the last word of each full name.
  const surnames = once(() => {
    const index = new Map<string, PersonEntry[]>();
    for (const p of people.entries) {
      const k = lastWord(p.name);
      const list = index.get(k);
      if (!list) index.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    }
    return index;
  });
  const particles = once(() => {
    const set = new Set<string>();
    for (const p of names.particles ?? []) for (const k of keysOf(p)) set.add(k);
    return set;
  });
  const honorifics = once(() => {
    const out: Partial<Record<Lang, TokenTrie<boolean>>> = {};
    for (const [lang, list] of Object.entries(names.honorifics ?? {})) {
      const trie = new TokenTrie<boolean>();
      for (const h of list ?? []) trie.add(keysOf(h), /^\p{Lu}/u.test(h));
      out[lang as Lang] = trie;
    }
    return out;
  });
  return {
    known,
    get surnames() {
      return surnames();
    },
    get given() {
      return given();
    },
    get ambiguous() {
      return ambiguous();
    },
    get particles() {
      return particles();
    },
    get honorifics() {
      return honorifics();
    },
    notSurnames: NOT_SURNAMES,
  };
}

/**
 * End of a surname run starting at `i` (the caller checks that `i` is on the same line as what
 * introduces the name): up to `maxWords` capitalised words, hyphenated parts and
 * lower-case particles between them ("von der Leyen", "De Bolle", "Heufer-Umlauf"). Returns `i`
 * when no capitalised word follows.
 */
export function surnameEnd(tokens: readonly Token[], i: number, c: CompiledPeople, maxWords = 2): number {
  let j = i;
  let words = 0;
  let end = i;
  while (j < tokens.length && words < maxWords) {
    const t = tokens[j];
    if (j > i && (t.newline || !t.space)) break;
    // A middle initial ("Donald J. Trump") belongs to the name only if a surname follows it.
    if (t.cap && t.text.length === 1 && tokens[j + 1]?.norm === '.' && !tokens[j + 1].space) {
      if (isNameWord(tokens[j + 2]) && tokens[j + 2].space) {
        j += 2;
        continue;
      }
      break;
    }
    // "San Francisco Bay Area", "Shoreline Amphitheatre": a place, not a person.
    if (c.notSurnames.has(t.norm)) return i;
    if (isNameWord(t) && !t.upper && !(t.text.length === 1 && tokens[j + 1]?.norm === '.')) {
      j += 1;
      words += 1;
      // Hyphenated surname: "Heufer-Umlauf".
      while (tokens[j]?.norm === '-' && !tokens[j].space && isNameWord(tokens[j + 1]) && !tokens[j + 1].space) j += 2;
      end = j;
      continue;
    }
    // Particles only between the given name and the surname: "Ursula von der Leyen", not
    // "Eric van der Burg van Justitie". Belgian names capitalise theirs: "Vincent Van Peteghem".
    if (words === 0 && c.particles.has(t.norm) && !t.upper) {
      let k = j;
      while (k < tokens.length && c.particles.has(tokens[k].norm) && !tokens[k].upper && tokens[k].space) k += 1;
      if (isNameWord(tokens[k]) && tokens[k].space) {
        j = k;
        continue;
      }
    }
    break;
  }
  return words > 0 ? end : i;
}
