import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isSupportedLang, resolveLanguage } from '../../lib/detect/language';
import { SUPPORTED_LANGS } from '../../lib/detect/types';

/** Short news paragraphs written for these tests: the same story in each language. */
const SAMPLES: Record<string, string[]> = {
  fr: [
    "Le gouvernement a annoncé mardi un nouveau plan pour l'accueil des demandeurs d'asile. Selon le ministère, les places d'hébergement seront doublées d'ici la fin de l'année, mais les associations dénoncent des mesures insuffisantes.",
    "Les sauveteurs ont retrouvé les corps de trois personnes sur la plage. Une enquête a été ouverte par le parquet pour déterminer les circonstances du naufrage.",
    "Il faut que l'Europe prenne ses responsabilités, a déclaré la maire de la ville dans un entretien au journal.",
  ],
  en: [
    "The government announced on Tuesday a new plan to house asylum seekers. According to the ministry, the number of places will double by the end of the year, but charities say the measures are not enough.",
    "Rescuers found the bodies of three people on the beach. Police have opened an investigation into the circumstances of the sinking.",
    "Europe has to take its responsibilities, the mayor of the town said in an interview with the paper.",
  ],
  de: [
    "Die Bundesregierung hat am Dienstag einen neuen Plan für die Unterbringung von Asylsuchenden vorgestellt. Nach Angaben des Ministeriums sollen die Plätze bis Ende des Jahres verdoppelt werden, doch Hilfsorganisationen halten die Maßnahmen für unzureichend.",
    "Die Retter fanden die Leichen von drei Menschen am Strand. Die Staatsanwaltschaft hat Ermittlungen zu den Umständen des Unglücks eingeleitet.",
    "Europa muss seine Verantwortung übernehmen, sagte die Bürgermeisterin der Stadt in einem Interview mit der Zeitung.",
  ],
  nl: [
    "Het kabinet heeft dinsdag een nieuw plan gepresenteerd voor de opvang van asielzoekers. Volgens het ministerie worden de opvangplekken voor het einde van het jaar verdubbeld, maar hulporganisaties vinden de maatregelen onvoldoende.",
    "Reddingswerkers hebben de lichamen van drie mensen op het strand gevonden. Het Openbaar Ministerie is een onderzoek gestart naar de omstandigheden van het ongeluk.",
    "Europa moet zijn verantwoordelijkheid nemen, zei de burgemeester van de stad in een interview met de krant.",
  ],
  it: [
    "Il governo ha presentato martedì un nuovo piano per l'accoglienza dei richiedenti asilo. Secondo il ministero, i posti saranno raddoppiati entro la fine dell'anno, ma le associazioni giudicano le misure insufficienti.",
    "I soccorritori hanno trovato i corpi di tre persone sulla spiaggia. La procura ha aperto un'inchiesta per chiarire le circostanze del naufragio.",
    "L'Europa deve assumersi le sue responsabilità, ha detto la sindaca della città in un'intervista al giornale.",
  ],
  es: [
    "El Gobierno presentó el martes un nuevo plan para la acogida de solicitantes de asilo. Según el ministerio, las plazas se duplicarán antes de que termine el año, pero las organizaciones consideran que las medidas son insuficientes.",
    "Los equipos de rescate encontraron los cuerpos de tres personas en la playa. La Fiscalía ha abierto una investigación para aclarar las circunstancias del naufragio.",
    "Europa tiene que asumir sus responsabilidades, dijo la alcaldesa de la ciudad en una entrevista con el periódico.",
  ],
  pt: [
    "O governo apresentou na terça-feira um novo plano para o acolhimento dos requerentes de asilo. Segundo o ministério, as vagas serão duplicadas até ao fim do ano, mas as associações consideram que as medidas não são suficientes.",
    "As equipas de resgate encontraram os corpos de três pessoas na praia. O Ministério Público abriu uma investigação para esclarecer as circunstâncias do naufrágio.",
  ],
  pl: [
    "Rząd przedstawił we wtorek nowy plan przyjmowania osób ubiegających się o azyl. Według ministerstwa liczba miejsc zostanie podwojona do końca roku, ale organizacje uważają, że to nie wystarczy.",
    "Ratownicy znaleźli na plaży ciała trzech osób. Prokuratura wszczęła śledztwo w sprawie okoliczności katastrofy.",
  ],
  cs: [
    "Vláda v úterý představila nový plán na ubytování žadatelů o azyl. Podle ministerstva se počet míst do konce roku zdvojnásobí, ale organizace tvrdí, že to nestačí.",
    "Záchranáři našli na pláži těla tří lidí. Policie zahájila vyšetřování okolností neštěstí.",
  ],
  ro: ["Guvernul a prezentat marți un nou plan pentru primirea solicitanților de azil. Potrivit ministerului, locurile vor fi dublate până la sfârșitul anului, dar organizațiile spun că măsurile nu sunt suficiente."],
  ca: ["El Govern va presentar dimarts un nou pla per a l'acollida dels sol·licitants d'asil. Segons el ministeri, les places es duplicaran abans que acabi l'any, però les entitats diuen que les mesures no són suficients."],
  sv: ["Regeringen presenterade på tisdagen en ny plan för mottagandet av asylsökande. Enligt departementet ska antalet platser fördubblas innan årets slut, men organisationerna säger att åtgärderna inte räcker."],
  da: ["Regeringen fremlagde tirsdag en ny plan for modtagelsen af asylansøgere. Ifølge ministeriet skal antallet af pladser fordobles inden årets udgang, men organisationerne siger, at tiltagene ikke er nok."],
  ar: ["أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لاستقبال طالبي اللجوء. ووفقا للوزارة، سيتم مضاعفة عدد الأماكن قبل نهاية العام."],
  ru: ["Правительство во вторник представило новый план по размещению лиц, ищущих убежища. По данным министерства, число мест удвоится до конца года."],
  el: ["Η κυβέρνηση παρουσίασε την Τρίτη ένα νέο σχέδιο για την υποδοχή των αιτούντων άσυλο. Σύμφωνα με το υπουργείο, οι θέσεις θα διπλασιαστούν έως το τέλος του έτους."],
  zh: ["政府周二公布了一项接待寻求庇护者的新计划。据该部称，到年底床位数量将翻一番，但各组织认为这些措施还不够。"],
};

