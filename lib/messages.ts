/**
 * Every message between the extension's parts, in one place. The content script never opens the
 * database: it answers the background, which stores.
 */
import type { ClippingInput, SaveResult } from './db/clippings';
import type { Analysis } from './detect';
import type { DetectOptions, MentionKind } from './detect/types';
import type { ExtractOptions } from './extract/extract-article';
import type { WireRead } from './extract/serialized-page';
import type { Result } from './result';

/** What the content script reports about the page it annotated. */
export type PageSummary =
  | {
      state: 'annotated';
      url: string;
      title: string;
      /** Language the detector used, null when only language-independent rules ran. */
      detectedLang: string | null;
      counts: Record<MentionKind, number>;
      total: number;
      /** Mentions found in the text whose place in the page could not be highlighted. */
      unanchored: number;
      /** True when the whole page was read because no article was found and the user asked. */
      wholePage: boolean;
      /** Where the article was read: by the background from the page's HTML, or in the page when that failed. */
      readBy: 'background' | 'page';
    }
  | { state: 'no-article'; url: string; title: string }
  | { state: 'failed'; url: string; message: string };

export type MessageMap = {
  /** Background → content script: annotate (again) and report. `force` reads the whole page when no article is found. */
  'page/annotate': { request: { force?: boolean }; response: PageSummary };
  /** Background → content script: the clipping for the page as annotated now. */
  'page/clipping': { request: { force?: boolean }; response: Result<ClippingInput> };
  /**
   * Content script → background: detect mentions in an article's text. The detector and its
   * data live in the background, so that pages receive only the small annotator.
   */
  'text/analyse': { request: { text: string; options: DetectOptions }; response: Analysis };
  /**
   * Content script → background: read the article of the page serialised as `html` (Readability
   * and the cleaning around it) and detect its mentions, off the page's thread. `analysis` is null
   * when there is no article.
   */
  'page/read': { request: { html: string; url: string; options: ExtractOptions }; response: Result<{ read: WireRead; analysis: Analysis | null }> };
  /** Popup → background: inject the annotator into a tab (activeTab) and return its summary. */
  'tab/annotate': { request: { tabId: number; force?: boolean }; response: Result<PageSummary> };
  /**
   * Popup, context menu or shortcut → background: save the tab's page as a clipping; with `selection`
   * (the selected text), save that passage with its mentions instead, linked to the page.
   */
  'tab/save': { request: { tabId: number; force?: boolean; selection?: string }; response: Result<SaveResult & { title: string }> };
  /**
   * Content script → background (the sender's tab): what the page holds now, for the toolbar
   * badge; the answer says whether the library already has this page.
   */
  'page/report': { request: { summary: PageSummary; urlKey: string | null }; response: { saved: boolean } };
  /** Content script (the panel's "Save clipping") → background: save the sender's tab, as `tab/save` does. */
  'page/save': { request: { force?: boolean }; response: Result<SaveResult & { title: string }> };
};

/**
 * A save started from the context menu or the shortcut has no window to report in: the background
 * puts its outcome in storage.session under this key and the popup shows it when next opened.
 */
export const LAST_TRIGGERED_SAVE = 'lastTriggeredSave';
export type TriggeredSave = { at: string; ok: boolean; message: string };

export type MessageType = keyof MessageMap;

export type Message<K extends MessageType = MessageType> = { type: K; payload: MessageMap[K]['request'] };

export function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && typeof (value as Message).type === 'string' && 'payload' in (value as object);
}
