/**
 * A mention's address that survives a page re-rendering: the quoted text with a little context on
 * each side and its position, as in the W3C TextQuoteSelector + TextPositionSelector pair.
 */
export type TextAnchor = {
  quote: string;
  prefix: string;
  suffix: string;
  /** Offset of the quote in the text it was taken from. */
  position: number;
};

const CONTEXT = 32;

export function anchorFor(text: string, start: number, end: number): TextAnchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    position: start,
  };
}
