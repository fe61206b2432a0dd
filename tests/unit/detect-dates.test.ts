import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectDates } from '../../lib/detect/dates';
import type { DetectContext, Lang } from '../../lib/detect/types';
import { SUPPORTED_LANGS } from '../../lib/detect/types';

/** [span, iso] pairs found in `text`, iso `null` when absent. */
function dates(text: string, lang: Lang | null, published?: string): [string, string | null][] {
  return detectDates(text, { lang, published }).map((m) => [m.text, m.iso ?? null]);
}

/** [language, publication date, sentence, expected [span, iso] pairs]. */
type Case = [Lang, string, string, [string, string | null][]];

const POSITIVE: Case[] = [
  // French
  ['fr', '2021-11-26', 'Le naufrage du mercredi 24 novembre 2021 a fait 27 morts.', [['mercredi 24 novembre 2021', '2021-11-24']]],
  ['fr', '2021-11-26', 'Le drame s’est produit le 24 novembre 2021 au large de Calais.', [['24 novembre 2021', '2021-11-24']]],
  ['fr', '2021-11-26', 'Les secours sont intervenus mercredi 24 novembre vers 14 heures.', [['mercredi 24 novembre', '2021-11-24']]],
  ['fr', '2021-11-26', 'La réunion est prévue le 1er décembre à Bruxelles.', [['1er décembre', '2021-12-01']]],
  ['fr', '2023-09-02', 'Le centre a fermé en juin 2023 faute de financement.', [['juin 2023', '2023-06']]],
  ['fr', '2021-09-15', 'En juillet, les arrivées ont doublé.', [['juillet', '2021-07']]],
  ['fr', '2022-02-10', 'En juillet, les arrivées avaient doublé.', [['juillet', '2021-07']]],
  ['fr', '2022-02-10', 'La loi entrera en vigueur en juillet prochain.', [['juillet', '2022-07']]],
  ['fr', '2021-09-15', 'Depuis 2018, les traversées en small boats se multiplient.', [['2018', '2018']]],
  ['fr', '2020-09-11', 'Le feu a pris dans la nuit de mardi à mercredi.', [['mardi', '2020-09-08'], ['mercredi', '2020-09-09']]],
  ['fr', '2020-09-11', 'Vendredi, dix pays se sont engagés.', [['Vendredi', '2020-09-11']]],
  ['fr', '2020-09-11', 'Dans la nuit de lundi 7 à mardi 8 septembre, un incendie a éclaté.', [['lundi 7', '2020-09-07'], ['mardi 8 septembre', '2020-09-08']]],
  ['fr', '2020-09-11', 'Le ministre s’est rendu sur place dimanche soir.', [['dimanche', '2020-09-06']]],
  ['fr', '2021-03-20', 'Les audiences auront lieu du 3 au 5 mars 2021.', [['3', '2021-03-03'], ['5 mars 2021', '2021-03-05']]],
  ['fr', '2021-05-20', 'De janvier à mars 2021, 5 000 personnes sont arrivées.', [['janvier', '2021-01'], ['mars 2021', '2021-03']]],
  ['fr', '2021-05-20', 'La décision du 24/11/2020 a été annulée le 2021-05-12.', [['24/11/2020', '2020-11-24'], ['2021-05-12', '2021-05-12']]],
  ['fr', '2021-05-20', 'Mi-juin, le camp était déjà plein.', [['juin', '2021-06']]],
  ['fr', '2021-05-20', 'Lundi prochain, le préfet recevra les associations.', [['Lundi', '2021-05-24']]],
  ['fr', '2021-05-20', 'Le bateau avait quitté la Libye vendredi dernier.', [['vendredi', '2021-05-14']]],
  ['fr', '2021-05-20', 'Entre 2015 et 2016, plus d’un million de personnes sont arrivées.', [['2015', '2015'], ['2016', '2016']]],
  ['fr', '2021-11-26', 'Dans la nuit du 23 au 24 novembre, un canot a chaviré.', [['23', '2021-11-23'], ['24 novembre', '2021-11-24']]],
  ['fr', '2023-03-01', 'Au premier semestre 2022, fin 2023 et d’ici à 2030.', [['2022', '2022'], ['2023', '2023'], ['2030', '2030']]],
  // English
  ['en', '2022-04-29', 'The board confirmed his resignation on Friday.', [['Friday', '2022-04-29']]],
  ['en', '2022-04-29', 'The agency said on Sunday that the search had ended.', [['Sunday', '2022-04-24']]],
  ['en', '2021-12-01', 'At least 27 people drowned on 24 November in the Channel.', [['24 November', '2021-11-24']]],
  ['en', '2021-12-01', 'The dinghy sank on November 24, 2021, off Calais.', [['November 24, 2021', '2021-11-24']]],
  ['en', '2021-12-01', 'Talks resumed on Wednesday, November 24, in Brussels.', [['Wednesday, November 24', '2021-11-24']]],
  ['en', '2021-12-01', 'The hearing on Wednesday 24 November 2021 was adjourned.', [['Wednesday 24 November 2021', '2021-11-24']]],
  ['en', '2021-12-01', 'The order expires on the 28th of November.', [['28th of November', '2021-11-28']]],
  ['en', '2022-04-29', 'He has led the agency since January 2015.', [['January 2015', '2015-01']]],
  ['en', '2022-04-29', 'The scheme was announced in 2018 and extended by 2027.', [['2018', '2018'], ['2027', '2027']]],
  ['en', '2022-06-20', 'The first flight was planned for 14 June but was grounded.', [['14 June', '2022-06-14']]],
  ['en', '2022-06-20', 'The bill passed in May after a long debate.', [['May', '2022-05']]],
  ['en', '2022-06-20', 'Arrivals rose in May 2022 and again in mid-May.', [['May 2022', '2022-05'], ['May', '2022-05']]],
  ['en', '2022-06-20', 'In May 10 people died at the border.', [['May', '2022-05']]],
  ['en', '2022-06-20', 'Crossings rose from January to August 2021.', [['January', '2021-01'], ['August 2021', '2021-08']]],
  ['en', '2022-06-20', 'The camp will close next Monday.', [['Monday', '2022-06-27']]],
  ['en', '2022-06-20', 'Officials met last Friday.', [['Friday', '2022-06-17']]],
  ['en', '2022-06-20', 'The court sits from 3-5 March.', [['3', '2022-03-03'], ['5 March', '2022-03-05']]],
  ['en', '2019-06-15', 'Tickets go on sale Friday, Dec. 6.', [['Friday, Dec. 6', '2019-12-06']]],
  ['en', '2022-06-20', 'Applications fell between 2013 and 2018 refugees said.', [['2013', '2013'], ['2018', '2018']]],
  // German
  ['de', '2024-09-18', 'Die Kontrollen begannen am Montag, dem 16. September.', [['Montag, dem 16. September', '2024-09-16']]],
  ['de', '2024-09-18', 'Seit dem 16. September 2024 wird an allen Grenzen kontrolliert.', [['16. September 2024', '2024-09-16']]],
  ['de', '2024-09-18', 'Am Montagmorgen erreichten 40 Menschen die Küste.', [['Montagmorgen', '2024-09-16']]],
  ['de', '2024-09-18', 'Die Abstimmung fand am Donnerstag statt.', [['Donnerstag', '2024-09-12']]],
  ['de', '2024-09-18', 'Von Januar bis August 2024 wurden 160.000 Anträge gestellt.', [['Januar', '2024-01'], ['August 2024', '2024-08']]],
  ['de', '2024-09-18', 'Das Abkommen wurde im April unterzeichnet.', [['April', '2024-04']]],
  ['de', '2024-09-18', 'Anfang Mai kamen mehr Boote an.', [['Mai', '2024-05']]],
  ['de', '2024-09-18', '2020 stellten nur wenige Menschen einen Antrag, so wenige wie seit 1998 nicht mehr.', [['2020', '2020'], ['1998', '1998']]],
  ['de', '2024-09-18', 'Im Jahr 2015 kamen rund 890.000 Schutzsuchende.', [['2015', '2015']]],
  ['de', '2024-09-18', 'Der Gipfel tagt vom 3. bis 5. Oktober.', [['3.', '2024-10-03'], ['5. Oktober', '2024-10-05']]],
  ['de', '2024-09-18', 'Das Urteil vom 03.06.2021 ist rechtskräftig.', [['03.06.2021', '2021-06-03']]],
  ['de', '2024-09-18', 'Am kommenden Freitag berät der Bundesrat.', [['Freitag', '2024-09-20']]],
  ['de', '2024-09-18', 'Das Gesetz gilt seit Jänner 2023.', [['Jänner 2023', '2023-01']]],
  ['de', '2024-09-18', 'Im Winter 2015/16 kamen die meisten über die Balkanroute.', [['2015/16', null]]],
  // Italian
  ['it', '2023-02-28', 'Il naufragio di domenica 26 febbraio ha fatto decine di vittime.', [['domenica 26 febbraio', '2023-02-26']]],
  ['it', '2023-02-28', 'La barca era partita il 22 febbraio 2023 dalla Turchia.', [['22 febbraio 2023', '2023-02-22']]],
  ['it', '2023-02-28', 'I soccorsi sono arrivati sabato.', [['sabato', '2023-02-25']]],
  ['it', '2023-02-28', 'Nel 2018 gli sbarchi erano calati.', [['2018', '2018']]],
  ['it', '2023-02-28', 'Il decreto è stato approvato il 1° marzo.', [['1° marzo', '2023-03-01']]],
  ['it', '2023-02-28', 'A gennaio i rimpatri sono aumentati.', [['gennaio', '2023-01']]],
  ['it', '2023-02-28', 'La nave è attraccata lunedì scorso.', [['lunedì', '2023-02-27']]],
  ['it', '2023-02-28', 'Rispetto al maggio del 2021 gli arrivi sono raddoppiati.', [['maggio del 2021', '2021-05']]],
  ['it', '2023-02-28', 'Nella notte tra venerdì e sabato la nave ha forzato il blocco.', [['venerdì', '2023-02-24'], ['sabato', '2023-02-25']]],
  ['it', '2023-02-28', 'Nella notte tra sabato 25 e domenica 26 febbraio il barcone si è spezzato.', [['sabato 25', '2023-02-25'], ['domenica 26 febbraio', '2023-02-26']]],
  // Spanish
  ['es', '2021-05-20', 'El 18 de mayo de 2021 miles de personas entraron en Ceuta.', [['18 de mayo de 2021', '2021-05-18']]],
  ['es', '2021-05-20', 'El martes, 18 de mayo, la frontera quedó abierta.', [['martes, 18 de mayo', '2021-05-18']]],
  ['es', '2021-05-20', 'En mayo llegaron más pateras que en todo el invierno.', [['mayo', '2021-05']]],
  ['es', '2021-05-20', 'Desde 2015 la ruta canaria no había sido tan activa.', [['2015', '2015']]],
  ['es', '2021-05-20', 'El próximo lunes se reunirá el Consejo.', [['lunes', '2021-05-24']]],
  ['es', '2021-05-20', 'La ley se aprobó el 1.º de enero.', [['1.º de enero', '2021-01-01']]],
  ['es', '2021-05-20', 'Del 3 al 5 de marzo se celebró la cumbre.', [['3', '2021-03-03'], ['5 de marzo', '2021-03-05']]],
  ['es', '2021-05-20', 'El acuerdo se firmó en marzo de 2019.', [['marzo de 2019', '2019-03']]],
  // Dutch
  ['nl', '2022-08-05', 'De aanmeldcentrum in Ter Apel sloot op 3 augustus 2022 de deuren.', [['3 augustus 2022', '2022-08-03']]],
  ['nl', '2022-08-05', 'Op maandag 1 augustus sliepen er honderd mensen buiten.', [['maandag 1 augustus', '2022-08-01']]],
  ['nl', '2022-08-05', 'Zondagavond werd de opvang ontruimd.', [['Zondagavond', '2022-07-31']]],
  ['nl', '2022-08-05', 'In juli kwamen er meer asielzoekers.', [['juli', '2022-07']]],
  ['nl', '2022-08-05', 'Sinds 2015 is de instroom niet zo hoog geweest.', [['2015', '2015']]],
  ['nl', '2022-08-05', 'Volgende week maandag beslist het kabinet.', [['maandag', '2022-08-08']]],
  ['nl', '2022-08-05', 'Van januari tot maart 2022 steeg het aantal aanvragen.', [['januari', '2022-01'], ['maart 2022', '2022-03']]],
  ['nl', '2022-08-05', 'De wet geldt sinds 1 jan. 2022.', [['1 jan. 2022', '2022-01-01']]],
  ['nl', '2022-08-05', 'In de nacht van zaterdag op zondag sliepen er 700 mensen buiten.', [['zaterdag', '2022-07-30'], ['zondag', '2022-07-31']]],
];

