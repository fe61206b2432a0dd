import { describe, expect, test } from 'vitest';
import { detectFigures } from '../../lib/detect/figures';
import { readDigits, digitStyle } from '../../lib/detect/figures/parse-digits';
import { combine } from '../../lib/detect/figures/number-words';
import type { Lang, Mention } from '../../lib/detect/types';

/** The fields a case asserts; absent optional fields must be absent in the mention too. */
type Want = Pick<Mention, 'text' | 'value' | 'unit' | 'category'> & Partial<Pick<Mention, 'valueMax' | 'qualifier' | 'currency'>>;
type Case = { text: string; want: Want[] };

const NNBSP = '\u202f';
const NBSP = '\u00a0';

function figures(text: string, lang: Lang | null): Mention[] {
  return detectFigures(text, { lang });
}

function shape(m: Mention): Want {
  const out: Want = { text: m.text, value: m.value, unit: m.unit, category: m.category };
  if (m.valueMax !== undefined) out.valueMax = m.valueMax;
  if (m.qualifier !== undefined) out.qualifier = m.qualifier;
  if (m.currency !== undefined) out.currency = m.currency;
  return out;
}

const CASES: Record<Lang, Case[]> = {
  fr: [
    { text: 'Au moins 27 exilés sont morts dans la Manche.', want: [{ text: 'Au moins 27 exilés', value: 27, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: `La préfecture a recensé 18${NNBSP}342 arrivées depuis janvier.`, want: [{ text: `18${NNBSP}342 arrivées`, value: 18342, unit: 'people', category: 'arrivals' }] },
    { text: 'L’agence disposera de 62,7 millions d’euros.', want: [{ text: '62,7 millions d’euros', value: 62700000, unit: 'EUR', category: 'money' }] },
    { text: 'Une centaine d’embarcations ont été interceptées.', want: [{ text: 'Une centaine d’embarcations', value: 100, unit: 'boats', category: 'boats', qualifier: 'about' }] },
    { text: 'Entre 3 000 et 4 000 migrants attendent à Calais.', want: [{ text: 'Entre 3 000 et 4 000 migrants', value: 3000, valueMax: 4000, unit: 'people', category: 'people', qualifier: 'between' }] },
    { text: 'Plus de 1 200 migrants secourus ont débarqué à Brest.', want: [{ text: 'Plus de 1 200 migrants', value: 1200, unit: 'people', category: 'rescued', qualifier: 'more than' }] },
    { text: 'Vingt-sept corps ont été repêchés.', want: [{ text: 'Vingt-sept corps', value: 27, unit: 'people', category: 'deaths' }] },
    { text: `Le taux de protection atteint 13${NBSP}% cette année.`, want: [{ text: `13${NBSP}%`, value: 13, unit: 'percent', category: 'percent' }] },
    { text: 'Deux survivants ont été hospitalisés.', want: [{ text: 'Deux survivants', value: 2, unit: 'people', category: 'rescued' }] },
    { text: 'On a compté 9 300 traversées, contre environ 7 400 l’an dernier.', want: [
      { text: '9 300 traversées', value: 9300, unit: 'people', category: 'crossings' },
      { text: 'environ 7 400', value: 7400, unit: 'other', category: 'other', qualifier: 'about' },
    ] },
    { text: 'Une dizaine de mineurs isolés dorment dehors.', want: [{ text: 'Une dizaine de mineurs isolés', value: 10, unit: 'people', category: 'people', qualifier: 'about' }] },
    { text: 'Un homme de 34 ans a été interpellé.', want: [{ text: '34 ans', value: 34, unit: 'other', category: 'other' }] },
    { text: 'Marie Dupont, 34 ans, a témoigné ; depuis Paris, 10 ans de travaux.', want: [{ text: '34 ans', value: 34, unit: 'other', category: 'other' }] },
    { text: 'Quatre passeurs ont été arrêtés mardi.', want: [{ text: 'Quatre passeurs', value: 4, unit: 'people', category: 'arrests' }] },
    { text: 'Le fonds atteint 1,5 milliard d’euros.', want: [{ text: '1,5 milliard d’euros', value: 1500000000, unit: 'EUR', category: 'money' }] },
    { text: 'Quelque 300 migrants ont été expulsés.', want: [{ text: 'Quelque 300 migrants', value: 300, unit: 'people', category: 'returns', qualifier: 'about' }] },
    { text: 'Une amende jusqu’à 50 000 euros.', want: [{ text: 'jusqu’à 50 000 euros', value: 50000, unit: 'EUR', category: 'money', qualifier: 'up to' }] },
    { text: 'Le bébé, âgé de cinq mois, et un garçon de 19 ans.', want: [
      { text: 'âgé de cinq mois', value: 5, unit: 'other', category: 'other' },
      { text: '19 ans', value: 19, unit: 'other', category: 'other' },
    ] },
    { text: 'Au moins un mort et un seul survivant.', want: [
      { text: 'Au moins un mort', value: 1, unit: 'people', category: 'deaths', qualifier: 'at least' },
      { text: 'un seul survivant', value: 1, unit: 'people', category: 'rescued' },
    ] },
    { text: 'Près de 2 millions de personnes et entre 2 et 3 millions d’euros.', want: [
      { text: 'Près de 2 millions de personnes', value: 2000000, unit: 'people', category: 'people', qualifier: 'nearly' },
      { text: 'entre 2 et 3 millions d’euros', value: 2000000, valueMax: 3000000, unit: 'EUR', category: 'money', qualifier: 'between' },
    ] },
    { text: 'Dont 100 à 150 en Allemagne.', want: [{ text: '100 à 150', value: 100, valueMax: 150, unit: 'other', category: 'other', qualifier: 'between' }] },
    { text: 'Le nombre est passé de 22 à 19.', want: [
      { text: '22', value: 22, unit: 'other', category: 'other' },
      { text: '19', value: 19, unit: 'other', category: 'other' },
    ] },
    { text: 'Il a payé 4 000 zlotys au passeur.', want: [{ text: '4 000 zlotys', value: 4000, unit: 'other', currency: 'PLN', category: 'money' }] },
    { text: 'Une fillette de 7 ans et un Afghan de 17 ans, mais une peine de 5 ans.', want: [
      { text: '7 ans', value: 7, unit: 'other', category: 'other' },
      { text: '17 ans', value: 17, unit: 'other', category: 'other' },
    ] },
    { text: 'Environ 400 Français et 2 209 Syriens.', want: [
      { text: 'Environ 400 Français', value: 400, unit: 'people', category: 'people', qualifier: 'about' },
      { text: '2 209 Syriens', value: 2209, unit: 'people', category: 'people' },
    ] },
  ],
  en: [
    { text: 'More than 27,000 people crossed the Channel in small boats last year.', want: [{ text: 'More than 27,000 people', value: 27000, unit: 'people', category: 'crossings', qualifier: 'more than' }] },
    { text: 'The scheme will cost £140 million over five years.', want: [{ text: '£140 million', value: 140000000, unit: 'GBP', category: 'money' }] },
    { text: 'The agency’s budget rose to €3bn.', want: [{ text: '€3bn', value: 3000000000, unit: 'EUR', category: 'money' }] },
    { text: 'Washington pledged $2 billion in aid.', want: [{ text: '$2 billion', value: 2000000000, unit: 'USD', category: 'money' }] },
    { text: 'Roughly 60 per cent of claims are granted.', want: [{ text: 'Roughly 60 per cent', value: 60, unit: 'percent', category: 'percent', qualifier: 'about' }] },
    { text: 'Between 400 and 750 people were on board.', want: [{ text: 'Between 400 and 750 people', value: 400, valueMax: 750, unit: 'people', category: 'people', qualifier: 'between' }] },
    { text: 'Five justices ruled against the government.', want: [{ text: 'Five justices', value: 5, unit: 'people', category: 'other' }] },
    { text: 'A dozen boats were intercepted on Tuesday.', want: [{ text: 'A dozen boats', value: 12, unit: 'boats', category: 'boats' }] },
    { text: 'Only 104 survived the sinking.', want: [{ text: '104', value: 104, unit: 'other', category: 'other' }] },
    { text: 'At least 41 migrants drowned off Lampedusa.', want: [{ text: 'At least 41 migrants', value: 41, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: 'Police arrested 15 people in Calais.', want: [{ text: '15 people', value: 15, unit: 'people', category: 'arrests' }] },
    { text: 'A 19-year-old man was charged; the victim, aged 17, survived.', want: [
      { text: '19-year-old', value: 19, unit: 'other', category: 'other' },
      { text: 'aged 17', value: 17, unit: 'other', category: 'other' },
    ] },
    { text: 'Nearly 200 unaccompanied minors went missing.', want: [{ text: 'Nearly 200 unaccompanied minors', value: 200, unit: 'people', category: 'missing', qualifier: 'nearly' }] },
    { text: 'The UK returned 3,500 people to Albania.', want: [{ text: '3,500 people', value: 3500, unit: 'people', category: 'returns' }] },
    { text: 'Fewer than 1,000 asylum seekers were relocated.', want: [{ text: 'Fewer than 1,000 asylum seekers', value: 1000, unit: 'people', category: 'asylum', qualifier: 'fewer than' }] },
    { text: 'More than a million people arrived in 2015.', want: [{ text: 'More than a million people', value: 1000000, unit: 'people', category: 'arrivals', qualifier: 'more than' }] },
    { text: 'Frontex logged 1.5 million detections.', want: [{ text: '1.5 million detections', value: 1500000, unit: 'people', category: 'crossings' }] },
    { text: 'At 10.30pm on Monday 12 people were rescued.', want: [{ text: '12 people', value: 12, unit: 'people', category: 'rescued' }] },
    { text: 'Some 3.5m people live there; the wall is 3m high.', want: [{ text: 'Some 3.5m people', value: 3500000, unit: 'people', category: 'people', qualifier: 'about' }] },
    { text: 'The firm employs about 450 Dreamers.', want: [{ text: 'about 450', value: 450, unit: 'other', category: 'other', qualifier: 'about' }] },
  ],
  de: [
    { text: 'Rund 50.000 Menschen stellten einen Asylantrag.', want: [{ text: 'Rund 50.000 Menschen', value: 50000, unit: 'people', category: 'asylum', qualifier: 'about' }] },
    { text: 'Der Bund stellt 1,5 Mrd. Euro bereit.', want: [{ text: '1,5 Mrd. Euro', value: 1500000000, unit: 'EUR', category: 'money' }] },
    { text: 'Der Anteil stieg auf 32,8 Prozent.', want: [{ text: '32,8 Prozent', value: 32.8, unit: 'percent', category: 'percent' }] },
    { text: 'Ein 26-jähriger Mann wurde festgenommen.', want: [{ text: '26-jähriger', value: 26, unit: 'other', category: 'other' }] },
    { text: 'Mindestens 61 Menschen ertranken vor der Küste.', want: [{ text: 'Mindestens 61 Menschen', value: 61, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: 'Die Polizei griff 120 Migranten auf.', want: [{ text: '120 Migranten', value: 120, unit: 'people', category: 'people' }] },
    { text: 'Mehr als 21.000 Asylanträge wurden gestellt.', want: [{ text: 'Mehr als 21.000 Asylanträge', value: 21000, unit: 'people', category: 'asylum', qualifier: 'more than' }] },
    { text: 'Die Behörden zählten siebenundzwanzig Tote.', want: [{ text: 'siebenundzwanzig Tote', value: 27, unit: 'people', category: 'deaths' }] },
    { text: 'Zwischen 300 und 400 Flüchtlinge warten.', want: [{ text: 'Zwischen 300 und 400 Flüchtlinge', value: 300, valueMax: 400, unit: 'people', category: 'people', qualifier: 'between' }] },
    { text: 'Es gab fast 2.000 Abschiebungen.', want: [{ text: 'fast 2.000 Abschiebungen', value: 2000, unit: 'people', category: 'returns', qualifier: 'nearly' }] },
    { text: 'Etwa 40 Boote wurden gesichtet.', want: [{ text: 'Etwa 40 Boote', value: 40, unit: 'boats', category: 'boats', qualifier: 'about' }] },
    { text: 'Für Kinder ab sechs Jahren gilt die Regel.', want: [{ text: 'sechs Jahren', value: 6, unit: 'other', category: 'other' }] },
    { text: 'Die Bundespolizei registrierte 3.200 unerlaubte Einreisen.', want: [{ text: '3.200 unerlaubte Einreisen', value: 3200, unit: 'people', category: 'arrivals' }] },
    { text: 'Bis zu 500 Bootsflüchtlinge kamen an.', want: [{ text: 'Bis zu 500 Bootsflüchtlinge', value: 500, unit: 'people', category: 'arrivals', qualifier: 'up to' }] },
    { text: 'Mit 70 zu 24 Stimmen nahm der Rat an, 1547 Menschen warten.', want: [
      { text: '70', value: 70, unit: 'other', category: 'other' },
      { text: '24 Stimmen', value: 24, unit: 'other', category: 'other' },
      { text: '1547 Menschen', value: 1547, unit: 'people', category: 'people' },
    ] },
    { text: 'Das Land hat rund 5,8 Millionen Einwohnern.', want: [{ text: 'rund 5,8 Millionen Einwohnern', value: 5800000, unit: 'people', category: 'other', qualifier: 'about' }] },
  ],
  nl: [
    { text: 'Zo\'n 700 mensen sliepen buiten, zo’n 80 kinderen ook.', want: [
      { text: 'Zo\'n 700 mensen', value: 700, unit: 'people', category: 'people', qualifier: 'about' },
      { text: 'zo’n 80 kinderen', value: 80, unit: 'people', category: 'people', qualifier: 'about' },
    ] },
    { text: 'Ruim 2.000 asielzoekers wachten op een besluit.', want: [{ text: 'Ruim 2.000 asielzoekers', value: 2000, unit: 'people', category: 'asylum', qualifier: 'more than' }] },
    { text: 'Minstens 12 doden bij scheepsramp.', want: [{ text: 'Minstens 12 doden', value: 12, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: 'Bijna 40 procent wordt afgewezen.', want: [{ text: 'Bijna 40 procent', value: 40, unit: 'percent', category: 'percent', qualifier: 'nearly' }] },
    { text: 'Tussen 300 en 500 vluchtelingen.', want: [{ text: 'Tussen 300 en 500 vluchtelingen', value: 300, valueMax: 500, unit: 'people', category: 'people', qualifier: 'between' }] },
    { text: 'Een tiental boten werd onderschept.', want: [{ text: 'Een tiental boten', value: 10, unit: 'boats', category: 'boats', qualifier: 'about' }] },
    { text: 'Het kabinet trekt 3,5 miljoen euro uit.', want: [{ text: '3,5 miljoen euro', value: 3500000, unit: 'EUR', category: 'money' }] },
    { text: 'Een 19-jarige man werd aangehouden.', want: [{ text: '19-jarige', value: 19, unit: 'other', category: 'other' }] },
    { text: 'Zevenentwintig asielaanvragen werden afgewezen.', want: [{ text: 'Zevenentwintig asielaanvragen', value: 27, unit: 'people', category: 'asylum' }] },
    { text: 'Maximaal 200 migranten mogen blijven.', want: [{ text: 'Maximaal 200 migranten', value: 200, unit: 'people', category: 'people', qualifier: 'up to' }] },
    { text: 'De politie heeft 14 mensen gearresteerd.', want: [{ text: '14 mensen', value: 14, unit: 'people', category: 'arrests' }] },
    { text: 'Het COA vangt 1.500 statushouders op.', want: [{ text: '1.500 statushouders', value: 1500, unit: 'people', category: 'people' }] },
  ],
  it: [
    { text: 'Almeno 41 migranti sono morti nel naufragio.', want: [{ text: 'Almeno 41 migranti', value: 41, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: 'Circa 180 persone sono state soccorse.', want: [{ text: 'Circa 180 persone', value: 180, unit: 'people', category: 'rescued', qualifier: 'about' }] },
    { text: 'Multe fino a 50.000 euro per le ong.', want: [{ text: 'fino a 50.000 euro', value: 50000, unit: 'EUR', category: 'money', qualifier: 'up to' }] },
    { text: 'Un calo di oltre l’80% degli sbarchi.', want: [{ text: 'oltre l’80%', value: 80, unit: 'percent', category: 'percent', qualifier: 'more than' }] },
    { text: 'Si cercano una ventina di dispersi.', want: [{ text: 'una ventina di dispersi', value: 20, unit: 'people', category: 'missing', qualifier: 'about' }] },
    { text: 'Mario Rossi, 58 anni, è stato arrestato.', want: [{ text: '58 anni', value: 58, unit: 'other', category: 'other' }] },
    { text: 'Un ragazzo di ventisei anni e la 31enne tedesca.', want: [
      { text: 'ventisei anni', value: 26, unit: 'other', category: 'other' },
      { text: '31enne', value: 31, unit: 'other', category: 'other' },
    ] },
    { text: 'Tre barconi sono stati intercettati.', want: [{ text: 'Tre barconi', value: 3, unit: 'boats', category: 'boats' }] },
    { text: 'Il governo stanzia 3,5 milioni di euro.', want: [{ text: '3,5 milioni di euro', value: 3500000, unit: 'EUR', category: 'money' }] },
    { text: 'Ospiterà tra 400 e 500 richiedenti asilo.', want: [{ text: 'tra 400 e 500 richiedenti asilo', value: 400, valueMax: 500, unit: 'people', category: 'asylum', qualifier: 'between' }] },
    { text: 'Sono sbarcate 1.200 persone a Lampedusa.', want: [{ text: '1.200 persone', value: 1200, unit: 'people', category: 'arrivals' }] },
    { text: 'Un centinaio di persone ha protestato.', want: [{ text: 'Un centinaio di persone', value: 100, unit: 'people', category: 'people', qualifier: 'about' }] },
    { text: 'Sbarcano 5mila persone.', want: [{ text: '5mila persone', value: 5000, unit: 'people', category: 'arrivals' }] },
    { text: 'La raccolta ha superato oltre un milione di euro.', want: [{ text: 'oltre un milione di euro', value: 1000000, unit: 'EUR', category: 'money', qualifier: 'more than' }] },
  ],
  es: [
    { text: 'Isabel Perelló, de 66 años, preside el Supremo.', want: [{ text: '66 años', value: 66, unit: 'other', category: 'other' }] },
    { text: 'Al menos 27 personas murieron en el naufragio.', want: [{ text: 'Al menos 27 personas', value: 27, unit: 'people', category: 'deaths', qualifier: 'at least' }] },
    { text: 'Unas 8.000 personas llegaron a Ceuta.', want: [{ text: 'Unas 8.000 personas', value: 8000, unit: 'people', category: 'arrivals', qualifier: 'about' }] },
    { text: 'Salvamento Marítimo rescató a 53 migrantes de dos pateras.', want: [
      { text: '53 migrantes', value: 53, unit: 'people', category: 'rescued' },
      { text: 'dos pateras', value: 2, unit: 'boats', category: 'boats' },
    ] },
    { text: 'Un joven de 17 años murió.', want: [{ text: '17 años', value: 17, unit: 'other', category: 'other' }] },
    { text: 'Más del 40 % de las solicitudes.', want: [{ text: 'Más del 40 %', value: 40, unit: 'percent', category: 'percent', qualifier: 'more than' }] },
    { text: 'La UE aporta 1,2 millones de euros.', want: [{ text: '1,2 millones de euros', value: 1200000, unit: 'EUR', category: 'money' }] },
    { text: 'Entre 300 y 400 migrantes esperan.', want: [{ text: 'Entre 300 y 400 migrantes', value: 300, valueMax: 400, unit: 'people', category: 'people', qualifier: 'between' }] },
    { text: 'Casi 500 cayucos zarparon.', want: [{ text: 'Casi 500 cayucos', value: 500, unit: 'boats', category: 'boats', qualifier: 'nearly' }] },
    { text: 'Hubo una decena de detenidos.', want: [{ text: 'una decena de detenidos', value: 10, unit: 'people', category: 'arrests', qualifier: 'about' }] },
    { text: 'Cerca de 2.000 expulsiones.', want: [{ text: 'Cerca de 2.000 expulsiones', value: 2000, unit: 'people', category: 'returns', qualifier: 'nearly' }] },
    { text: 'Aparecieron veintisiete cadáveres y doscientas personas.', want: [
      { text: 'veintisiete cadáveres', value: 27, unit: 'people', category: 'deaths' },
      { text: 'doscientas personas', value: 200, unit: 'people', category: 'people' },
    ] },
    { text: 'Llegaron treinta y dos menores no acompañados.', want: [{ text: 'treinta y dos menores no acompañados', value: 32, unit: 'people', category: 'arrivals' }] },
    { text: 'La Guardia Civil detuvo a 14 personas.', want: [{ text: '14 personas', value: 14, unit: 'people', category: 'arrests' }] },
  ],
};

describe('detectFigures: real cases per language', () => {
  for (const [lang, cases] of Object.entries(CASES) as [Lang, Case[]][]) {
    test.each(cases)(`${lang}: $text`, ({ text, want }) => {
      expect(figures(text, lang).map(shape)).toEqual(want);
    });
  }
});

/** Sentences in which no number is a figure (GUIDELINES.md, "Not figures"). */
const NEGATIVES: Record<Lang, string[]> = {
  fr: [
    'Rendez-vous mardi 24 novembre à 8h30.', 'Les Vingt-Sept se sont réunis.', 'Un cinquième homme, le 1er décembre.',
    'Cinq jours après, il attendait depuis 18 mois.', 'Des centaines, puis des milliers de personnes.',
    'Un homme et une femme.', 'L’association Utopia 56 et le COVID-19.', 'Selon l’article 8 de la Convention.',
    'Les deux tiers des demandes.', 'Trois fois plus qu’en 2019.', 'Appelez le 03 88 00 00 00.', 'En 2020, la loi de 1998.',
    'Il y a 3 ans, une peine de 5 ans.', 'Les 5 et 6 septembre, du 12 au 15 mars.', 'Le film 6 Days et 99 Francs, au 10 Downing Street.', '5, place Broglie, 67000 Strasbourg.',
  ],
  en: [
    'The ferry left at 2am on Sunday.', 'Under Rule 39 and Article 8.', 'See [2023] UKSC 42.', 'The G7 and COVID-19.',
    'He spent six months, then eleven months in detention.', 'He was second, she came 3rd.', 'A third of claims.',
    'Hundreds, then thousands of people.', 'Sea-Watch 3 and D66.', 'One of them said a man was hit.',
    'Call 020 7946 0958 or quote ID 4410983.', 'After seven years in charge.', 'Page 12 of the report.',
  ],
  de: [
    'Um 11.30 Uhr am 16. September.', 'Nach zwölf Wochen.', 'Laut Artikel 25 und ein Fünftel.', 'Hunderte Menschen und Tausende.',
    'Der 2. Versuch scheiterte.', 'Ein Mann und eine Frau.', 'Im Jahr 2015 beim G20.', 'Tel. 0461 555 3000.',
  ],
  nl: [
    'Om 4 uur op 3 juni 2023.', 'Tienduizenden en honderden mensen.', 'Volgens artikel 8.', 'Een man en D66.',
    'Een derde van de aanvragen.', 'Zes maanden later.',
  ],
  it: [
    'Intorno alle 4 del mattino.', 'La Rete 26 febbraio protesta.', 'Il decreto n. 20 e l’articolo 8.', 'Migliaia di persone, centinaia di sbarchi.',
    'Un uomo e una donna.', 'La Sea-Watch 3 è entrata.', 'Il 1° gennaio.', 'Un terzo delle domande.', 'Per oltre due settimane.',
  ],
  es: [
    'A las 3 de la madrugada.', 'El 18 de mayo de 2021.', 'Miles de personas, cientos de familias.', 'El artículo 8.',
    'Un hombre y una mujer.', 'Un tercio de las solicitudes.', 'Hace seis meses.', 'Desde 2015.',
  ],
};

describe('detectFigures: numbers that are not figures', () => {
  for (const [lang, texts] of Object.entries(NEGATIVES) as [Lang, string[]][]) {
    test.each(texts)(`${lang}: %s`, (text) => {
      expect(figures(text, lang).map((m) => m.text)).toEqual([]);
    });
  }
});

describe('detectFigures: digits in each language style', () => {
  test.each([
    ['en', '18,342 people', 18342], ['en', '2.5 per cent', 2.5], ['fr', '62,7 millions de personnes', 62700000],
    ['fr', '18 342 personnes', 18342], ['fr', `18${NBSP}342 personnes`, 18342], ['fr', `18${NNBSP}342 personnes`, 18342],
    ['de', '18.342 Menschen', 18342], ['it', '18.342 persone', 18342], ['es', '18.342 personas', 18342],
    ['nl', '18.342 mensen', 18342], ['de', '1.234,5 Euro', 1234.5], ['en', '1,234.5 euros', 1234.5],
    [null, '1.500 and more', 1500], [null, '1,500 and more', 1500], [null, '2,5 and more', 2.5],
  ] as const)('%s %s → %d', (lang, text, value) => {
    expect(figures(text, lang)[0]?.value).toBe(value);
  });

  test('percent with a no-break space and a narrow no-break space', () => {
    expect(figures(`13${NBSP}% et 14${NNBSP}%`, 'fr').map((m) => [m.text, m.value, m.unit])).toEqual([
      [`13${NBSP}%`, 13, 'percent'], [`14${NNBSP}%`, 14, 'percent'],
    ]);
  });
});

describe('helpers', () => {
  test('readDigits stops before separators that do not group three digits', () => {
    expect(readDigits('1,5 and', 0, digitStyle('en'))).toMatchObject({ value: 1, end: 1 });
    expect(readDigits('21.000. Next', 0, digitStyle('de'))).toMatchObject({ value: 21000, end: 6, plain: false });
    expect(readDigits('2020 1 500', 0, digitStyle('fr'))).toMatchObject({ value: 2020, end: 4, plain: true });
    expect(readDigits('0922 000 000', 0, digitStyle('it'))).toMatchObject({ leadingZero: true });
    expect(readDigits('9'.repeat(40), 0, digitStyle('en'))).toBeNull();
  });

  test('combine adds written morphemes and rejects malformed sequences', () => {
    expect(combine([4, 100, 20, 7])).toBe(427);
    expect(combine([1000, 1000000])).toBe(1000000000); // mil millones
    expect(combine([80, 10, 9])).toBe(99); // quatre-vingt-dix-neuf
    expect(combine([2, 3])).toBeNull();
    expect(combine([7, 20])).toBeNull();
  });
});

describe('detectFigures: without a supported language', () => {
  test('reads digits, symbols and percent signs only', () => {
    const out = figures('Totals: 1,500 in 2020, 40 % and €3bn, and sept cents migrants.', null);
    expect(out.map((m) => [m.text, m.value, m.unit])).toEqual([
      ['1,500', 1500, 'other'], ['40 %', 40, 'percent'], ['€3bn', 3000000000, 'EUR'],
    ]);
  });
});

describe('detectFigures: output contract', () => {
  const samples = Object.entries(CASES).flatMap(([lang, cases]) => cases.map((c) => [c.text, lang as Lang] as const));
  test('spans are exact, sorted, non-overlapping figures', () => {
    const text = samples.map(([t]) => t).join('\n');
    for (const lang of ['fr', 'en', 'de', 'nl', 'it', 'es', null] as const) {
      const out = figures(text, lang);
      let end = 0;
      for (const m of out) {
        expect(m.kind).toBe('figure');
        expect(m.text).toBe(text.slice(m.start, m.end));
        expect(m.canonical).toBe(m.text);
        expect(m.start).toBeGreaterThanOrEqual(end);
        expect(Number.isFinite(m.value)).toBe(true);
        end = m.end;
      }
    }
  });

  test('the same call twice gives the same result (cached tables and regex state)', () => {
    const text = 'Plus de 12 000 personnes et 400 mineurs.';
    expect(figures(text, 'fr')).toEqual(figures(text, 'fr'));
  });
});

describe('detectFigures: bad input', () => {
  test('empty text', () => {
    expect(figures('', 'fr')).toEqual([]);
  });

  test('binary garbage and lone surrogates', () => {
    let s = '';
    let x = 7;
    for (let i = 0; i < 200_000; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      s += String.fromCharCode(x % 0xffff);
    }
    for (const lang of ['fr', 'de', null] as const) expect(() => figures(s + '\ud800 12 %', lang)).not.toThrow();
  });

  test('right-to-left text keeps exact offsets', () => {
    const text = 'قتل 27 مهاجرا على الأقل ‏עשרים‏ and 500 migrants';
    const out = figures(text, 'en');
    expect(out.map((m) => m.text)).toEqual(['27', '500 migrants']);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('a 5 MB article and 5 MB of digit runs finish', () => {
    const article = 'Plus de 12 000 personnes, dont 400 mineurs, sont arrivées le 9 septembre 2020 à 8h30. ';
    const big = article.repeat(Math.ceil(5_000_000 / article.length));
    expect(figures(big, 'fr').length).toBe(2 * Math.ceil(5_000_000 / article.length));
    expect(figures('9'.repeat(5_000_000), 'en')).toEqual([]);
    expect(figures('1.'.repeat(2_500_000), 'de').length).toBeLessThanOrEqual(1);
  });
});
