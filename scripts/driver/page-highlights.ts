import type { Page } from 'playwright-core';

export type PaintedMention = { kind: string; text: string; outside: string | null };

/**
 * Reads what the page has registered in CSS.highlights under migralens-<kind>, with, for each
 * range, the nearest page furniture around it (nav, aside, footer, comments) if any.
 */
export function readHighlights(page: Page): Promise<PaintedMention[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string; outside: string | null }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('migralens-')) continue;
      for (const range of highlight) {
        const node = range.commonAncestorContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        const furniture = el?.closest('nav, aside, footer, #comments, .comments, .related, .read-also');
        out.push({ kind: name.slice('migralens-'.length), text: range.toString(), outside: furniture ? furniture.tagName.toLowerCase() + (furniture.className ? `.${furniture.className}` : '') : null });
      }
    }
    return out;
  });
}
