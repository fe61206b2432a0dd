import type { BodyPhrase } from './body-phrase';
import { isNameWord } from './names';
import type { Token } from './tokenize';

/**
 * Companies named with a legal or trade suffix, in any language: "Qatar Airways", "Deutsche
 * Bank AG", "Wagner Group".
 */
export function findCompanies(tokens: readonly Token[], suffixes: ReadonlySet<string>): BodyPhrase[] {
  const out: BodyPhrase[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !suffixes.has(t.text) || !t.space || t.newline || !isNameWord(tokens[i - 1])) continue;
    let from = i - 1;
    while (from > 0 && i - from < 3 && tokens[from].space && !tokens[from].newline && isNameWord(tokens[from - 1])) from -= 1;
    out.push({ from, to: i + 1, kind: 'company' });
  }
  return out;
}
