/**
 * Bundled into the browser by bench/library.ts: generates a library in the extension's own
 * IndexedDB with the real lib/db code, so that nothing of 50 MB crosses the DevTools connection.
 */
import type { AnchoredMention } from '../../lib/annotate-page';
import { saveClippings, type ClippingInput } from '../../lib/db/clippings';
import { openDatabase } from '../../lib/db/schema';
import type { FigureCategory, MentionKind } from '../../lib/detect/types';
import { prng, wordSource } from '../generated-words';


const INSTITUTIONS = ['Frontex', 'Europol', 'UNHCR', 'IOM', 'Home Office', 'Border Force', 'European Commission', 'Coast Guard', 'Médecins Sans Frontières', 'SOS Méditerranée', 'Red Cross', 'Interior Ministry', 'EUAA', 'Council of Europe', 'OFPRA'];
const PEOPLE = ['Gérald Darmanin', 'Priti Patel', 'Ylva Johansson', 'Giorgia Meloni', 'Suella Braverman', 'Nancy Faeser', 'Fabrice Leggeri', 'Filippo Grandi', 'Antonio Vitorino', 'Ursula von der Leyen'];
const ROLES = ['interior minister', 'Home Secretary', 'prime minister', 'EU commissioner', 'executive director', 'prefect', 'mayor'];
const CATEGORIES: FigureCategory[] = ['deaths', 'missing', 'rescued', 'arrivals', 'crossings', 'asylum', 'returns', 'arrests', 'boats', 'money', 'percent'];
const SITES = ['Le Littoral Info', 'Channel News', 'Il Giornale del Mare', 'Tagesblatt', 'El Diario Sur', 'De Krant', 'Border Watch', 'Migration Daily'];
const KINDS: MentionKind[] = ['institution', 'person', 'role', 'figure', 'date'];

export type GenerateOptions = { count: number; batch: number; textChars: number; mentionsPerClipping: number };
export type GenerateReport = { clippings: number; mentions: number; textBytes: number; ms: number };

export async function generateLibrary(opts: GenerateOptions): Promise<GenerateReport> {
  const rand = prng(42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const word = wordSource(rand);

  const db = openDatabase();
  await db.open();
  const start = performance.now();
  let mentions = 0;
  let textBytes = 0;
  for (let done = 0; done < opts.count; done += opts.batch) {
    const inputs: ClippingInput[] = [];
    for (let i = done; i < Math.min(opts.count, done + opts.batch); i++) {
      let text = `Report ${i}: ${pick(INSTITUTIONS)} and the ${pick(ROLES)}\n\n`;
      const ms: AnchoredMention[] = [];
      const every = Math.floor(opts.textChars / opts.mentionsPerClipping);
      while (text.length < opts.textChars) {
        text += `${word()} `;
        if (text.length > every * (ms.length + 1) && ms.length < opts.mentionsPerClipping) {
          const kind = KINDS[ms.length % KINDS.length];
          const category = pick(CATEGORIES);
          const value = Math.floor(rand() * 500) + 1;
          const surface = kind === 'institution' ? pick(INSTITUTIONS) : kind === 'person' ? pick(PEOPLE) : kind === 'role' ? pick(ROLES)
            : kind === 'figure' ? `${value} ${category === 'money' ? 'million euros' : 'people'}` : `${1 + (i % 28)} November 2023`;
          const s = text.length;
          text += `${surface}`;
          ms.push({
            kind, start: s, end: text.length, text: surface, canonical: surface,
            ...(kind === 'figure' ? { value, unit: category === 'money' ? 'EUR' : 'people', category } : {}),
            ...(kind === 'date' ? { iso: `2023-11-${String(1 + (i % 28)).padStart(2, '0')}` } : {}),
            anchor: { quote: surface, prefix: text.slice(Math.max(0, s - 32), s), suffix: '', position: s },
          } as AnchoredMention);
          text += '. ';
          if (ms.length % 6 === 0) text += '\n\n';
        }
      }
      const html = text.split('\n\n').map((p) => `<p>${p}</p>`).join('');
      mentions += ms.length;
      textBytes += text.length;
      const month = String(1 + (i % 12)).padStart(2, '0');
      inputs.push({
        urlKey: `https://news.example/${i}`, url: `https://news.example/${i}`, canonicalUrl: null,
        title: text.slice(0, text.indexOf('\n')), byline: null, siteName: pick(SITES), lang: 'en', published: `20${20 + (i % 5)}-${month}-15`,
        excerpt: null, text, html, mentions: ms,
      });
    }
    await saveClippings(db, inputs, new Date(Date.UTC(2024, 0, 1) + done * 1000));
  }
  const ms = performance.now() - start;
  db.close();
  return { clippings: opts.count, mentions, textBytes, ms };
}

(globalThis as unknown as { __migralensBench: unknown }).__migralensBench = { generateLibrary };
