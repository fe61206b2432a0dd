// Minimal declarations for the consumers the export tests check against; neither ships types.
declare module 'citeproc' {
  const CSL: {
    Engine: new (sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown }, style: string, lang?: string) => {
      updateItems(ids: string[]): void;
      makeBibliography(): [unknown, string[]] | false;
    };
  };
  export default CSL;
}
declare module '@citation-js/core' {
  export const plugins: { input: { chainLink(input: string): unknown } };
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-ris';