const NEGATIVE: [Lang, string][] = [
  ['fr', 'Hier, la semaine dernière et l’an dernier, rien de tel.'],
  ['fr', 'Le bateau transportait plus de 2000 personnes.'],
  ['fr', 'Environ 2 000 migrants et 2000 réfugiés attendaient.'],
  ['fr', 'Les secours sont arrivés à 8h30, trois jours après.'],
  ['fr', 'Le rover Perseverance s’est posé sur Mars 2020 sans encombre.'],
  ['fr', 'Le Journal du dimanche a publié un sondage pour Mardi gras.'],
  ['fr', 'Les bénévoles viennent chaque lundi et tous les mardis.'],
  ['fr', 'Une manifestation rue du 4 septembre a rassemblé 300 personnes.'],
  ['fr', 'Le règlement (UE) 2016/399 et la directive 2013/32/UE s’appliquent.'],
  ['fr', 'Dans les années 2000, les arrivées étaient rares. © 2020 Le Monde'],
  ['fr', 'Au printemps et en été, les traversées augmentent.'],
  ['en', 'Yesterday, last year and next week are not dates.'],
  ['en', 'You may leave, and the protesters march on Rome.'],
  ['en', 'Theresa May said the policy would stay, and confidence in May’s government fell.'],
  ['en', 'The Sunday Times and the Mail on Sunday reported the story.'],
  ['en', 'Black Friday sales and the Good Friday Agreement were discussed.'],
  ['en', 'The court ruled in R (AAA) v SSHD [2023] UKSC 42 that the policy was unlawful.'],
  ['en', 'The camp held 2,000 people and 2000 people more arrived, COVID-19 spread.'],
  ['en', 'June Sarpong and Jan Egeland spoke; the Illegal Migration Act 2023 passed.'],
  ['en', 'Aid workers meet every Monday to plan.'],
  ['en', 'The boat left at 2am and arrived six months later.'],
  ['de', 'Heute, gestern und letztes Jahr kamen rund 2000 Menschen.'],
  ['de', 'August Hanning äußerte sich, die Welt am Sonntag berichtete.'],
  ['de', 'Montags und jeden Dienstag ist das Amt geöffnet.'],
  ['de', 'Die Agenda 2030 wurde beschlossen.'],
  ['de', 'In der Halle leben 2015 Flüchtlinge.'],
  ['it', 'La Rete 26 febbraio ha organizzato un presidio a Crotone.'],
  ['it', 'Il Martedì grasso e il Venerdì santo sono feste.'],
  ['it', 'Oltre 2000 persone sono sbarcate, mai così tante.'],
  ['it', 'In via 20 settembre ha sede l’Associazione 21 luglio.'],
  ['it', 'Ieri e l’anno scorso, ogni lunedì, intorno alle 4.'],
  ['es', 'Las Madres de Plaza de Mayo marcharon el Viernes Santo.'],
  ['es', 'Los lunes llegan más de 2000 personas, ayer y el año pasado también.'],
  ['nl', 'Gisteren en vorig jaar kwamen ruim 2000 mensen; elke maandag is er spreekuur.'],
  ['nl', 'Op Goede Vrijdag kwamen 2000 asielzoekers aan.'],
];

