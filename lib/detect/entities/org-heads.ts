import type { CompiledGazetteer } from './gazetteer';
import { matchGazetteerAt } from './gazetteer';
import { longestAt, matchEndingAt, nationalityAt, nationalityBefore, type Head, type Lexicon } from './lexicon';
import { capChainEnd, isFunctionCap, isMonthOrDay, isNameWord } from './names';
import { isSentenceStart, type Token } from './tokenize';
import { compoundPrev } from './words';

/**
 * Bodies named by a description rather than a gazetteer name: an organisation head noun
 * ("ministère", "coastguard", "Staatsanwaltschaft") made specific by a nationality
 * ("police polonaise", "Greek coastguard"), a named complement ("parquet de Lille", "Ministry of
 * Defence", "Bundesministerium für …"), a field ("French interior ministry") or a name
 * ("Conservative Party"). A bare head ("the court", "la police") is not a body.
 */

export type BodyPhrase = { from: number; to: number; kind: string; country?: string };

type Complement = { to: number };

export function findBodies(tokens: readonly Token[], lex: Lexicon, gaz: CompiledGazetteer): BodyPhrase[] {
  const out: BodyPhrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const m = longestAt(lex.heads, tokens, i, lex.keyOf);
    if (m) {
      const head = m.values[0];
      const found = lex.headFirst ? headFirst(tokens, i, m.to, head, lex, gaz) : headLast(tokens, i, m.to, head, lex, gaz);
      if (found) {
        out.push(found);
        continue;
      }
    }
    if (lex.compounds.length) {
      const c = compound(tokens, i, lex, gaz);
      if (c) out.push(c);
    }
  }
  return out;
}

/** `de`/`of`/`für` + (article) + a field, a gazetteer body or a capitalised name. */
function complementAt(tokens: readonly Token[], j: number, lex: Lexicon, gaz: CompiledGazetteer, fieldsOk = true): Complement | null {
  const t = tokens[j];
  if (!t || t.newline || !lex.preps.has(t.norm)) return null;
  let p = j + 1;
  if (tokens[p]?.norm === "'") p += 1;
  for (let k = 0; k < 2 && tokens[p] && lex.articles.has(tokens[p].norm); k++) {
    p += 1;
    if (tokens[p]?.norm === "'") p += 1;
  }
  if (p >= tokens.length || tokens[p].kind === 'punct') return null;
  let best = -1;
  if (fieldsOk) {
    const f = longestAt(lex.fields, tokens, p);
    if (f) best = f.to;
  }
  const g = matchGazetteerAt(gaz, tokens, p);
  if (g && g.to > best) best = g.to;
  const c = capChainEnd(tokens, p, { maxWords: 4 });
  if (c > p && c > best) best = c;
  return best > 0 ? { to: best } : null;
}

/** French, Italian, Spanish: head, then adjectives and nationality, then complements. */
function headFirst(tokens: readonly Token[], from: number, headEnd: number, head: Head, lex: Lexicon, gaz: CompiledGazetteer): BodyPhrase | null {
  let j = headEnd;
  let country: string | undefined;
  let qualified = false;
  let adjective = false;
  for (let k = 0; k < 3 && tokens[j] && !tokens[j].newline; k++) {
    const nat = nationalityAt(lex, tokens, j);
    if (nat) {
      country = nat.country;
      qualified = true;
      j = nat.to;
      continue;
    }
    const adj = longestAt(lex.adjectives, tokens, j);
    if (adj) {
      adjective = true;
      j = adj.to;
      continue;
    }
    break;
  }
  let c = complementAt(tokens, j, lex, gaz);
  if (c) {
    qualified = true;
    j = c.to;
    // "de l'Europe et des Affaires étrangères", "de la Manche et de la mer du Nord"
    for (let k = 0; k < 2; k++) {
      const conn = tokens[j];
      if (conn && lex.connectors.has(conn.norm)) {
        c = complementAt(tokens, j + 1, lex, gaz);
        // "Conseil d'État et de la Cour de cassation" names two bodies, not one.
        if (c && !startsWithHead(tokens, j + 1, c.to, lex)) {
          j = c.to;
          continue;
        }
      }
      break;
    }
    const nat = nationalityAt(lex, tokens, j);
    if (nat) {
      country = nat.country;
      j = nat.to;
    }
  }
  const headTok = tokens[from];
  if (head.needs === 'name') {
    // "parti Renaissance", "Partido Popular", "Fondation Abbé Pierre".
    const name = capChainEnd(tokens, headEnd, { maxWords: 4 });
    if (name > headEnd && tokens[headEnd].space) return { from, to: Math.max(name, j), kind: head.kind, country };
    if (headTok.cap && !isSentenceStart(tokens, from) && (qualified || adjective)) return { from, to: j, kind: head.kind, country };
    return null;
  }
  // "Conseil constitutionnel", "Cour suprême": a capitalised head with its adjective names a body.
  if (!qualified && adjective && headTok.cap && !isSentenceStart(tokens, from)) qualified = true;
  return qualified ? { from, to: j, kind: head.kind, country } : null;
}

