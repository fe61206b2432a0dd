import { detectDates } from './dates';
import { detectPeople } from './entities/people';
import { detectInstitutions } from './entities/institutions';
import { detectRoles } from './entities/roles';
import { detectFigures } from './figures';
import { resolveLanguage } from './language';
import { mergeMentions } from './merge-mentions';
import { SUPPORTED_LANGS, type DetectContext, type DetectOptions, type Detector, type Lang, type Mention, type MentionKind } from './types';

export type { DetectOptions, Lang, Mention, MentionKind } from './types';

/** One detector per kind; `detect` runs them all and merges what they find. */
export const DETECTORS: Readonly<Record<MentionKind, Detector>> = {
  institution: detectInstitutions,
  role: detectRoles,
  person: detectPeople,
  figure: detectFigures,
  date: detectDates,
};

export type Analysis = {
  /** The language detection ran with; null when the text is in a language without full support. */
  lang: Lang | null;
  mentions: Mention[];
};

/** Detects mentions and says which language rules were used. */
export function analyse(text: string, options: DetectOptions = {}): Analysis {
  if (typeof text !== 'string' || text.length === 0) return { lang: null, mentions: [] };
  const ctx: DetectContext = { lang: resolveLanguage(text, options.lang ?? null), published: options.published };
  const lists = Object.values(DETECTORS).map((run) => run(text, ctx));
  return { lang: ctx.lang, mentions: mergeMentions(lists) };
}

/** Mentions in `text`, sorted in reading order (a role before an institution nested in it). */
export function detect(text: string, options: DetectOptions = {}): Mention[] {
  return analyse(text, options).mentions;
}

/**
 * A few words every detector reads (an acronym, a capitalised name, a number, a date), so that
 * warming up runs each detector's code once and builds its tables for the language.
 */
const WARM_UP_TEXT = 'UNHCR Frontex 27 2021 24.11.2021';

/**
 * Builds the matchers of `lang` and compiles the detectors' code ahead of the first article, so
 * that call costs about what a warm one does. Returns false for an unsupported language.
 */
export function warmUp(lang: string): boolean {
  if (!(SUPPORTED_LANGS as readonly string[]).includes(lang)) return false;
  analyse(WARM_UP_TEXT, { lang });
  return true;
}
