import { describe, expect, test } from 'vitest';
import { detectInstitutions } from '../../lib/detect/entities/institutions';
import { detectPeople } from '../../lib/detect/entities/people';
import { detectRoles } from '../../lib/detect/entities/roles';
import type { Lang, Mention } from '../../lib/detect/types';

// Sentences with the exact spans the entity detectors must find (GUIDELINES.md: institution, role,
// person). Each case lists every institution (I), role (R) and person (P) in reading order, a
// longer mention before one nested in it.

type Case = [sentence: string, expected: string[]];

const run = (text: string, lang: Lang | null, published = '2023-06-01'): Mention[] => {
  const ctx = { lang, published };
  return [...detectInstitutions(text, ctx), ...detectRoles(text, ctx), ...detectPeople(text, ctx)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
};

const spans = (text: string, lang: Lang) =>
  run(text, lang).map((m) => `${m.kind === 'institution' ? 'I' : m.kind === 'role' ? 'R' : 'P'}:${m.text}`);

const CASES: Record<Lang, Case[]> = {
  fr: [
    ["Le ministre de l'Intérieur, Gérald Darmanin, s'est rendu à Calais mardi.", ["R:ministre de l'Intérieur", 'P:Gérald Darmanin']],
    ["Le ministère polonais de la Défense a annoncé l'envoi de soldats à la frontière.", ['I:ministère polonais de la Défense']],
    ['Selon le parquet de Lille, quatre passeurs ont été interpellés par la police polonaise.', ['I:parquet de Lille', 'I:police polonaise']],
    ["Les garde-côtes libyens ont intercepté le bateau, a indiqué l'Organisation internationale pour les migrations (OIM).", ['I:garde-côtes libyens', 'I:Organisation internationale pour les migrations', 'I:OIM']],
    ["La maire de Calais, Natacha Bouchart, a dénoncé l'inaction de l'État.", ['R:maire de Calais', 'P:Natacha Bouchart']],
    ["La directrice générale de l'OIM a rencontré le Premier ministre polonais à Varsovie.", ["R:directrice générale de l'OIM", 'I:OIM', 'R:Premier ministre polonais']],
    ['Mme Bouchart a écrit au président de la République.', ['P:Mme Bouchart', 'R:président de la République']],
    ['La Commission nationale de contrôle des techniques de renseignement (CNCTR) a rendu son avis. Selon la CNCTR, la loi est conforme.', ['I:Commission nationale de contrôle des techniques de renseignement', 'I:CNCTR', 'I:CNCTR']],
    ["L'ONG Utopia 56 accuse la police de violences, tandis que le gouvernement britannique salue l'accord.", ['I:Utopia 56']],
    ["Le tribunal administratif de Lille a suspendu l'arrêté.", ['I:tribunal administratif de Lille']],
    ["La Cour européenne des droits de l'homme a condamné la France, selon un communiqué du HCR.", ["I:Cour européenne des droits de l'homme", 'I:HCR']],
    ["Les ministres de l'Intérieur de l'UE se réunissent jeudi à Bruxelles.", ['I:UE']],
    ["Le ministre britannique de l'Intérieur a rencontré la commissaire européenne aux Affaires intérieures, Ylva Johansson.", ["R:ministre britannique de l'Intérieur", 'R:commissaire européenne aux Affaires intérieures', 'P:Ylva Johansson']],
    ['Enver Solomon, directeur du Refugee Council, a critiqué Rishi Sunak.', ['P:Enver Solomon', 'R:directeur du Refugee Council', 'I:Refugee Council', 'P:Rishi Sunak']],
    ["Le Parlement a adopté le texte, selon un juriste de l'université Paris-Panthéon-Assas.", ['I:Parlement', 'I:université Paris-Panthéon-Assas']],
    ["Selon l'Observatoire français des conjonctures économiques (OFCE), la croissance ralentit. L'OFCE table sur une reprise.", ['I:Observatoire français des conjonctures économiques', 'I:OFCE', 'I:OFCE']],
    ['Le président de la Cour des comptes, Pierre Moscovici, a présenté le rapport.', ['R:président de la Cour des comptes', 'I:Cour des comptes', 'P:Pierre Moscovici']],
    ["Le ministre de l'Économie, des Finances et de la Souveraineté industrielle, Roland Lescure, a présenté le budget.", ["R:ministre de l'Économie, des Finances et de la Souveraineté industrielle", 'P:Roland Lescure']],
    ["Le ministre de l'Intérieur et le Premier ministre ont reçu la ministre chargée du Budget et des Comptes publics, puis le ministre de la Justice lundi.", ["R:ministre de l'Intérieur", 'R:Premier ministre', 'R:ministre chargée du Budget et des Comptes publics', 'R:ministre de la Justice']],
    ["Le rapporteur général de la commission des finances a interrogé le chef d'état-major des armées et le roi du Maroc.", ['R:rapporteur général de la commission des finances', 'I:commission des finances', "R:chef d'état-major des armées", 'R:roi du Maroc']],
    ["La Nouvelle Union populaire écologique et sociale (Nupes) a voté contre. La Nupes a perdu, et l'union de la gauche aussi.", ['I:Nouvelle Union populaire écologique et sociale', 'I:Nupes', 'I:Nupes']],
    ['Le rapporteur général de la commission, Charles de Courson, prévient que le rapporteur de la loi hésite.', ['R:rapporteur général', 'P:Charles de Courson']],
  ],
  en: [
    ['Home Secretary Suella Braverman said the Home Office would appeal the ruling.', ['R:Home Secretary', 'P:Suella Braverman', 'I:Home Office']],
    ['The French interior ministry confirmed that the Greek coastguard had rescued 40 people.', ['I:French interior ministry', 'I:Greek coastguard']],
    ["Rishi Sunak's plan was criticised by Human Rights Watch.", ['P:Rishi Sunak', 'I:Human Rights Watch']],
    ['Mr Sunak told Parliament that the Illegal Migration Act would stop the boats.', ['P:Mr Sunak', 'I:Parliament']],
    ['The Albanian prime minister met the executive director of Frontex in Tirana.', ['R:Albanian prime minister', 'R:executive director of Frontex', 'I:Frontex']],
    ["Greece's caretaker prime minister visited the Rome tribunal on Monday.", ['R:prime minister', 'I:Rome tribunal']],
    ['Sir Keir Starmer, the Labour leader, attacked the government over the Rwanda scheme.', ['P:Sir Keir Starmer', 'R:Labour leader', 'I:Labour']],
    ['The court rejected the appeal, and the coastguard said the police had arrested two men.', []],
    ['Enver Solomon, chief executive of the Refugee Council, said the Conservative Party had failed.', ['P:Enver Solomon', 'R:chief executive of the Refugee Council', 'I:Refugee Council', 'I:Conservative Party']],
    ['The President of the European Commission spoke after the EU home affairs commissioner, Ylva Johansson.', ['R:President of the European Commission', 'I:European Commission', 'R:EU home affairs commissioner', 'I:EU', 'P:Ylva Johansson']],
    ['The Polish Ministry of Defence said the Border Guard had recorded 200 attempts.', ['I:Polish Ministry of Defence', 'I:Border Guard']],
    ['The Migration Advisory Committee (MAC) published its report. The MAC said wages were too low.', ['I:Migration Advisory Committee', 'I:MAC', 'I:MAC']],
    ['The Institute for Fiscal Studies said Qatar Airways had cut flights, while Dorset Council said the West Bank was calm.', ['I:Institute for Fiscal Studies', 'I:Qatar Airways', 'I:Dorset Council']],
    ['Its general secretary, Matt Wrack, said a Labour chancellor would act.', ['R:general secretary', 'P:Matt Wrack', 'I:Labour']],
    ['MPs on the Defence Committee questioned officers of the Royal Air Force.', ['I:Defence Committee', 'I:Royal Air Force']],
    ['The tech company Apple must repay the money. Apple said it would appeal, and the national carrier Iraqi Airways flew Iraqi citizens home.', ['I:Apple', 'I:Apple', 'I:Iraqi Airways']],
    ['A study of Trade Union Effectiveness was published by the union Unite.', ['I:Unite']],
    ['The Bank of England and HM Treasury disagreed with the Department of Health and Human Services.', ['I:Bank of England', 'I:HM Treasury', 'I:Department of Health and Human Services']],
    ['The Taoiseach, Simon Harris, and the Tánaiste, Micheál Martin, welcomed the ruling.', ['R:Taoiseach', 'P:Simon Harris', 'R:Tánaiste', 'P:Micheál Martin']],
    ['The Minister for Housing, Local Government and Heritage met the Minister for Justice and Helen McEntee; the Interior Minister and Italy disagreed.', ['R:Minister for Housing, Local Government and Heritage', 'R:Minister for Justice', 'P:Helen McEntee', 'R:Interior Minister']],
    ['The chair of the Treasury Committee wrote to the EU competition commissioner; he pushed back his chair, and the Chozo fed their Queen.', ['R:chair of the Treasury Committee', 'I:Treasury Committee', 'R:EU competition commissioner', 'I:EU']],
    ['The Royal British Legion said the payments were late, Dawn French said, and Ségolène Royal agreed.', ['I:Royal British Legion', 'P:Dawn French', 'P:Ségolène Royal']],
    ['The Royal Irish Regiment said the payments were late.', []],
    ['HM Treasury said costs would rise. The Treasury expects a surplus, and the US Treasury disagreed.', ['I:HM Treasury', 'I:Treasury', 'I:US Treasury']],
    ['The Taliban and Hamas, Hezbollah, Al-Shabaab and the Islamic State (ISIS) fought the Wagner Group.', ['I:Taliban', 'I:Hamas', 'I:Hezbollah', 'I:Al-Shabaab', 'I:Islamic State', 'I:ISIS', 'I:Wagner Group']],
  ],
  de: [
    ['Bundesinnenministerin Nancy Faeser verteidigte die Pläne des Bundesinnenministeriums.', ['R:Bundesinnenministerin', 'P:Nancy Faeser', 'I:Bundesinnenministeriums']],
    ['Der Präsident des Bundesamts für Migration und Flüchtlinge legte neue Zahlen vor.', ['R:Präsident des Bundesamts für Migration und Flüchtlinge', 'I:Bundesamts für Migration und Flüchtlinge']],
    ['Die griechische Küstenwache hat nach Angaben des UNHCR 80 Menschen gerettet.', ['I:griechische Küstenwache', 'I:UNHCR']],
    ['CDU-Chef Friedrich Merz kritisierte die EU-Kommission scharf.', ['R:CDU-Chef', 'I:CDU', 'P:Friedrich Merz', 'I:EU-Kommission']],
    ['Die EU-Staaten einigten sich auf eine Reform, EU-weit sollen neue Regeln gelten.', []],
    ['Die EU-Innenkommissarin Ylva Johansson reiste nach Lampedusa.', ['R:EU-Innenkommissarin', 'I:EU', 'P:Ylva Johansson']],
    ['Polens Ministerpräsident Donald Tusk will die Grenze zu Belarus schließen.', ['R:Ministerpräsident', 'P:Donald Tusk']],
    ['Die Organisation Pro Asyl sprach von einem Tabubruch, die Polizei nahm zwei Männer fest.', ['I:Pro Asyl']],
    ['Der Vertrag über die Arbeitsweise der Europäischen Union regelt die Asylpolitik in der EU.', ['I:EU']],
    ['Die Innenminister der Länder trafen sich in München.', []],
    ['Frau Faeser sagte, die Bundespolizei habe die Kontrollen verstärkt.', ['P:Frau Faeser', 'I:Bundespolizei']],
    ['DGB-Chefin Yasmin Fahimi forderte mehr Geld.', ['R:DGB-Chefin', 'I:DGB', 'P:Yasmin Fahimi']],
    ['Laut Ifo-Institut und Bundesrechnungshof fehlen Milliarden; der Präsident des Deutschen Landkreistags warnte.', ['I:Ifo-Institut', 'I:Bundesrechnungshof', 'R:Präsident des Deutschen Landkreistags', 'I:Deutschen Landkreistags']],
    ['Der Haushaltsausschuss des Bundestages gab die Mittel frei.', ['I:Haushaltsausschuss des Bundestages']],
    ['Der Stahlkonzern Thyssenkrupp streicht Stellen, die Salzgitter AG auch; bei Salzgitter sorgt man sich, der deutsche Zoll ermittelt.', ['I:Thyssenkrupp', 'I:Salzgitter AG', 'I:Salzgitter', 'I:deutsche Zoll']],
    ['Vossloh-Chef Oliver Schuster und NRW-Wirtschaftsministerin Mona Neubaur trafen den Thyssenkrupp-Chef und Ex-Chef Heinrich Hiesinger.', ['R:Vossloh-Chef', 'P:Oliver Schuster', 'R:NRW-Wirtschaftsministerin', 'P:Mona Neubaur', 'R:Thyssenkrupp-Chef', 'I:Thyssenkrupp', 'P:Heinrich Hiesinger']],
    ['Die Wehrbeauftragte des Bundestages und der Generalinspekteur der Bundeswehr warnten.', ['R:Wehrbeauftragte des Bundestages', 'I:Bundestages', 'R:Generalinspekteur der Bundeswehr', 'I:Bundeswehr']],
    ['Forscher des Leibniz-Instituts für Wirtschaftsforschung, das Max-Planck-Institut für Bildungsforschung und das Robert-Koch-Institut warnten.', ['I:Leibniz-Instituts für Wirtschaftsforschung', 'I:Max-Planck-Institut für Bildungsforschung', 'I:Robert-Koch-Institut']],
    ['Die Berliner Polizei und die Kölner Staatsanwaltschaft ermitteln gegen die Kläger.', ['I:Berliner Polizei', 'I:Kölner Staatsanwaltschaft']],
    ['Oberbürgermeister Sören Link (SPD) warnte, die Linken auch.', ['R:Oberbürgermeister', 'P:Sören Link', 'I:SPD', 'I:die Linken']],
    ['Der tschechische Milliardär Daniel Křetínský hält 20 Prozent; in Sankt Augustin Bürger zu sein, ist schön.', ['P:Daniel Křetínský']],
  ],
  nl: [
    ['Het ministerie van Justitie en Veiligheid meldt dat de IND de achterstand wegwerkt.', ['I:ministerie van Justitie en Veiligheid', 'I:IND']],
    ['De Griekse kustwacht heeft volgens VluchtelingenWerk Nederland geen hulp geboden.', ['I:Griekse kustwacht', 'I:VluchtelingenWerk Nederland']],
    ['Burgemeester van Westerwolde Jaap Velema wil dat het COA sneller handelt.', ['R:Burgemeester van Westerwolde', 'P:Jaap Velema', 'I:COA']],
    ['De rechtbank Den Haag oordeelde dat de Staat onrechtmatig handelde.', ['I:rechtbank Den Haag']],
    ['Premier Mark Rutte sprak met de Europese Commissie over de EU-landen aan de buitengrens.', ['R:Premier', 'P:Mark Rutte', 'I:Europese Commissie']],
    ['De politie heeft twee mannen aangehouden, aldus het Openbaar Ministerie.', ['I:Openbaar Ministerie']],
    ['De Marokkaanse politie hield migranten tegen bij Ceuta, meldt de Spaanse Guardia Civil.', ['I:Marokkaanse politie', 'I:Spaanse Guardia Civil']],
    ['Volgens de woordvoerder van Frontex is de situatie onder controle.', ['R:woordvoerder van Frontex', 'I:Frontex']],
    ['Staatssecretaris Eric van der Burg bezocht het aanmeldcentrum in Ter Apel.', ['P:Eric van der Burg']],
    ['De Belgische premier sprak met de minister van Binnenlandse Zaken.', ['R:Belgische premier', 'R:minister van Binnenlandse Zaken']],
    ['Volgens de Noordelijke Rekenkamer is het geld op, net als bij de Friesland Bank.', ['I:Noordelijke Rekenkamer', 'I:Friesland Bank']],
    ['Het debat werd geopend door de voorzitter van het Europees Parlement Roberta Metsola.', ['R:voorzitter van het Europees Parlement', 'I:Europees Parlement', 'P:Roberta Metsola']],
    ['De Belgische douane en het parket van Antwerpen onderzoeken de zaak.', ['I:Belgische douane', 'I:parket van Antwerpen']],
    ['Minister van Financiën Vincent Van Peteghem wil meer controles; Van Peteghem rekent op de douane.', ['R:Minister van Financiën', 'P:Vincent Van Peteghem', 'P:Van Peteghem']],
    ['De minister van Justitie en Veiligheid, Dilan Yeşilgöz, sprak met de Schiphol-topman.', ['R:minister van Justitie en Veiligheid', 'P:Dilan Yeşilgöz', 'R:Schiphol-topman']],
    ['De CEO sprak met de administrateur-generaal van de Douane.', ['R:administrateur-generaal van de Douane']],
    ['De Antwerpse gemeenteraad en het Haagse parket spraken met de Rotterdamse haven.', ['I:Antwerpse gemeenteraad', 'I:Haagse parket']],
    ['De Algemene Centrale der Openbare Diensten (ACOD) staakt. ACOD eist meer personeel van de centrale.', ['I:Algemene Centrale der Openbare Diensten', 'I:ACOD', 'I:ACOD']],
  ],
  it: [
    ["Il ministro dell'Interno Matteo Piantedosi ha incontrato i prefetti.", ["R:ministro dell'Interno", 'P:Matteo Piantedosi']],
    ["La procura di Crotone ha aperto un'inchiesta sul naufragio di Cutro.", ['I:procura di Crotone']],
    ["La Guardia costiera libica ha riportato indietro 300 migranti, secondo l'Oim.", ['I:Guardia costiera libica', 'I:Oim']],
    ['Il tribunale di Roma ha annullato il trattenimento disposto dalla questura.', ['I:tribunale di Roma']],
    ['La nave della ong tedesca Sea-Watch è attraccata a Lampedusa, dove il sindaco di Lampedusa ha protestato.', ['I:Sea-Watch', 'R:sindaco di Lampedusa']],
    ['Il presidente del Consiglio Giorgia Meloni ha parlato con la presidente della Commissione europea.', ['R:presidente del Consiglio', 'P:Giorgia Meloni', 'R:presidente della Commissione europea', 'I:Commissione europea']],
    ['Salvini, vicepremier e leader della Lega, ha criticato la decisione del giudice.', ['P:Salvini', 'R:vicepremier', 'R:leader della Lega', 'I:Lega']],
    ['Il decreto Cutro è stato approvato dal Consiglio dei ministri il 9 marzo.', ['I:Consiglio dei ministri']],
    ["L'Alto Commissariato delle Nazioni Unite per i Rifugiati (Unhcr) chiede un'indagine indipendente.", ['I:Alto Commissariato delle Nazioni Unite per i Rifugiati', 'I:Unhcr']],
    ['Secondo il Viminale, gli sbarchi sono diminuiti; la polizia ha fermato due scafisti.', ['I:Viminale']],
    ['Il ministro degli Esteri tedesco ha telefonato al comandante della Sea-Watch 3.', ['R:ministro degli Esteri tedesco', 'R:comandante della Sea-Watch 3']],
    ['La Direzione investigativa antimafia (Dia) ha sequestrato beni. Secondo la Dia, il clan riciclava denaro.', ['I:Direzione investigativa antimafia', 'I:Dia', 'I:Dia']],
    ['La segretaria del Pd Elly Schlein e il presidente del Movimento 5 Stelle Giuseppe Conte hanno votato contro.', ['R:segretaria del Pd', 'I:Pd', 'P:Elly Schlein', 'R:presidente del Movimento 5 Stelle', 'I:Movimento 5 Stelle', 'P:Giuseppe Conte']],
    ["Il ministro per gli Affari regionali e le Autonomie e il ministro dell'Interno, Matteo Piantedosi, hanno firmato.", ['R:ministro per gli Affari regionali e le Autonomie', "R:ministro dell'Interno", 'P:Matteo Piantedosi']],
    ['Il presidente della Regione Friuli Venezia Giulia ha scritto al capo di Stato maggiore della Difesa; la presidente della Regione Lombardia Anna Rossi no.', ['R:presidente della Regione Friuli Venezia Giulia', 'R:capo di Stato maggiore della Difesa', 'R:presidente della Regione Lombardia', 'P:Anna Rossi']],
    ["La 'Ndrangheta e la Camorra trattano con Cosa Nostra.", ['I:Ndrangheta', 'I:Camorra', 'I:Cosa Nostra']],
    ['Nel porto di Gioia Tauro sono arrivati i container; a Gioia Tauro la polizia ha arrestato Mario Rossi, e Gioia Bianchi ha parlato.', ['P:Mario Rossi', 'P:Gioia Bianchi']],
  ],
  es: [
    ['El ministro del Interior, Fernando Grande-Marlaska, visitó Melilla el lunes.', ['R:ministro del Interior', 'P:Fernando Grande-Marlaska']],
    ['La Guardia Civil y Salvamento Marítimo rescataron a 50 personas cerca de Lanzarote.', ['I:Guardia Civil', 'I:Salvamento Marítimo']],
    ['La Fiscalía de Las Palmas investiga la muerte de tres migrantes.', ['I:Fiscalía de Las Palmas']],
    ['El presidente del Gobierno, Pedro Sánchez, se reunió con el rey de Marruecos.', ['R:presidente del Gobierno', 'P:Pedro Sánchez', 'R:rey de Marruecos']],
    ['La policía marroquí impidió la entrada de cientos de personas en Ceuta, según la ONG Caminando Fronteras.', ['I:policía marroquí', 'I:Caminando Fronteras']],
    ['El Tribunal Supremo obligó al Gobierno a acoger a los menores no acompañados.', ['I:Tribunal Supremo']],
    ['La portavoz de ACNUR en España pidió más recursos a la Unión Europea.', ['R:portavoz de ACNUR', 'I:ACNUR', 'I:Unión Europea']],
    ['La Comisión Europea aprobó el plan, según el comisario europeo de Migración.', ['I:Comisión Europea', 'R:comisario europeo de Migración']],
    ['El alcalde de Ceuta criticó al Ministerio de Inclusión, Seguridad Social y Migraciones.', ['R:alcalde de Ceuta', 'I:Ministerio de Inclusión, Seguridad Social y Migraciones']],
    ['Los ministros de Interior de la UE se reunieron en Luxemburgo.', ['I:UE']],
    ['La Organización Internacional para las Migraciones (OIM) alertó de nuevas muertes.', ['I:Organización Internacional para las Migraciones', 'I:OIM']],
    ['La Sala de lo Penal del Tribunal Supremo rechazó el recurso de la Unidad Central Operativa.', ['I:Sala de lo Penal', 'I:Tribunal Supremo', 'I:Unidad Central Operativa']],
    ['La constructora Acciona recurrirá la multa. Acciona lo anunció el viernes.', ['I:Acciona', 'I:Acciona']],
    ['El ministro del Interior, Fernando Grande-Marlaska, y la ministra de Hacienda, Función Pública y Agenda Digital firmaron.', ['R:ministro del Interior', 'P:Fernando Grande-Marlaska', 'R:ministra de Hacienda, Función Pública y Agenda Digital']],
    ['El vicesecretario general del PP habló con la comisaria europea de Competencia y el rey de Marruecos.', ['R:vicesecretario general del PP', 'I:PP', 'R:comisaria europea de Competencia', 'R:rey de Marruecos']],
    ['Según la Junta Consultiva de Contratación Pública y la Oficina Independiente de Regulación, el Consejo Pedro Sánchez no respondió.', ['I:Junta Consultiva de Contratación Pública', 'I:Oficina Independiente de Regulación', 'P:Pedro Sánchez']],
    ['Lo dijo la Asociación Judicial Francisco de Vitoria, no la asociación de vecinos.', ['I:Asociación Judicial Francisco de Vitoria']],
    ['El rey Felipe VI recibió a Mohammed VI; Carlos III también.', ['P:Felipe VI', 'P:Mohammed VI', 'P:Carlos III']],
    ['El Tribunal Supremo y el Tribunal Constitucional fallaron. Según el Constitucional y el líder Supremo, nada; en el propio Supremo tampoco.', ['I:Tribunal Supremo', 'I:Tribunal Constitucional', 'I:Constitucional', 'I:Supremo']],
  ],
};

describe.each(Object.keys(CASES) as Lang[])('entity spans (%s)', (lang) => {
  test.each(CASES[lang])('%s', (sentence, expected) => {
    expect(spans(sentence, lang)).toEqual(expected);
  });
});

describe('what a mention carries', () => {
  test('a gazetteer institution has its canonical name, id, Wikidata id, kind and country', () => {
    const [m] = detectInstitutions('Les garde-côtes ont alerté Frontex.', { lang: 'fr' });
    expect(m).toMatchObject({ kind: 'institution', text: 'Frontex', canonical: 'Frontex', entityId: 'eu.frontex', wikidata: 'Q1423536', country: 'EU' });
    expect(m.institutionKind).toBeTruthy();
  });

  test('the span leaves out articles and contracted prepositions', () => {
    const text = "Selon l'Union européenne et les experts du HCR, dell'Organizzazione n'est pas citée.";
    expect(detectInstitutions(text, { lang: 'fr' }).map((m) => m.text)).toEqual(['Union européenne', 'HCR']);
  });

  test("offsets point into the text, and ' and ’ are interchangeable", () => {
    const text = 'Le ministre de l’Intérieur a saisi la Commission européenne.';
    const ms = run(text, 'fr');
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms.map((m) => m.text)).toEqual(['ministre de l’Intérieur', 'Commission européenne']);
  });

  test('no-break spaces count as spaces', () => {
    expect(detectInstitutions('La Commission\u00a0européenne a parlé.', { lang: 'fr' })[0]?.canonical).toBe('European Commission');
  });

  test('a national office takes the country of the article, or of the nationality it names', () => {
    const [fr] = detectRoles("Le ministre de l'Intérieur a parlé.", { lang: 'fr' });
    expect(fr).toMatchObject({ canonical: 'Minister of the Interior (France)', institutionId: 'fr.ministry-interior' });
    const [gb] = detectRoles("La ministre britannique de l'Intérieur a parlé.", { lang: 'fr' });
    expect(gb.canonical).toBe('Minister of the Interior (United Kingdom)');
  });

  test('a role names the body it belongs to', () => {
    const [r] = detectRoles("La directrice générale de l'OIM s'est exprimée.", { lang: 'fr' });
    expect(r.institutionId).toBe('un.iom');
  });

  test('a surname alone refers to the person named in full earlier, possessives stay outside', () => {
    const ps = detectPeople("Rishi Sunak's plan was announced on Monday. Critics said Sunak had failed.", { lang: 'en' });
    expect(ps.map((p) => [p.text, p.canonical])).toEqual([
      ['Rishi Sunak', 'Rishi Sunak'],
      ['Sunak', 'Rishi Sunak'],
    ]);
    expect(ps[0].entityId).toBe('person.rishi-sunak');
  });

  test('a surname is not a person when the text never names that person', () => {
    expect(detectPeople('Le quartier Darmanin a été rénové.', { lang: 'fr' })).toEqual([]);
  });

  test('a name after an honorific or an office may be a new person', () => {
    const ps = detectPeople("Mme Bouchart a reçu le préfet. La maire de Calais, Natacha Bouchart, s'est dite inquiète.", { lang: 'fr' });
    expect(ps.map((p) => [p.text, p.canonical])).toEqual([
      ['Mme Bouchart', 'Natacha Bouchart'],
      ['Natacha Bouchart', 'Natacha Bouchart'],
    ]);
  });

  test('German names match in their inflected forms', () => {
    const text = 'Ein Sprecher des Bundesamtes für Migration und Flüchtlinge nannte die Zahlen der Europäischen Union.';
    expect(detectInstitutions(text, { lang: 'de' }).map((m) => m.canonical)).toEqual(['BAMF', 'European Union']);
  });

  test('a one-word name matches only when capitalised as a name', () => {
    expect(detectInstitutions('La lega dei comuni ha votato.', { lang: 'it' })).toEqual([]);
    expect(detectInstitutions('La Lega ha votato.', { lang: 'it' }).map((m) => m.text)).toEqual(['Lega']);
  });

  test('acronyms match case-sensitively', () => {
    expect(detectInstitutions('The iom and the Iom are not IOM.', { lang: 'en' }).map((m) => m.text)).toEqual(['IOM']);
  });

  test('inside a sentence, a longer acronym may be written as a word (Italian and Spanish usage)', () => {
    expect(detectInstitutions("Secondo l'Euaa le domande sono in calo.", { lang: 'it' }).map((m) => m.canonical)).toEqual(['EUAA']);
  });

  test('an acronym that is also a given name is not a body before a surname', () => {
    expect(detectInstitutions('Bundeskanzler Olaf Scholz und OLAF.', { lang: 'de' }).map((m) => m.text)).toEqual(['OLAF']);
  });
});

