import { MENTION_KINDS, type MentionKind } from '../detect/types';
import { MARK_ATTRIBUTE } from './mark-fallback';
import { highlightName } from './paint-highlights';

export type KindStyle = { color: string; fill: string; line: string };
export type PageTheme = 'light' | 'dark';

/**
 * One style per kind. Colours come from the Okabe–Ito palette, which stays distinguishable with
 * the common colour-vision deficiencies, and each kind also has its own underline style, so that
 * kinds differ by more than hue; translucent fills keep text readable. On dark pages the fills
 * are stronger and the underlines lighter, since the light-page tints vanish on a dark background.
 */
export const KIND_STYLES: Record<MentionKind, KindStyle> = {
  institution: { color: '#0072B2', fill: 'rgba(0, 114, 178, 0.22)', line: 'solid' },
  role: { color: '#E69F00', fill: 'rgba(230, 159, 0, 0.25)', line: 'dashed' },
  person: { color: '#CC79A7', fill: 'rgba(204, 121, 167, 0.25)', line: 'dotted' },
  figure: { color: '#009E73', fill: 'rgba(0, 158, 115, 0.25)', line: 'double' },
  date: { color: '#56B4E9', fill: 'rgba(86, 180, 233, 0.22)', line: 'wavy' },
};

export const DARK_KIND_STYLES: Record<MentionKind, KindStyle> = {
  institution: { color: '#56B4E9', fill: 'rgba(86, 180, 233, 0.38)', line: 'solid' },
  role: { color: '#F0C040', fill: 'rgba(230, 159, 0, 0.42)', line: 'dashed' },
  person: { color: '#E8A6CB', fill: 'rgba(204, 121, 167, 0.45)', line: 'dotted' },
  figure: { color: '#3FD6A6', fill: 'rgba(0, 158, 115, 0.45)', line: 'double' },
  date: { color: '#A6DCF7', fill: 'rgba(86, 180, 233, 0.30)', line: 'wavy' },
};

/** Stylesheet text for the page's highlights and for the `<mark>` fallback. */
export function highlightCss(theme: PageTheme = 'light'): string {
  const styles = theme === 'dark' ? DARK_KIND_STYLES : KIND_STYLES;
  return MENTION_KINDS.map((kind) => {
    const s = styles[kind];
    const rule = `background-color: ${s.fill}; text-decoration: underline ${s.line} ${s.color}; text-decoration-thickness: 2px;`;
    return `::highlight(${highlightName(kind)}) { ${rule} }\nmark[${MARK_ATTRIBUTE}="${kind}"] { ${rule} color: inherit; }`;
  }).join('\n');
}

/** Relative luminance (0–1) of a CSS `rgb()`/`rgba()` colour, or null when transparent or unreadable. */
function luminance(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether the page paints its text on a dark background (read from the body, then the root). */
export function pageTheme(doc: Document): PageTheme {
  const win = doc.defaultView;
  if (!win) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const l = luminance(win.getComputedStyle(el).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}

/**
 * Adds the highlight styles to the document as a constructed stylesheet: no element enters the
 * page's DOM. Returns a function that takes the sheet out again.
 */
export function adoptHighlightStyles(doc: Document, theme: PageTheme = pageTheme(doc)): () => void {
  const win = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  if (!win || !('adoptedStyleSheets' in doc)) return () => {};
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(highlightCss(theme));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet); };
}
