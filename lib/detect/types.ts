/** The five kinds of mention MigraLens detects (see ../shared/eval/GUIDELINES.md). */
export type MentionKind = 'institution' | 'role' | 'person' | 'figure' | 'date';

export const MENTION_KINDS: readonly MentionKind[] = ['institution', 'role', 'person', 'figure', 'date'];

/** Languages with full detection; others get only language-independent detections. */
export type Lang = 'fr' | 'en' | 'de' | 'nl' | 'it' | 'es';

export const SUPPORTED_LANGS: readonly Lang[] = ['fr', 'en', 'de', 'nl', 'it', 'es'];

export type FigureUnit = 'people' | 'boats' | 'EUR' | 'GBP' | 'USD' | 'percent' | 'other';

export type FigureCategory =
  | 'deaths' | 'missing' | 'rescued' | 'arrivals' | 'crossings' | 'asylum' | 'returns'
  | 'arrests' | 'boats' | 'money' | 'percent' | 'people' | 'other';

export type Qualifier =
  | 'at least' | 'more than' | 'about' | 'nearly' | 'up to' | 'fewer than' | 'at most' | 'between';

/** One detected span of article text. Offsets are UTF-16 indices into the text given to `detect`. */
export type Mention = {
  kind: MentionKind;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** Normalised name: English name or usual acronym for bodies, full name for people, the figure/date text otherwise. */
  canonical: string;
  /** Stable gazetteer id (`eu.frontex`, `person.gerald-darmanin`) when the mention resolved to a known entity. */
  entityId?: string;
  /** Wikidata QID, only where the gazetteer records one as certain. */
  wikidata?: string;
  /** Figures: what is counted. */
  category?: FigureCategory;
  /** Figures: the number as a plain number; the lower bound of a range. */
  value?: number;
  /** Figures: upper bound of a range. */
  valueMax?: number;
  unit?: FigureUnit;
  /** Figures in a currency other than EUR, GBP, USD: ISO 4217 code, with unit `other`. */
  currency?: string;
  qualifier?: Qualifier;
  /** Dates: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as the text determines it. */
  iso?: string;
  /** Institutions: kind of body (`eu-agency`, `ministry`, `ngo`…), from the gazetteer. */
  institutionKind?: string;
  /** Institutions: ISO 3166 alpha-2 country, `EU` or `INT`, from the gazetteer. */
  country?: string;
  /** Roles: the institution the office belongs to, when the text names or implies it. */
  institutionId?: string;
};

export type DetectOptions = {
  /** Language of the text; when absent, detected from the text. */
  lang?: string;
  /** Publication date (ISO) used to resolve weekdays and dates without a year. */
  published?: string;
};

/** What every per-kind detector receives besides the text. */
export type DetectContext = {
  /** Resolved language, or null for a language without full support (language-independent rules only). */
  lang: Lang | null;
  /** Publication date `YYYY-MM-DD` (or longer ISO), when known. */
  published?: string;
};

/** One detector per kind, assembled in a registry by `detect()`. */
export type Detector = (text: string, ctx: DetectContext) => Mention[];