describe('output shape', () => {
  const text = [
    "Le ministre de l'Intérieur, Gérald Darmanin, a reçu à Calais la commissaire européenne aux Affaires intérieures.",
    "Darmanin a demandé à Frontex et à l'Union européenne d'agir. Le HCR et l'OIM ont salué l'initiative.",
  ].join('\n\n');

  test.each([
    ['institution', detectInstitutions],
    ['role', detectRoles],
    ['person', detectPeople],
  ] as const)('%s mentions are sorted, inside the text and never overlap one another', (kind, detector) => {
    const ms = detector(text, { lang: 'fr' });
    expect(ms.length).toBeGreaterThan(0);
    for (const [i, m] of ms.entries()) {
      expect(m.kind).toBe(kind);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.canonical).toBeTruthy();
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(ms[i - 1].end);
    }
  });

  test('an institution nested in a role lies fully inside it', () => {
    const ms = run("La directrice générale de l'OIM a parlé.", 'fr');
    const [role, inst] = ms;
    expect(role.kind).toBe('role');
    expect(inst.kind).toBe('institution');
    expect(inst.start >= role.start && inst.end <= role.end).toBe(true);
  });
});

describe('bad input', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['white space', ' \n\t\u00a0 '],
    ['binary garbage', Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('')],
    ['lone surrogates', '\ud800\udc00\ud800 EU \udfff Frontex'],
    ['right-to-left text', 'قالت المفوضية الأوروبية إن Frontex تعمل. אמר ראש הממשלה Netanyahu'],
    ['punctuation only', '((((( ))))) ----- \'\'\'\' « » … ,,,,'],
    ['one huge word', 'a'.repeat(200_000)],
  ];

  test.each(inputs)('%s: no exception, spans inside the text', (_, text) => {
    for (const lang of ['fr', 'en', 'de', null] as const) {
      const ms = run(text, lang);
      for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  test('5 MB of text', () => {
    const sentence = "Le ministre de l'Intérieur, Gérald Darmanin, a rencontré Frontex et la Commission européenne à Calais. ";
    const text = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
    const ms = run(text, 'fr');
    expect(ms.length).toBeGreaterThan(100_000);
  }, 60_000);

  test('an unsupported language still finds gazetteer names', () => {
    expect(detectInstitutions('O Frontex e a ONU falaram.', { lang: null }).map((m) => m.text)).toEqual(['Frontex', 'ONU']);
    expect(detectRoles('O ministro falou.', { lang: null })).toEqual([]);
  });
});
