/**
 * Carries mentions over to a new reading of the page (after a re-render, a late-loaded paragraph,
 * an in-page navigation): each is re-found by its anchor, and what cannot be re-found is kept
 * aside so that the panel can list it instead of dropping it silently.
 */
import type { AnchoredMention } from '../annotate-page';
import { matchQuote } from './match-quote';
import { anchorFor } from './text-quote';

export type Reattachment = {
  /** Mentions re-found in the new text, with offsets, text and anchor updated to it. */
  attached: AnchoredMention[];
  /** Mentions whose quote and context are no longer in the text. */
  detached: AnchoredMention[];
};

export function reattach(text: string, mentions: readonly AnchoredMention[]): Reattachment {
  const attached: AnchoredMention[] = [];
  const detached: AnchoredMention[] = [];
  for (const m of mentions) {
    const found = matchQuote(text, m.anchor);
    if (!found) { detached.push(m); continue; }
    attached.push({ ...m, start: found.start, end: found.end, text: text.slice(found.start, found.end), anchor: anchorFor(text, found.start, found.end) });
  }
  return { attached, detached };
}

/**
 * Fresh detections over the new text, plus the re-attached mentions that detection no longer
 * produces at that place (the reader saw them; keep them). Sorted by position.
 */
export function mergeMentions(fresh: readonly AnchoredMention[], attached: readonly AnchoredMention[]): AnchoredMention[] {
  const sorted = [...fresh].sort((a, b) => a.start - b.start);
  // Mentions are short (a name, a figure, a date): look back a bounded distance from m's end.
  const overlaps = (m: AnchoredMention) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid].start < m.end) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && sorted[i].start > m.start - 400; i--) {
      if (sorted[i].end > m.start && sorted[i].kind === m.kind) return true;
    }
    return false;
  };
  return [...sorted, ...attached.filter((m) => !overlaps(m))].sort((a, b) => a.start - b.start || b.end - a.end);
}
