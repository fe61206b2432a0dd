import type { FoundInstitution } from './analysis';
import { longestAt, type Lexicon } from './lexicon';
import { capChainEnd } from './names';
import { isSentenceStart, type Token } from './tokenize';

/** "l'ONG Utopia 56", "the charity Care4Calais", "die Organisation Pro Asyl". */
export function cueNames(tokens: readonly Token[], lex: Lexicon): FoundInstitution[] {
  const out: FoundInstitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word') continue;
    const cue = longestAt(lex.cues, tokens, i, lex.keyOf);
    if (!cue) continue;
    // Outside German, a cue noun in capitals inside a sentence is part of a name or a title
    // ("Trade Union Effectiveness", "UNION ALL"), not a word announcing one. Acronym cues ("NGO") are written so.
    const c0 = tokens[i];
    if (lex.lang !== 'de' && (c0.upper ? c0.text.length > 3 : c0.cap) && !isSentenceStart(tokens, i)) continue;
    let p = cue.to;
    // A nationality or quote may sit between the cue and the name: "l'ong tedesca Sea-Watch", "« Utopia 56 »".
    const nat = longestAt(lex.nationalities, tokens, p);
    if (nat) p = nat.to;
    if (tokens[p] && /^[«"\u201c\u201e']$/.test(tokens[p].norm)) p += 1;
    const t = tokens[p];
    if (!t || t.newline || (!t.space && tokens[p - 1]?.kind === 'word')) continue;
    const end = capChainEnd(tokens, p, { maxWords: 4, numbers: true });
    if (end <= p) continue;
    // German capitalises every noun: a name after a cue must be followed by a verb, punctuation or the end.
    if (lex.lang === 'de' && tokens[end] && tokens[end].kind === 'word' && tokens[end].cap) continue;
    out.push({ from: p, to: end, canonical: '', kind: 'organisation', source: 'cue' });
    i = end - 1;
  }
  return out;
}
