import { complementAt, type BodyPhrase } from './body-phrase';
import { matchGazetteerAt, type CompiledGazetteer } from './gazetteer';
import { nationalityBefore, type Lexicon } from './lexicon';
import { isFunctionCap, isMonthOrDay, isNameWord } from './names';
import { isSentenceStart, type Token } from './tokenize';
import { compoundPrev } from './words';

/**
 * German compounds: "Bundesinnenministeriums", "EU-Grenzschutzagentur", "Ifo-Instituts",
 * "griechische Küstenwache", "Deutschen Landkreistags". A ministry compound names one body on its
 * own; other endings ("-gericht", "-tag", "-hof") need a qualifier: "Bundes-", a body or name
 * joined by a hyphen, a nationality, a capitalised adjective or a complement.
 */
export function germanCompound(tokens: readonly Token[], i: number, lex: Lexicon, gaz: CompiledGazetteer): BodyPhrase | null {
  const t = tokens[i];
  if (t.kind !== 'word' || !t.cap || isMonthOrDay(t) || isFunctionCap(t)) return null;
  const hyphenated = compoundPrev(tokens, i) && isNameWord(tokens[i - 2]);
  const found = compoundHead(t.norm, lex, hyphenated);
  if (!found) return null;
  let from = i;
  let to = i + 1;
  let country: string | undefined;
  let qualified = found.alone || found.prefix.startsWith('bundes');
  if (hyphenated || (compoundPrev(tokens, i) && tokens[i - 2].upper)) {
    // "EU-Grenzschutzagentur": a body joined by a hyphen; "Ifo-Institut", "Robert-Koch-Institut": a name.
    const g = matchGazetteerAt(gaz, tokens, i - 2);
    if (g && g.to === i - 1) country = g.hit.entry.country;
    from = i - 2;
    while (compoundPrev(tokens, from) && isNameWord(tokens[from - 2])) from -= 2;
    qualified = true;
  }
  const nat = nationalityBefore(lex, tokens, from);
  const prev = tokens[from - 1];
  if (nat && !tokens[nat.from].cap) {
    from = nat.from;
    country = nat.country;
    qualified = true;
  } else if (prev && isNameWord(prev) && tokens[from].space && isAdjectiveLike(prev) && (!isSentenceStart(tokens, from - 1) || isProperAdjective(prev))) {
    // "des Deutschen Landkreistags", "die Deutsche Bahn".
    from -= 1;
    qualified = true;
  }
  const c = complementAt(tokens, to, lex, gaz, false);
  if (c && !found.alone) {
    to = c.to;
    qualified = true;
  }
  return qualified ? { from, to, kind: found.kind, country } : null;
}

/** The compound ending of a German word, if any; a bare ending counts only after a hyphen ("Ifo-Institut"). */
function compoundHead(word: string, lex: Lexicon, hyphenated: boolean): { kind: string; alone: boolean; prefix: string } | null {
  const m = lex.compoundEnding?.exec(word);
  if (!m) return null;
  const ending = m[1];
  const c = lex.compounds.find((x) => x.suffix === ending);
  if (!c) return null;
  const prefix = word.slice(0, m.index);
  if (prefix.length > 2 || (hyphenated && prefix.length === 0)) return { kind: c.kind, alone: c.alone, prefix };
  return null;
}

function isProperAdjective(t: Token): boolean {
  return /^(deutsch|europäisch|österreichisch|schweizerisch|international|national)/.test(t.norm);
}

// A German word capitalised before a head is an adjective of a name ("Dänische Institut") when it
// looks like one: nouns ending in -e/-en are common, so only typical adjective suffixes count.
export function isAdjectiveLike(t: Token): boolean {
  return /(isch|lich|ig|al|är|iv|ant|ent)(e|er|es|en|em)$/.test(t.norm) || /^(europäisch|deutsch|national|international|hoh|oberst)/.test(t.norm);
}
