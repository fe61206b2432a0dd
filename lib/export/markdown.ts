import type { StoredMention } from '../db/schema';
import { MENTION_KINDS, type MentionKind } from '../detect/types';
import { mapChunked } from './chunked';
import type { ExportClipping, ExportFile, ExportSource, WriterOptions } from './types';

/** Front-matter keys for the entities of each kind (Obsidian shows them as list properties). */
const KIND_KEYS: Record<MentionKind, string> = {
  institution: 'institutions', role: 'roles', person: 'people', figure: 'figures', date: 'dates',
};
const KIND_HEADINGS: Record<MentionKind, string> = {
  institution: 'Institutions', role: 'Roles', person: 'People', figure: 'Figures', date: 'Dates',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A YAML scalar: ISO dates bare (so that Obsidian types them as dates), everything else double-quoted JSON, which YAML reads as is. */
function yamlScalar(value: string): string {
  return ISO_DATE.test(value) ? value : JSON.stringify(value);
}

function yamlField(key: string, value: string | null | readonly string[]): string {
  if (value === null || value === '') return `${key}:`;
  if (typeof value === 'string') return `${key}: ${yamlScalar(value)}`;
  if (!value.length) return `${key}: []`;
  return `${key}:\n${value.map((v) => `  - ${JSON.stringify(v)}`).join('\n')}`;
}

/** Obsidian tags cannot hold spaces; a tag otherwise keeps its letters, digits, `-`, `_` and `/`. */
const obsidianTag = (tag: string) => tag.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_/-]/gu, '');

/**
 * Article text as Markdown that renders as the text it is: characters that Markdown or Obsidian
 * would read as syntax (emphasis, links, tags, math, HTML, line-start list and heading markers)
 * are backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.split('\n').map((line) => line
    .replace(/[\\`*_[\]<>$~|]/g, '\\$&')
    .replace(/#(?=\S)/g, '\\#')
    .replace(/==/g, '\\=\\=')
    .replace(/%%/g, '\\%\\%')
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^(\s*)#/, '$1\\#')).join('\n');
}

/** Distinct canonical names of one kind, in order of first mention. */
function entitiesOf(mentions: readonly StoredMention[], kind: MentionKind): string[] {
  const seen = new Set<string>();
  for (const m of mentions) if (m.kind === kind) seen.add(kind === 'date' && m.iso ? m.iso : m.canonical || m.text);
  return [...seen];
}

function entityLine(kind: MentionKind, group: StoredMention[]): string {
  const m = group[0];
  const times = group.length > 1 ? ` ×${group.length}` : '';
  if (kind === 'figure') {
    const detail = [m.value !== undefined ? `${m.value}${m.valueMax !== undefined ? `–${m.valueMax}` : ''}` : '', m.unit, m.category, m.qualifier]
      .filter(Boolean).join(', ');
    return `- ${escapeMarkdown(m.text)}${detail ? ` — ${escapeMarkdown(detail)}` : ''}${times}`;
  }
  if (kind === 'date') return `- ${escapeMarkdown(m.text)}${m.iso ? ` → ${m.iso}` : ''}${times}`;
  const ref = m.wikidata ? ` ([${m.wikidata}](https://www.wikidata.org/wiki/${m.wikidata}))` : m.entityId ? ` (\`${m.entityId}\`)` : '';
  return `- ${escapeMarkdown(m.canonical || m.text)}${ref}${times}`;
}

function entitySection(c: ExportClipping): string {
  const parts: string[] = [];
  for (const kind of MENTION_KINDS) {
    const groups = new Map<string, StoredMention[]>();
    for (const m of c.mentions) {
      if (m.kind !== kind) continue;
      const key = kind === 'figure' || kind === 'date' ? m.text : m.entityId ?? m.canonical;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    if (groups.size) parts.push(`### ${KIND_HEADINGS[kind]}\n\n${[...groups.values()].map((g) => entityLine(kind, g)).join('\n')}`);
  }
  return parts.length ? parts.join('\n\n') : '_No entities detected._';
}

/** One note: YAML front matter, the title, the user's note, the article text and the entities found. */
export function clippingNote(c: ExportClipping, collectionNames: ReadonlyMap<number, string> = new Map()): string {
  const mentions = [...c.mentions].sort((a, b) => a.start - b.start);
  const front = [
    yamlField('title', c.title),
    yamlField('source', c.url),
    yamlField('site', c.siteName),
    yamlField('author', c.byline),
    yamlField('published', c.published),
    yamlField('saved', c.savedAt),
    yamlField('lang', c.lang),
    yamlField('tags', c.tags.map(obsidianTag).filter(Boolean)),
    yamlField('collections', c.collections.map((id) => collectionNames.get(id) ?? String(id))),
    ...MENTION_KINDS.map((k) => yamlField(KIND_KEYS[k], entitiesOf(mentions, k))),
    `migralens_id: ${c.id}`,
  ].join('\n');
  const note = c.note.trim() ? `\n> [!note] Note\n${c.note.trim().split('\n').map((l) => `> ${l}`).join('\n')}\n` : '';
  // The article text begins with the headline, already the note's title: it is kept, as the offsets in other exports count it.
  return `---\n${front}\n---\n\n# ${escapeMarkdown(c.title)}\n\n[Source](${c.url.replace(/[()\s]/g, encodeURIComponent)})${c.siteName ? ` · ${escapeMarkdown(c.siteName)}` : ''}\n${note}\n## Article\n\n${escapeMarkdown(c.text)}\n\n## Entities\n\n${entitySection({ ...c, mentions })}\n`;
}

/** A file name Obsidian, Windows and macOS all accept: the date and title, without path or link characters. */
export function noteFileName(c: ExportClipping, taken: Set<string>): string {
  const date = (c.published ?? c.savedAt).slice(0, 10);
  const title = c.title.replace(/[\\/:*?"<>|#^[\]\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim() || `clipping ${c.id}`;
  const base = `${date} ${title}`.replace(/[. ]+$/, '');
  let name = `${base}.md`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).md`;
  taken.add(name.toLowerCase());
  return name;
}

/** One Markdown note per clipping. */
export async function writeMarkdownFiles(source: ExportSource, options: WriterOptions = {}): Promise<ExportFile[]> {
  const names = new Map(source.collections.map((col) => [col.id, col.name]));
  const taken = new Set<string>();
  return mapChunked(source.clippings, (c) => ({ name: noteFileName(c, taken), content: clippingNote(c, names) }), options);
}
