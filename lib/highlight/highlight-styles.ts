import { MENTION_KINDS, type MentionKind } from '../detect/types';
import { highlightName } from './paint-highlights';

/**
 * One style per kind. Colours come from the Okabe–Ito palette, which stays distinguishable with
 * the common colour-vision deficiencies, and each kind also has its own underline style, so that
 * kinds differ by more than hue; translucent fills keep text readable on dark pages too.
 */
export const KIND_STYLES: Record<MentionKind, { color: string; fill: string; line: string }> = {
  institution: { color: '#0072B2', fill: 'rgba(0, 114, 178, 0.22)', line: 'solid' },
  role: { color: '#E69F00', fill: 'rgba(230, 159, 0, 0.25)', line: 'dashed' },
  person: { color: '#CC79A7', fill: 'rgba(204, 121, 167, 0.25)', line: 'dotted' },
  figure: { color: '#009E73', fill: 'rgba(0, 158, 115, 0.25)', line: 'double' },
  date: { color: '#56B4E9', fill: 'rgba(86, 180, 233, 0.22)', line: 'wavy' },
};

/** Stylesheet text for the page (inserted as a user stylesheet, not into the page's DOM). */
export function highlightCss(): string {
  return MENTION_KINDS.map((kind) => {
    const s = KIND_STYLES[kind];
    return `::highlight(${highlightName(kind)}) { background-color: ${s.fill}; text-decoration: underline ${s.line} ${s.color}; text-decoration-thickness: 2px; }`;
  }).join('\n');
}