/** English, German, Dutch: qualifiers before the head, complement after it. */
function headLast(tokens: readonly Token[], headFrom: number, headEnd: number, head: Head, lex: Lexicon, gaz: CompiledGazetteer): BodyPhrase | null {
  let from = headFrom;
  let country: string | undefined;
  let qualified = false;
  let capLeft = false;
  let fieldLeft = false;
  const en = lex.lang === 'en';
  for (let step = 0; step < 5 && from > 0 && !tokens[from].newline; step++) {
    const nat = nationalityBefore(lex, tokens, from);
    if (nat && !compoundPrev(tokens, nat.from)) {
      country = nat.country;
      qualified = true;
      from = nat.from;
      continue;
    }
    const f = matchEndingAt(lex.fields, tokens, from, 3);
    if (f) {
      fieldLeft = true;
      from = f.from;
      continue;
    }
    const prev = tokens[from - 1];
    if (prev.upper) {
      // "EU border agency", "UN refugee agency".
      const g = matchGazetteerAt(gaz, tokens, from - 1);
      if (g && g.to === from) {
        country = g.hit.entry.country;
        qualified = true;
        from -= 1;
        continue;
      }
    }
    // "Rome tribunal", "Calais prefecture", "Conservative Party" (English);
    // "Dänische Institut", "Europäische Kommission" (German: a capitalised adjective is a name).
    if (en && isNameWord(prev) && tokens[from].space && !isSentenceStart(tokens, from - 1)) {
      capLeft = true;
      from -= 1;
      // A hyphenated name word: "François-Xavier Bagnoud Center".
      while (compoundPrev(tokens, from) && isNameWord(tokens[from - 2])) from -= 2;
      continue;
    }
    if (lex.lang === 'de' && isNameWord(prev) && /(e|er|es|en|em)$/.test(prev.norm) && !isSentenceStart(tokens, from - 1) && isAdjectiveLike(prev)) {
      capLeft = true;
      from -= 1;
      continue;
    }
    if (en && step === 0 && isNameWord(prev) && isSentenceStart(tokens, from - 1) && head.needs === 'name') {
      capLeft = true;
      from -= 1;
    }
    break;
  }
  let to = headEnd;
  const c = complementAt(tokens, headEnd, lex, gaz);
  if (c) {
    qualified = true;
    to = c.to;
    const conn = tokens[to];
    if (conn && lex.connectors.has(conn.norm) && isNameWord(tokens[to + 1])) to = capChainEnd(tokens, to + 1, { maxWords: 3 });
  } else if (lex.lang === 'nl' && isNameWord(tokens[headEnd]) && tokens[headEnd].space) {
    // Dutch writes the head in lower case, so a capitalised word after it is a place: "rechtbank Den Haag".
    const end = capChainEnd(tokens, headEnd, { maxWords: 3 });
    if (end > headEnd) {
      qualified = true;
      to = end;
    }
  }
  const headTok = tokens[headFrom];
  if (head.needs === 'name') return capLeft && headTok.cap ? { from, to, kind: head.kind, country } : null;
  if (capLeft) qualified = true;
  // "the interior ministry": a field names one ministry.
  if (!qualified && fieldLeft && head.kind === 'ministry') qualified = true;
  // "Court of Appeal": a capitalised multi-word head inside a sentence.
  if (!qualified && headEnd - headFrom > 1 && headTok.cap && !isSentenceStart(tokens, headFrom)) qualified = true;
  return qualified ? { from, to, kind: head.kind, country } : null;
}

// A German word capitalised before a head is an adjective of a name ("Dänische Institut") when it
// looks like one: nouns ending in -e/-en are common, so only typical adjective suffixes count.
function isAdjectiveLike(t: Token): boolean {
  return /(isch|lich|ig|al|är|iv|ant|ent|isch)(e|er|es|en|em)$/.test(t.norm) || /^(europäisch|deutsch|national|international|hoh|oberst)/.test(t.norm);
}

/** German compounds: "Bundesinnenministeriums", "EU-Grenzschutzagentur", "griechische Küstenwache". */
function compound(tokens: readonly Token[], i: number, lex: Lexicon, gaz: CompiledGazetteer): BodyPhrase | null {
  const t = tokens[i];
  if (t.kind !== 'word' || !t.cap) return null;
  const word = t.norm;
  let found: { kind: string; alone: boolean; prefix: string } | null = null;
  for (const c of lex.compounds) {
    for (const end of ['', 's', 'es', 'n', 'en']) {
      const suffix = c.suffix + end;
      if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
        found = { kind: c.kind, alone: c.alone, prefix: word.slice(0, -suffix.length) };
        break;
      }
    }
    if (found) break;
  }
  if (!found) return null;
  let from = i;
  let to = i + 1;
  let country: string | undefined;
  let qualified = found.alone || found.prefix.startsWith('bundes');
  // "EU-Grenzschutzagentur": an acronym body joined by a hyphen.
  if (compoundPrev(tokens, i) && tokens[i - 2].upper) {
    const g = matchGazetteerAt(gaz, tokens, i - 2);
    if (g && g.to === i - 1) {
      from = i - 2;
      country = g.hit.entry.country;
      qualified = true;
    }
  }
  const nat = nationalityBefore(lex, tokens, from);
  if (nat && !tokens[nat.from].cap) {
    from = nat.from;
    country = nat.country;
    qualified = true;
  }
  const c = complementAt(tokens, to, lex, gaz, false);
  if (c && !found.alone) {
    to = c.to;
    qualified = true;
  }
  if (isMonthOrDay(t) || isFunctionCap(t)) return null;
  return qualified ? { from, to, kind: found.kind, country } : null;
}

/** Does the complement [from, to) begin (after its preposition and article) with a head noun? */
function startsWithHead(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || lex.preps.has(t.norm) || lex.articles.has(t.norm)) continue;
    return !!longestAt(lex.heads, tokens, k, lex.keyOf);
  }
  return false;
}