describe('detectDates: positive cases', () => {
  test.each(POSITIVE)('%s %s: %s', (lang, published, text, expected) => {
    expect(dates(text, lang, published)).toEqual(expected);
  });
});

describe('detectDates: not dates', () => {
  test.each(NEGATIVE)('%s: %s', (lang, text) => {
    expect(dates(text, lang, '2023-05-10')).toEqual([]);
  });
});

describe('detectDates: mention shape', () => {
  test('offsets, text and canonical agree with the input', () => {
    const text = 'Le 9 septembre 2020, mercredi, puis en juillet et en 2018.';
    const found = detectDates(text, { lang: 'fr', published: '2020-09-11' });
    expect(found.length).toBe(4);
    for (const m of found) {
      expect(m.kind).toBe('date');
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.canonical).toBe(m.text);
    }
    expect(found.map((m) => m.start)).toEqual([...found.map((m) => m.start)].sort((a, b) => a - b));
  });

  test('no publication date: open dates keep their span and lose the iso', () => {
    expect(dates('Mercredi, le 24 novembre et en 2018, puis en juillet 2019.', 'fr')).toEqual([
      ['Mercredi', null], ['24 novembre', null], ['2018', '2018'], ['juillet 2019', '2019-07'],
    ]);
  });

  test('a longer ISO publication timestamp is accepted', () => {
    expect(dates('Leggeri resigned on Friday.', 'en', '2022-04-29T18:30:00+02:00')).toEqual([['Friday', '2022-04-29']]);
  });

  test('a weekday written with its date picks the year in which they agree', () => {
    // 6 December is a Friday in 2019, not in 2018 or 2020.
    expect(dates('Doors open Friday, Dec. 6.', 'en', '2019-05-01')).toEqual([['Friday, Dec. 6', '2019-12-06']]);
  });

  test('an impossible calendar date keeps no iso', () => {
    expect(dates('le 31 février 2021', 'fr', '2021-03-01')).toEqual([['31 février 2021', null]]);
  });

  test('a language without support only gets numeric dates', () => {
    expect(dates('Em 24/11/2021, em maio de 2020, na segunda-feira.', null, '2021-12-01')).toEqual([['24/11/2021', '2021-11-24']]);
  });

  test('a date wrapped over two lines is one date; a paragraph break ends it', () => {
    expect(dates('desembarcó en noviembre de\n      1998 y pidió asilo', 'es', '2016-06-15')).toEqual([['noviembre de\n      1998', '1998-11']]);
    expect(dates('Le camp a fermé fin juin\n\n2021 a été une année difficile.', 'fr', '2022-03-01')).toEqual([['juin', '2021-06'], ['2021', '2021']]);
  });

  test('month names are read in the language of the text only', () => {
    expect(dates('Er kam im Juni und im juin.', 'de', '2021-08-01')).toEqual([['Juni', '2021-06']]);
  });
});

