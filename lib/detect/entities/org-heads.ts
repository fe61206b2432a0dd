import { complementAt, startsWithHead, type BodyPhrase } from './body-phrase';
import { matchGazetteerAt, type CompiledGazetteer } from './gazetteer';
import { germanCompound, isAdjectiveLike } from './german-compounds';
import { longestAt, matchEndingAt, nationalityAt, nationalityBefore, type Head, type Lexicon } from './lexicon';
import { capChainEnd, isNameWord } from './names';
import { isSentenceStart, type Token } from './tokenize';
import { compoundPrev } from './words';

/**
 * Bodies named by a description rather than a gazetteer name: an organisation head noun
 * ("ministère", "coastguard", "Staatsanwaltschaft") made specific by a nationality
 * ("police polonaise", "Greek coastguard"), a named complement ("parquet de Lille", "Ministry of
 * Defence", "Bundesministerium für …"), a field ("French interior ministry") or a name
 * ("Conservative Party"). A bare head ("the court", "la police") is not a body.
 */

/** `given`: given names, which do not continue a body's name after "and". */
export function findBodies(tokens: readonly Token[], lex: Lexicon, gaz: CompiledGazetteer, given: ReadonlySet<string>): BodyPhrase[] {
  const out: BodyPhrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const m = longestAt(lex.heads, tokens, i, lex.keyOf);
    if (m) {
      const head = m.values[0];
      const found = lex.headFirst ? headFirst(tokens, i, m.to, head, lex, gaz, given) : headLast(tokens, i, m.to, head, lex, gaz, given);
      if (found) {
        out.push(found);
        continue;
      }
    }
    if (lex.compounds.length) {
      const c = germanCompound(tokens, i, lex, gaz);
      if (c) out.push(c);
    }
  }
  return out;
}

/** French, Italian, Spanish: head, then adjectives and nationality, then complements. */
function headFirst(tokens: readonly Token[], from: number, headEnd: number, head: Head, lex: Lexicon, gaz: CompiledGazetteer, given: ReadonlySet<string>): BodyPhrase | null {
  let j = headEnd;
  let country: string | undefined;
  let qualified = false;
  let adjective = false;
  // A capitalised head inside a sentence starts an official name, whose words are capitalised
  // too ("Junta Consultiva de Contratación Pública", "Asociación Judicial"): any capitalised word
  // after it is one of its adjectives, unless it is a given name or a known body.
  const inName = tokens[from].cap && !isSentenceStart(tokens, from);
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
    const w = tokens[j];
    if (inName && isNameWord(w) && w.space && !given.has(w.norm) && !matchGazetteerAt(gaz, tokens, j)) {
      adjective = true;
      j += 1;
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
    // A person's name inside it keeps its particle: "Asociación Judicial Francisco de Vitoria".
    const name = capChainEnd(tokens, headEnd, { maxWords: 4, particles: NAME_PARTICLES });
    if (name > headEnd && tokens[headEnd].space) return { from, to: Math.max(name, j), kind: head.kind, country };
    if (headTok.cap && !isSentenceStart(tokens, from) && (qualified || adjective)) return { from, to: j, kind: head.kind, country };
    return null;
  }
  // "Conseil constitutionnel", "Cour suprême": a capitalised head with its adjective names a body;
  // so does a capitalised head of several words ("Delegación del Gobierno").
  const capHead = headTok.cap && !isSentenceStart(tokens, from);
  if (!qualified && capHead && (adjective || headEnd - from > 1)) qualified = true;
  // "université Paris-Panthéon-Assas": a university's name right after the head (other heads
  // followed by a name are titles before a person: "presidente del Consiglio Giorgia Meloni").
  if (!qualified && head.kind === 'university' && j === headEnd && isNameWord(tokens[j]) && tokens[j].space && !tokens[j].newline) {
    j = capChainEnd(tokens, j, { maxWords: 3 });
    qualified = true;
  }
  return qualified ? { from, to: j, kind: head.kind, country } : null;
}

const PLACE_QUALIFIED = new Set(['court', 'police', 'prefecture', 'prosecutor', 'coastguard', 'border-guard', 'army', 'navy', 'parliament', 'ministry']);
const COMPASS = new Set(['west', 'east', 'north', 'south', 'left', 'right']);

// Lower-case particles of a person's name between two capitalised words.
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'del', 'della', 'du', 'van', 'von', 'der']);

/** Bodies of a city or a district, which its adjective names. */
const LOCAL = new Set(['police', 'prosecutor', 'court', 'council', 'municipality', 'prefecture']);
const ARTICLES: Partial<Record<string, ReadonlySet<string>>> = {
  de: new Set(['die', 'der', 'den', 'dem', 'des', 'beim', 'vom', 'zum', 'zur', 'im']),
  nl: new Set(['de', 'het', 'der']),
};

/** German "Berliner", "Kölner", Dutch "Antwerpse", "Haagse": a capitalised city adjective after an article. */
function isCityAdjective(tokens: readonly Token[], k: number, lang: string): boolean {
  const t = tokens[k];
  const article = ARTICLES[lang];
  if (!article || !isNameWord(t) || !t.space || t.norm.length < 5 || isSentenceStart(tokens, k)) return false;
  if (!article.has(tokens[k - 1]?.norm ?? '') || !tokens[k + 1]?.space) return false;
  return lang === 'de' ? t.norm.endsWith('er') : t.norm.endsWith('se');
}