const SUPPORTED = SUPPORTED_LANGS as readonly string[];

describe('resolveLanguage: detection from the text', () => {
  const cases = Object.entries(SAMPLES).flatMap(([lang, texts]) => texts.map((t) => [lang, t] as const));

  test.each(cases.filter(([lang]) => SUPPORTED.includes(lang)))('%s: %s', (lang, text) => {
    expect(resolveLanguage(text)).toBe(lang);
    expect(resolveLanguage(text, null)).toBe(lang);
  });

  test.each(cases.filter(([lang]) => !SUPPORTED.includes(lang)))('%s is none of the six: %s', (_lang, text) => {
    expect(resolveLanguage(text)).toBeNull();
  });

  test('a whole article reads the same as its paragraphs', () => {
    for (const lang of SUPPORTED) expect(resolveLanguage(SAMPLES[lang].join('\n\n').repeat(20))).toBe(lang);
  });

  test('an English article quoting a French sentence stays English', () => {
    expect(resolveLanguage(`${SAMPLES.en[0]} ${SAMPLES.en[1]} "${SAMPLES.fr[2]}" ${SAMPLES.en[2]}`)).toBe('en');
  });

  test.each(['', 'Bonjour', 'The', 'ok', 'le la les', 'Il a dit que', 'Frontex Frontex Frontex', 'Lampedusa, Crotone, Calais', '12 34 56 2021'])(
    'too short or undecidable: %j',
    (text) => {
      expect(resolveLanguage(text)).toBeNull();
    },
  );

  test('placeholder Latin is none of the six', () => {
    expect(resolveLanguage('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.')).toBeNull();
  });
});