describe('detectDates: bad input', () => {
  const ctx: DetectContext = { lang: 'fr', published: '2021-11-26' };

  test('empty and non-string text', () => {
    expect(detectDates('', ctx)).toEqual([]);
    expect(detectDates(undefined as unknown as string, ctx)).toEqual([]);
  });

  test('a bad publication date or context does not throw', () => {
    expect(() => detectDates('mercredi 24 novembre', { lang: 'fr', published: 'not a date' })).not.toThrow();
    expect(dates('mercredi', 'fr', '2021-13-45')).toEqual([['mercredi', null]]);
    expect(() => detectDates('mardi', { lang: 'xx' as Lang })).not.toThrow();
    expect(dates('mardi 24/11/2021', 'toString' as Lang)).toEqual([['24/11/2021', '2021-11-24']]);
  });

  test('5 MB of text', () => {
    const chunk = 'Le mardi 8 septembre 2020, plus de 12 000 personnes ont fui en juillet et en 2018. ';
    const text = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    const found = detectDates(text, ctx);
    expect(found.length).toBe(3 * Math.ceil(5_000_000 / chunk.length));
  });

  test('binary garbage, RTL text and lone surrogates', () => {
    let garbage = '';
    for (let i = 0; i < 200_000; i++) garbage += String.fromCharCode((i * 7919) % 65536);
    for (const lang of [...SUPPORTED_LANGS, null]) {
      expect(() => detectDates(garbage, { lang, published: '2021-01-01' })).not.toThrow();
    }
    const rtl = 'قال المتحدث يوم الثلاثاء 24/11/2021 إن ٢٠٢١ عام صعب \u202Eمارس 2021\u202C';
    expect(dates(rtl, 'fr', '2021-12-01')).toEqual([['24/11/2021', '2021-11-24'], ['2021', '2021']]);
    expect(() => detectDates('\uD800mardi\uDC00 8 \uDFFF', ctx)).not.toThrow();
  });

  test('long runs of digits, spaces and punctuation', () => {
    for (const text of ['1'.repeat(100_000), ' '.repeat(100_000), '12/'.repeat(50_000), '2020-'.repeat(20_000), 'mardi '.repeat(20_000)]) {
      expect(() => detectDates(text, ctx)).not.toThrow();
    }
  });
});