/** English, German, Dutch: qualifiers before the head, complement after it. */
function headLast(
  tokens: readonly Token[],
  headFrom: number,
  headEnd: number,
  head: Head,
  lex: Lexicon,
  gaz: CompiledGazetteer,
  given: ReadonlySet<string>,
): BodyPhrase | null {
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
    // "National Farmers' Union": a plural possessive inside the name.
    if (en && prev.norm === "'" && !prev.space && tokens[from].space && isNameWord(tokens[from - 2]) && tokens[from - 2].norm.endsWith('s')) {
      capLeft = true;
      from -= 2;
      continue;
    }
    // "Rome tribunal", "Calais prefecture", "Conservative Party" (English); a capitalised head
    // makes the word before it part of the name even at the start of a sentence ("Dorset Council").
    // German: "Dänische Institut", "Europäische Kommission" (a capitalised adjective is a name).
    const headCap = tokens[headFrom].cap;
    if (en && isNameWord(prev) && tokens[from].space && (!isSentenceStart(tokens, from - 1) || (headCap && capLeft === false && step === 0))) {
      capLeft = true;
      from -= 1;
      // A hyphenated name word: "François-Xavier Bagnoud Center".
      while (compoundPrev(tokens, from) && isNameWord(tokens[from - 2])) from -= 2;
      continue;
    }
    // Dutch writes a common noun in lower case: a capitalised head after a capitalised word is a
    // name ("Centraal Planbureau", "Algemene Rekenkamer", "De Nederlandsche Bank").
    if (lex.lang === 'nl' && headCap && isNameWord(prev) && tokens[from].space && (!isSentenceStart(tokens, from - 1) || step === 0)) {
      capLeft = true;
      from -= 1;
      continue;
    }
    // A city's adjective before a local body: "die Berliner Polizei", "die Kölner Staatsanwaltschaft",
    // "de Antwerpse gemeenteraad", "het Haagse parket" (after an article, inside a sentence).
    if (step === 0 && LOCAL.has(head.kind) && isCityAdjective(tokens, from - 1, lex.lang)) {
      capLeft = true;
      qualified = true;
      from -= 1;
      continue;
    }
    // German: a name joined to the head by a hyphen is part of it ("Leibniz-Institut für
    // Wirtschaftsforschung", "Max-Planck-Institut"); the head is written in capitals anyway.
    if (lex.lang === 'de' && compoundPrev(tokens, from) && isNameWord(tokens[from - 2])) {
      capLeft = true;
      from -= 2;
      continue;
    }
    if (lex.lang === 'de' && isNameWord(prev) && /(e|er|es|en|em)$/.test(prev.norm) && !isSentenceStart(tokens, from - 1) && isAdjectiveLike(prev)) {
      capLeft = true;
      from -= 1;
      continue;
    }
    break;
  }
  let to = headEnd;
  const c = complementAt(tokens, headEnd, lex, gaz);
  if (c) {
    qualified = true;
    to = c.to;
    const conn = tokens[to];
    // "Department of Health and Human Services", not "Department of Homeland Security and Alex Azar".
    const next = tokens[to + 1];
    // "Bank of England and HM Treasury" names two bodies: a known name after "and" is not part of this one.
    if (conn && lex.connectors.has(conn.norm) && isNameWord(next) && !given.has(next.norm) && !matchGazetteerAt(gaz, tokens, to + 1)) {
      to = capChainEnd(tokens, to + 1, { maxWords: 3 });
    }
  } else if (lex.lang === 'nl' && isNameWord(tokens[headEnd]) && tokens[headEnd].space && !tokens[headEnd].newline && !given.has(tokens[headEnd].norm)) {
    // Dutch writes the head in lower case, so a capitalised word after it is a place: "rechtbank Den Haag",
    // "Universiteit Leiden"; not a given name ("het Europees Parlement Roberta Metsola").
    const end = capChainEnd(tokens, headEnd, { maxWords: 3 });
    if (end > headEnd) {
      qualified = true;
      to = end;
    }
  }
  const headTok = tokens[headFrom];
  if (head.needs === 'name') {
    // "Conservative Party", or a capitalised head with its complement: "Institute for Fiscal
    // Studies", "Bank of England". "West Bank", "South Bank" are places.
    if (capLeft && from === headFrom - 1 && COMPASS.has(tokens[from].norm)) return null;
    const named = headTok.cap && (capLeft || c !== null);
    return named ? { from, to, kind: head.kind, country } : null;
  }
  // A place before a lower-case head names a local body ("Rome tribunal", "Kent police"); before
  // "service" or "office" it is more often a product or a building ("Stadia service").
  if (capLeft && (headTok.cap || PLACE_QUALIFIED.has(head.kind))) qualified = true;
  // "the interior ministry": a field names one ministry; before a capitalised head inside a
  // sentence it names any body ("the Defence Committee", "the Justice Inspectorate").
  if (!qualified && fieldLeft && (head.kind === 'ministry' || (headTok.cap && !isSentenceStart(tokens, from)))) qualified = true;
  // "Court of Appeal": a capitalised multi-word head inside a sentence.
  if (!qualified && headEnd - headFrom > 1 && headTok.cap && !isSentenceStart(tokens, headFrom)) qualified = true;
  return qualified ? { from, to, kind: head.kind, country } : null;
}
