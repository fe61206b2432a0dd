import Papa from 'papaparse';
import type { AnnotatedDocument } from './annotated-document';

export const MENTION_CSV_COLUMNS = [
  'file', 'url', 'title', 'published', 'kind', 'start', 'end', 'text', 'canonical', 'entity_id', 'wikidata',
  'value', 'value_max', 'unit', 'currency', 'category', 'qualifier', 'iso',
] as const;

/** One row per mention, RFC 4180 quoting, header first. */
export function mentionsCsv(docs: readonly AnnotatedDocument[]): string {
  const rows = docs.flatMap((d) => d.mentions.map((m) => [
    d.file, d.url, d.title, d.published ?? '', m.kind, m.start, m.end, m.text, m.canonical ?? '', m.entityId ?? '',
    m.wikidata ?? '', m.value ?? '', m.valueMax ?? '', m.unit ?? '', m.currency ?? '', m.category ?? '', m.qualifier ?? '', m.iso ?? '',
  ]));
  return Papa.unparse({ fields: [...MENTION_CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false }) + '\r\n';
}
