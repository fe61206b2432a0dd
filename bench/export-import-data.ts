/** A generated library for bench/export-import.ts: realistic sizes, no real pages needed. */
import { anchorFor } from '../lib/anchor/text-quote';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupClipping, type LibraryBackup } from '../lib/export/backup-format';
import { prng, wordSource } from './generated-words';

const SENTENCES = [
  'Au moins 27 personnes sont mortes dans la Manche le 24 novembre 2021, selon le ministre de l\'Intérieur Gérald Darmanin.',
  'Frontex and Europol will send more officers to Calais, the Home Office said on Sunday.',
  'More than 1,500 migrants crossed the Channel in small boats in November, up 13 % on last year.',
  'L\'OIM estime que plus de 2 000 personnes ont disparu en Méditerranée centrale depuis janvier.',
  'The UNHCR asked the European Commission for £290 million to support reception centres.',
];
const MENTIONS = [
  { kind: 'figure', text: '27 personnes', value: 27, unit: 'people', category: 'deaths', qualifier: 'at least' },
  { kind: 'date', text: '24 novembre 2021', iso: '2021-11-24' },
  { kind: 'role', text: 'ministre de l\'Intérieur' },
  { kind: 'person', text: 'Gérald Darmanin', entityId: 'person.gerald-darmanin' },
  { kind: 'institution', text: 'Frontex', entityId: 'eu.frontex' },
  { kind: 'institution', text: 'Europol', entityId: 'eu.europol' },
  { kind: 'institution', text: 'Home Office', entityId: 'gb.home-office' },
  { kind: 'figure', text: '1,500 migrants', value: 1500, unit: 'people', category: 'crossings', qualifier: 'more than' },
  { kind: 'figure', text: '13 %', value: 13, unit: 'percent', category: 'percent' },
  { kind: 'institution', text: 'OIM', entityId: 'int.iom' },
] as const;

/**
 * A backup of `n` clippings of ~5,000 characters and ~50 mentions each. Each article mixes the
 * sentences above with words from a long-tailed vocabulary (its search words differ from the
 * others', as real articles' do) and has HTML of its own paragraphs. Its mentions have anchors cut
 * from its text with `anchors` (as the library reads them), none without (as a backup holds them).
 */
export function generateBackup(n: number, { anchors = false } = {}): LibraryBackup {
  const word = wordSource(prng(7));
  const filler = () => `${Array.from({ length: 12 }, word).join(' ')}.`;
  const clippings: BackupClipping[] = Array.from({ length: n }, (_, i) => {
    const stamp = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const paragraphs = [`Article ${i}`, ...Array.from({ length: 8 }, () => `${SENTENCES.join(' ')} ${filler()}`)];
    const text = paragraphs.join('\n\n');
    const mentions = MENTIONS.flatMap((m) => {
      const out = [];
      for (let at = text.indexOf(m.text); at >= 0 && out.length < 5; at = text.indexOf(m.text, at + 1)) {
        out.push({ ...m, start: at, end: at + m.text.length, canonical: m.text, ...(anchors && { anchor: anchorFor(text, at, at + m.text.length) }) });
      }
      return out;
    }).sort((a, b) => a.start - b.start).map((m, k) => ({ ...m, id: k + 1 }));
    return {
      id: i + 1, urlKey: `https://news.example/${i}`, url: `https://news.example/${i}`, canonicalUrl: null, source: 'page', pageKey: `https://news.example/${i}`,
      title: `Article ${i}: Channel crossings`, byline: 'Par Julia Pascual', siteName: 'News Example', lang: 'fr', published: '2021-11-28',
      savedAt: stamp, updatedAt: stamp, excerpt: null, text, html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      note: i % 10 ? '' : 'to check', tags: i % 3 ? [] : ['channel'], collections: [],
      summary: { counts: { institution: 20, role: 5, person: 5, figure: 15, date: 5 }, institutions: ['Frontex'], figures: ['27 personnes'] },
      mentions,
    } as BackupClipping;
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), generator: 'bench', collections: [], clippings };
}
