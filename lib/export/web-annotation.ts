import type { StoredMention } from '../db/schema';
import { mapChunked } from './chunked';
import type { ExportClipping, ExportSource, WriterOptions } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type TextualBody = { type: 'TextualBody'; purpose: 'tagging' | 'identifying' | 'describing'; value: string; format?: 'text/plain'; language?: string };
type ExternalBody = { id: string; purpose: 'identifying' };

/** One W3C Web Annotation (https://www.w3.org/TR/annotation-model/), every required field set. */
export type WebAnnotation = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  created: string;
  generator: { id: string; type: 'Software'; name: string };
  body: (TextualBody | ExternalBody)[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
};

export type AnnotationCollection = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
};

const GENERATOR = { id: 'urn:migralens', type: 'Software', name: 'MigraLens' } as const;

function describe(m: StoredMention): string | null {
  if (m.kind === 'figure' && m.value !== undefined) {
    const range = m.valueMax !== undefined ? `${m.value}–${m.valueMax}` : String(m.value);
    return [m.qualifier, range, m.unit, m.category ? `(${m.category})` : ''].filter(Boolean).join(' ');
  }
  if (m.kind === 'date' && m.iso) return m.iso;
  return null;
}

/**
 * One annotation for one mention. The quote selector is what re-finds the span in the page; the
 * position counts UTF-16 units of the clipping's article text (headline first), as the other
 * exports' `start`/`end` do, which is the text a reader of the saved clipping sees.
 */
export function mentionAnnotation(c: ExportClipping, m: StoredMention, index: number): WebAnnotation {
  const body: WebAnnotation['body'] = [
    { type: 'TextualBody', purpose: 'tagging', value: m.kind },
    { type: 'TextualBody', purpose: 'identifying', value: m.canonical || m.text, format: 'text/plain', ...(c.lang ? { language: c.lang } : {}) },
  ];
  if (m.wikidata) body.push({ id: `http://www.wikidata.org/entity/${m.wikidata}`, purpose: 'identifying' });
  const detail = describe(m);
  if (detail) body.push({ type: 'TextualBody', purpose: 'describing', value: detail });
  const anchor = m.anchor ?? { quote: m.text, prefix: '', suffix: '', position: m.start };
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:migralens:clipping:${c.id}:mention:${m.id ?? index + 1}`,
    type: 'Annotation',
    motivation: 'tagging',
    created: c.savedAt,
    generator: GENERATOR,
    body,
    target: {
      source: c.url,
      selector: [
        { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix },
        { type: 'TextPositionSelector', start: m.start, end: m.end },
      ],
    },
  };
}

/** All mentions as one AnnotationCollection (annotations.jsonld), in a single embedded page. */
export async function writeWebAnnotations(source: ExportSource, exportedAt: string, options: WriterOptions = {}): Promise<string> {
  const perClipping = await mapChunked(source.clippings, (c) => [...c.mentions]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((m, i) => JSON.stringify(mentionAnnotation(c, m, i))), options);
  const items = perClipping.flat();
  const id = `urn:migralens:export:${exportedAt}`;
  const head: Omit<AnnotationCollection, 'first'> = { '@context': ANNO_CONTEXT, id, type: 'AnnotationCollection', label: 'MigraLens mentions', total: items.length };
  const open = JSON.stringify(head).slice(0, -1); // the collection without its closing brace
  return `${open},"first":{"id":${JSON.stringify(`${id}:page:1`)},"type":"AnnotationPage","startIndex":0,"items":[\n${items.join(',\n')}\n]}}\n`;
}