describe('resolveLanguage: declared language', () => {
  test.each([
    ['fr', 'fr'], ['fr-FR', 'fr'], ['FR-fr', 'fr'], ['en_GB', 'en'], ['en-US', 'en'], ['DE', 'de'], [' de-AT ', 'de'],
    ['nl-BE', 'nl'], ['it-CH', 'it'], ['es-419', 'es'], ['es-ES', 'es'], ['fra', 'fr'], ['ger', 'de'], ['zh-Hant-TW', null],
    ['pt', null], ['pt-BR', null], ['pl', null], ['cs-CZ', null], ['ar', null], ['ca', null],
  ])('%j → %s', (declared, expected) => {
    // The declaration wins over the text, both ways.
    expect(resolveLanguage(SAMPLES.it[0], declared)).toBe(expected);
  });

  test.each(['', '   ', 'und', 'mul', 'zxx', 'x-default', 'English', 'fr--', '1234'])(
    'no usable declaration (%j): detected from the text',
    (declared) => {
      expect(resolveLanguage(SAMPLES.nl[0], declared)).toBe('nl');
      expect(resolveLanguage(SAMPLES.pt[0], declared)).toBeNull();
    },
  );
});

describe('resolveLanguage: bad input', () => {
  test('non-string text and declaration', () => {
    expect(resolveLanguage(undefined as unknown as string)).toBeNull();
    expect(resolveLanguage(null as unknown as string, 'fr')).toBe('fr');
    expect(resolveLanguage(SAMPLES.de[0], 42 as unknown as string)).toBe('de');
  });

  test('5 MB of text', () => {
    expect(resolveLanguage(SAMPLES.es.join(' ').repeat(Math.ceil(5_000_000 / 400)))).toBe('es');
  });

  test('binary garbage, RTL text, lone surrogates', () => {
    let garbage = '';
    for (let i = 0; i < 300_000; i++) garbage += String.fromCharCode((i * 7919) % 65536);
    expect(() => resolveLanguage(garbage)).not.toThrow();
    expect(resolveLanguage(garbage)).toBeNull();
    expect(resolveLanguage('\u202Bقال المتحدث باسم الحكومة إن\u202C the plan')).toBeNull();
    expect(() => resolveLanguage('\uD800le\uDC00 la \uDFFF les')).not.toThrow();
  });
});

describe('isSupportedLang', () => {
  test('accepts exactly the six codes', () => {
    for (const l of SUPPORTED_LANGS) expect(isSupportedLang(l)).toBe(true);
    for (const x of ['pt', 'FR', 'fr-FR', '', null, undefined, 3, {}]) expect(isSupportedLang(x)).toBe(false);
  });
});

describe('function-word table (lib/detect/data/language-stopwords.json)', () => {
  const table = JSON.parse(readFileSync(join(__dirname, '../../lib/detect/data/language-stopwords.json'), 'utf8'));

  test('versioned, sourced, one list per supported language', () => {
    expect(table.version).toBeTypeOf('number');
    expect(table.source).toBeTypeOf('string');
    expect(Object.keys(table.supported).sort()).toEqual([...SUPPORTED_LANGS].sort());
    for (const lang of Object.keys(table.others)) expect(SUPPORTED).not.toContain(lang);
  });

  test('lists are lower-case, normalised and without duplicates', () => {
    for (const [lang, words] of Object.entries<string[]>({ ...table.supported, ...table.others })) {
      expect(new Set(words).size, lang).toBe(words.length);
      for (const w of words) expect(w, lang).toBe(w.normalize('NFC').toLowerCase().trim());
      for (const w of words) expect(w, lang).toMatch(/^\p{L}+$/u);
    }
  });
});
