import { authorsFromByline, dateParts } from './bibliographic';
import type { ExportClipping, ExportSource } from './types';

/** `TAG  - value`: two spaces, a hyphen, a space; a value is one line. */
const line = (tag: string, value: string | number) => `${tag}  - ${String(value).replace(/\s*[\r\n]+\s*/g, ' ').trim()}`;

const risDate = (parts: number[] | null) => (parts ? `${parts[0]}/${parts[1] ? String(parts[1]).padStart(2, '0') : ''}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/` : null);

/**
 * One RIS record (TY NEWS): T2 is the newspaper, DA/PY the publication date, Y2 the access date,
 * as Zotero, Mendeley and EndNote map them.
 */
export function risRecord(c: ExportClipping): string {
  const out = [line('TY', 'NEWS'), line('ID', `migralens-${c.id}`), line('TI', c.title)];
  if (c.siteName) out.push(line('T2', c.siteName));
  for (const a of authorsFromByline(c.byline)) out.push(line('AU', 'literal' in a ? a.literal : `${a.family}, ${a.given ?? ''}`.replace(/, $/, '')));
  const issued = dateParts(c.published);
  if (issued) out.push(line('PY', issued[0]), line('DA', risDate(issued)!));
  const accessed = risDate(dateParts(c.savedAt));
  if (accessed) out.push(line('Y2', accessed));
  out.push(line('UR', c.url));
  if (c.lang) out.push(line('LA', c.lang));
  if (c.excerpt) out.push(line('AB', c.excerpt));
  for (const tag of c.tags) out.push(line('KW', tag));
  if (c.note.trim()) out.push(line('N1', c.note));
  out.push('ER  - ');
  return out.join('\r\n');
}

/** clippings.ris: one record per clipping, CRLF line ends, a blank line between records. */
export function writeRis(source: ExportSource): string {
  return source.clippings.map(risRecord).join('\r\n\r\n') + (source.clippings.length ? '\r\n' : '');
}
