/**
 * The news sites offered for automatic annotation on first run. Nothing is granted by this list:
 * the user picks sites, the browser asks for permission, and only granted sites are annotated.
 * Patterns are WebExtension match patterns; `*.` also matches the bare domain.
 */

export type NewsSite = {
  name: string;
  /** ISO 3166 alpha-2, or `INT` for wire services and pan-European outlets. */
  country: 'FR' | 'GB' | 'BE' | 'NL' | 'DE' | 'IT' | 'ES' | 'INT';
  domain: string;
};

const site = (name: string, country: NewsSite['country'], domain: string): NewsSite => ({ name, country, domain });

export const DEFAULT_NEWS_SITES: readonly NewsSite[] = [
  site('Le Monde', 'FR', 'lemonde.fr'), site('Le Figaro', 'FR', 'lefigaro.fr'), site('Libération', 'FR', 'liberation.fr'),
  site('franceinfo', 'FR', 'francetvinfo.fr'), site('Ouest-France', 'FR', 'ouest-france.fr'), site('La Voix du Nord', 'FR', 'lavoixdunord.fr'),
  site('Le Parisien', 'FR', 'leparisien.fr'), site('Mediapart', 'FR', 'mediapart.fr'),
  site('BBC', 'GB', 'bbc.co.uk'), site('BBC (international)', 'GB', 'bbc.com'), site('The Guardian', 'GB', 'theguardian.com'),
  site('The Independent', 'GB', 'independent.co.uk'), site('The Telegraph', 'GB', 'telegraph.co.uk'), site('The Times', 'GB', 'thetimes.co.uk'),
  site('Sky News', 'GB', 'news.sky.com'),
  site('Le Soir', 'BE', 'lesoir.be'), site('RTBF', 'BE', 'rtbf.be'), site('La Libre', 'BE', 'lalibre.be'),
  site('De Standaard', 'BE', 'standaard.be'), site('VRT NWS', 'BE', 'vrt.be'), site('The Brussels Times', 'BE', 'brusselstimes.com'),
  site('NOS', 'NL', 'nos.nl'), site('NRC', 'NL', 'nrc.nl'), site('de Volkskrant', 'NL', 'volkskrant.nl'), site('Trouw', 'NL', 'trouw.nl'),
  site('Der Spiegel', 'DE', 'spiegel.de'), site('Die Zeit', 'DE', 'zeit.de'), site('FAZ', 'DE', 'faz.net'),
  site('Süddeutsche Zeitung', 'DE', 'sueddeutsche.de'), site('tagesschau', 'DE', 'tagesschau.de'), site('Deutsche Welle', 'DE', 'dw.com'),
  site('taz', 'DE', 'taz.de'),
  site('la Repubblica', 'IT', 'repubblica.it'), site('Corriere della Sera', 'IT', 'corriere.it'), site('La Stampa', 'IT', 'lastampa.it'),
  site('Avvenire', 'IT', 'avvenire.it'),
  site('El País', 'ES', 'elpais.com'), site('El Mundo', 'ES', 'elmundo.es'), site('La Vanguardia', 'ES', 'lavanguardia.com'),
  site('elDiario.es', 'ES', 'eldiario.es'), site('RTVE', 'ES', 'rtve.es'),
  site('Reuters', 'INT', 'reuters.com'), site('Associated Press', 'INT', 'apnews.com'), site('AFP', 'INT', 'afp.com'),
  site('ANSA', 'INT', 'ansa.it'), site('EFE', 'INT', 'efe.com'), site('Europa Press', 'INT', 'europapress.es'),
  site('dpa', 'INT', 'dpa.com'), site('Belga', 'INT', 'belganewsagency.eu'), site('Euronews', 'INT', 'euronews.com'),
  site('InfoMigrants', 'INT', 'infomigrants.net'),
];

/** The match pattern for a domain: its https pages and those of its subdomains. */
export const patternFor = (domain: string) => `https://*.${domain}/*`;

/**
 * A match pattern from what a user typed ("lemonde.fr", "https://www.lemonde.fr/international/"),
 * or null when it is not a web address. A leading `www.` is dropped so that the whole site is covered.
 */
export function patternFromInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  return patternFor(host.replace(/^www\./, ''));
}

/** The domain a pattern made by `patternFor` covers, for display; the pattern itself otherwise. */
export function domainOf(pattern: string): string {
  return /^https?:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1] ?? pattern;
}
