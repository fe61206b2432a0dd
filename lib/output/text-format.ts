import type { AnnotatedDocument } from './annotated-document';

/**
 * The article with each mention marked for a person to read: `[Frontex]{institution}`, nested
 * mentions inside their outer one: `[directrice générale de l'[OIM]{institution}]{role}`.
 */
export function markMentions(doc: AnnotatedDocument): string {
  type Event = { at: number; open: boolean; label: string; length: number };
  const events: Event[] = [];
  for (const m of doc.mentions) {
    const detail = m.kind === 'figure' && m.value !== undefined ? `figure ${m.value}${m.valueMax !== undefined ? `–${m.valueMax}` : ''} ${m.unit ?? ''} ${m.category ?? ''}`.trim()
      : m.kind === 'date' && m.iso ? `date ${m.iso}`
      : m.canonical && m.canonical !== m.text ? `${m.kind}: ${m.canonical}` : m.kind;
    events.push({ at: m.start, open: true, label: '', length: m.end - m.start });
    events.push({ at: m.end, open: false, label: `]{${detail}}`, length: m.end - m.start });
  }
  // At one offset, closings come before openings; outer mentions open first and close last.
  events.sort((a, b) => a.at - b.at || (a.open === b.open ? (a.open ? b.length - a.length : a.length - b.length) : a.open ? 1 : -1));
  let out = '';
  let pos = 0;
  for (const e of events) {
    out += doc.text.slice(pos, e.at) + (e.open ? '[' : e.label);
    pos = e.at;
  }
  return out + doc.text.slice(pos);
}

export function textReport(doc: AnnotatedDocument): string {
  const head = [`# ${doc.title}`, `${doc.file}${doc.url && doc.url !== doc.file ? ` — ${doc.url}` : ''}`,
    [doc.siteName, doc.byline, doc.published, doc.lang].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
  return `${head}\n\n${markMentions(doc)}\n`;
}
