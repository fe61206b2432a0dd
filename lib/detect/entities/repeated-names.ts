import type { FoundInstitution } from './analysis';
import { checkContext, isRoleWord } from './institution-context';
import { longestAt, type Lexicon } from './lexicon';
import { isNameWord } from './names';
import type { CompiledRoles } from './role-forms';
import type { Lang } from '../types';
import { isSentenceStart, type Token } from './tokenize';

/**
 * A body the text names once with a cue or a legal suffix ("the tech company Apple", "die
 * Thyssenkrupp Steel Europe AG", "la constructora Acciona") is usually named again without it
 * ("Apple said…", "bei Thyssenkrupp"): every other occurrence of the same name, written the same
 * way, is the same body. Only names written as names are carried over (every word capitalised or
 * in capitals), so that a descriptive body ("police polonaise") never is; a company's legal
 * form is dropped from the repeated form ("Thyssenkrupp Steel Europe" for "… AG").
 */
export function repeatedNames(
  tokens: readonly Token[],
  found: readonly FoundInstitution[],
  lex: Lexicon,
  roles: CompiledRoles | null,
  lang: Lang | null,
  given: ReadonlySet<string>,
): FoundInstitution[] {
  const names = new Map<string, FoundInstitution>();
  for (const f of found) {
    // Names announced by a cue or a legal form; a body found by its head noun is a description.
    if (f.entry || !(f.source === 'cue' || (f.source === 'body' && f.kind === 'company'))) continue;
    // A title in capitals ("the company CEO") is not a body; a given name starts a person's name.
    if ((roles && isRoleWord(tokens[f.from], lex, roles)) || given.has(tokens[f.from].norm)) continue;
    let to = f.to;
    if (f.kind === 'company' && to - f.from > 1 && LEGAL_FORMS.has(tokens[to - 1].text)) to -= 1;
    if (!isNameSpan(tokens, f.from, to)) continue;
    // "Iraqi" of "Iraqi Airways" is a nationality wherever else it stands.
    if (longestAt(lex.nationalities, tokens, f.from)?.to === to) continue;
    const key = spanKey(tokens, f.from, to);
    if (!names.has(key)) names.set(key, { ...f, to });
  }
  if (names.size === 0) return [];
  const firstWords = new Set([...names.keys()].map((k) => k.split(' ')[0]));
  const out: FoundInstitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || !firstWords.has(tokens[i].text)) continue;
    for (const [key, f] of names) {
      const n = f.to - f.from;
      if (i + n > tokens.length || spanKey(tokens, i, i + n) !== key) continue;
      // The whole name, not the start of a longer one: "Apple" in "Apple Music" is another name.
      if (isNameWord(tokens[i + n]) && tokens[i + n].space && !tokens[i + n].newline) continue;
      if (i > 0 && isNameWord(tokens[i - 1]) && tokens[i].space && !tokens[i - 1].newline && !isSentenceStart(tokens, i - 1)) continue;
      const repeat: FoundInstitution = { from: i, to: i + n, canonical: f.canonical, kind: f.kind, country: f.country, source: 'cue' };
      const kept = checkContext(tokens, repeat, lex, roles, lang);
      if (kept) out.push(kept);
    }
  }
  return out;
}

/** Legal forms, which the name is written without when it comes again ("Salzgitter" for "Salzgitter AG"). */
const LEGAL_FORMS = new Set(['AG', 'GmbH', 'SA', 'SpA', 'NV', 'BV', 'SAS', 'Inc', 'Ltd', 'Plc', 'PLC', 'LLC', 'Corp', 'Limited']);

const spanKey = (tokens: readonly Token[], from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(' ');

/** Every word of the span capitalised or in capitals, with nothing but spaces between them. */
function isNameSpan(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !(t.cap || t.upper)) return false;
    if (k > from && (!t.space || t.newline)) return false;
  }
  return to > from;
}