describe('date tables (lib/detect/data/dates-*.json)', () => {
  const dir = join(__dirname, '../../lib/detect/data');
  const files = readdirSync(dir).filter((f) => /^dates-[a-z]{2}\.json$/.test(f));

  test('one table per supported language', () => {
    expect(files.map((f) => f.slice(6, 8)).sort()).toEqual([...SUPPORTED_LANGS].sort());
  });

  test.each(files)('%s is complete, normalised and without duplicates', (file) => {
    const t = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    expect(t.version).toBeTypeOf('number');
    expect(t.source).toBeTypeOf('string');
    expect(t.lang).toBe(file.slice(6, 8));
    expect(t.months).toHaveLength(12);
    expect(t.monthAbbreviations).toHaveLength(12);
    expect(t.weekdays).toHaveLength(7);
    const names = [...t.months.flat(), ...t.monthAbbreviations.flat(), ...t.weekdays.flat()].map((s: string) => s.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const [key, value] of Object.entries(t)) {
      const words = Array.isArray(value) ? value.flat() : typeof value === 'object' && value ? Object.values(value).flat() : [];
      for (const w of words as string[]) {
        expect(w, `${file} ${key}`).toBe(w.normalize('NFC').trim());
        expect(w.length, `${file} ${key}`).toBeGreaterThan(0);
      }
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        expect(new Set(value).size, `${file} ${key} has duplicates`).toBe(value.length);
      }
    }
    for (const m of t.ambiguousMonths) expect(t.months.flat()).toContain(m.toLowerCase() === m || t.capitalised ? m : m.toLowerCase());
  });
});
