import type { PageAnnotation } from '../annotate-page';
import type { Mention } from '../detect/types';

/** One annotated page as the command-line annotator prints it. */
export type AnnotatedDocument = {
  file: string;
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  /** Language whose rules the detector used; null when only language-independent rules ran. */
  detectedLang: string | null;
  published: string | null;
  text: string;
  mentions: OutputMention[];
};

export type OutputMention = Omit<Mention, never>;

const FIELDS: (keyof Mention)[] = [
  'kind', 'start', 'end', 'text', 'canonical', 'entityId', 'wikidata', 'institutionKind', 'country', 'institutionId',
  'value', 'valueMax', 'unit', 'currency', 'category', 'qualifier', 'iso',
];

/** Keeps the documented mention fields, in a stable order, and drops the empty ones. */
function outputMention(m: Mention): OutputMention {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (m[f] !== undefined && m[f] !== null) out[f] = m[f];
  return out as OutputMention;
}

export function toAnnotatedDocument(file: string, a: PageAnnotation): AnnotatedDocument {
  const { article } = a;
  return {
    file,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang,
    detectedLang: a.detectedLang,
    published: article.published,
    text: article.text,
    mentions: a.mentions.map(outputMention),
  };
}
