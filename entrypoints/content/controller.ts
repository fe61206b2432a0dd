import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnnotationPanelProps, PanelStatus } from '@/components/AnnotationPanel';
import type { PanelMention } from '@/components/panel-model';
import type { MentionKind } from '@/lib/detect/types';
import { adoptHighlightStyles } from '@/lib/highlight/highlight-styles';
import type { MessageMap, MessageType, PageSummary } from '@/lib/messages';
import { MAX_DETECTED_CHARS } from '@/lib/annotate-page';
import { PageAnnotator, type LiveMention } from '@/lib/page-annotator';
import { watchPage, type PageWatch } from '@/lib/page-watch';
import { sanitizeArticleHtml } from '@/lib/sanitize-html';
import { mountUi, type MountedUi, type UiState } from './mount-ui';
import { yieldToPage } from './yield';

/** After this many removals by the page, the panel stops coming back (the badge still counts). */
const MAX_REATTACH = 20;

function send<K extends MessageType>(type: K, payload: MessageMap[K]['request']): Promise<MessageMap[K]['response']> {
  return browser.runtime.sendMessage({ type, payload });
}

const toPanel = (m: LiveMention): PanelMention => ({
  id: m.id, kind: m.kind, text: m.text, canonical: m.canonical, entityId: m.entityId, wikidata: m.wikidata,
  institutionKind: m.institutionKind, country: m.country, value: m.value, valueMax: m.valueMax, unit: m.unit,
  currency: m.currency, category: m.category, qualifier: m.qualifier, iso: m.iso, attached: !!m.range,
});

/**
 * MigraLens in one page: runs the annotator off the critical path, keeps the panel and card in
 * step with it, follows in-page navigation and DOM changes, and reports to the background.
 */
export class InPageController {
  readonly annotator = new PageAnnotator(document, {
    sanitize: (html) => sanitizeArticleHtml(html, window),
    analyse: (text, options) => send('text/analyse', { text, options }),
    readElsewhere: async (html, url, options) => {
      const answer = await send('page/read', { html, url, options });
      return answer.ok ? answer.value : null;
    },
    yieldToPage,
  });
  private ui: MountedUi | null = null;
  private watch: PageWatch | null = null;
  private unstyle: (() => void) | null = null;
  private status: PanelStatus = 'reading';
  private failure = '';
  private open = false;
  private saved = false;
  private saving = false;
  private saveMessage: string | null = null;
  private notices = new Map<string, string>();
  private card: UiState['card'] = null;
  private cardFromHover = false;
  private nextOccurrence = new Map<string, number>();
  private pendingFrame = false;
  private running: Promise<PageSummary> | null = null;
  last: PageSummary | null = null;

  /** Binds the listeners that live with a WXT context (a re-injection hands over a new one). */
  bind(ctx: ContentScriptContext): void {
    ctx.addEventListener(window, 'wxt:locationchange', () => { void this.navigated(); });
    ctx.addEventListener(document, 'pointermove', (e) => this.pointerMoved(e as PointerEvent), { passive: true });
    ctx.addEventListener(window, 'scroll', () => this.draw(), { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', () => this.draw(), { passive: true });
  }

  showPanel(): void { this.open = true; this.draw(); }

  /** Annotates (the whole page with `force`); concurrent calls share one run. */
  run(force = false, userAsked = false): Promise<PageSummary> {
    if (userAsked) this.open = true;
    if (this.running && !force) return this.running;
    this.running = this.annotate(force, userAsked).finally(() => { this.running = null; });
    return this.running;
  }

  private async annotate(force: boolean, userAsked: boolean): Promise<PageSummary> {
    this.unstyle ??= adoptHighlightStyles(document);
    this.status = 'reading';
    if (userAsked || this.ui) this.ensureUi();
    this.draw();
    const summary = await this.annotator.annotate(force);
    this.watch?.discardPending();
    this.status = summary.state;
    this.failure = summary.state === 'failed' ? summary.message : '';
    this.setNotice('cut', this.annotator.truncated ? `This article is very long: only its first ${MAX_DETECTED_CHARS.toLocaleString('en-GB')} characters were annotated.` : null);
    // On a site annotated automatically, a page without an article gets no panel at all.
    if (summary.state === 'annotated' || userAsked || this.ui) this.ensureUi();
    if (summary.state === 'annotated') this.startWatching();
    await this.report(summary);
    return summary;
  }

  private async report(summary: PageSummary): Promise<void> {
    this.last = summary;
    try {
      ({ saved: this.saved } = await send('page/report', { summary, urlKey: this.annotator.urlKey() }));
    } catch {
      // The background is restarting or the extension was reloaded: the badge is only a hint.
    }
    this.draw();
  }

  private startWatching(): void {
    if (this.watch) return;
    this.watch = watchPage(document, {
      isOwn: (node) => !!this.ui?.owns(node) || (node.nodeType === 1 && (node as Element).hasAttribute('data-migralens')),
      onChange: () => this.refresh(),
      onBackoff: (ms) => this.setNotice('busy', ms >= 4000 ? `This page keeps changing its content: highlights are brought up to date every ${Math.round(ms / 1000)} s.` : null),
    });
  }

  private async refresh(): Promise<void> {
    if (this.running) return;
    try {
      const changed = await this.annotator.refresh();
      this.watch?.discardPending();
      if (changed) await this.report(this.annotator.summary());
    } catch (error) {
      this.setNotice('refresh', `The page changed and could not be read again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** In-page navigation (a single-page app): the new view is annotated from scratch. */
  private async navigated(): Promise<void> {
    this.annotator.dispose();
    this.hideCard();
    this.nextOccurrence.clear();
    this.saveMessage = null;
    // Frameworks render the new view just after changing the URL: let it land first, so that
    // the old view's mentions are not read and then reported as gone.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await this.run(false, false);
  }

  private ensureUi(): void {
    if (this.ui) return;
    this.ui = mountUi(document, (times) => {
      this.setNotice('removed', `This page removed the MigraLens panel ${times === 1 ? 'once' : `${times} times`}; it was put back.`);
      return times <= MAX_REATTACH;
    });
  }

  private setNotice(key: string, text: string | null): void {
    if (text) this.notices.set(key, text); else this.notices.delete(key);
    this.draw();
  }

  private draw(): void {
    if (!this.ui) return;
    if (this.card) {
      const m = this.annotator.mentions.find((x) => x.id === this.card!.mention.id);
      const rect = m?.range?.getBoundingClientRect();
      if (rect) this.card = { ...this.card, at: { left: rect.left, top: rect.top, bottom: rect.bottom } };
    }
    this.ui.update({ panel: this.panelProps(), card: this.card });
  }

  private panelProps(): AnnotationPanelProps {
    const summary = this.last;
    return {
      status: this.status, failure: this.failure, mentions: this.annotator.mentions.map(toPanel),
      hidden: this.annotator.hiddenKinds, open: this.open, wholePage: summary?.state === 'annotated' && summary.wholePage,
      saved: this.saved, saving: this.saving, saveMessage: this.saveMessage, notices: [...this.notices.values()],
      onToggleOpen: () => { this.open = !this.open; this.draw(); },
      onToggleKind: (kind: MentionKind) => {
        this.annotator.setKindVisible(kind, this.annotator.hiddenKinds.has(kind));
        this.watch?.discardPending();
        this.draw();
      },
      onShowEntity: (ids, advance) => this.showEntity(ids, advance),
      onShowMention: (id) => this.showMention(id, false),
      onHideCard: () => this.hideCard(),
      onSave: () => { void this.save(); },
      onAnnotateAnyway: () => { void this.run(true, true); },
    };
  }

  /** Focus shows the current occurrence of an entity; a click moves on to the next one. */
  private showEntity(ids: number[], advance: boolean): void {
    const key = ids.join(',');
    const current = this.nextOccurrence.get(key) ?? 0;
    const index = advance && this.card && ids.includes(this.card.mention.id) ? (current + 1) % ids.length : current;
    this.nextOccurrence.set(key, index);
    this.showMention(ids[index], true);
  }

  private showMention(id: number, scroll: boolean): void {
    const m = this.annotator.mentions.find((x) => x.id === id);
    if (!m) return;
    if (scroll && m.range) {
      const el = m.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    const rect = m.range?.getBoundingClientRect();
    const at = rect ? { left: rect.left, top: rect.top, bottom: rect.bottom } : { left: window.innerWidth - 620, top: window.innerHeight - 60, bottom: window.innerHeight - 40 };
    this.card = { mention: toPanel(m), at };
    this.cardFromHover = false;
    this.draw();
  }

  private hideCard(): void {
    if (!this.card) return;
    this.card = null;
    this.draw();
  }

  private pointerMoved(e: PointerEvent): void {
    if (this.pendingFrame || !this.annotator.mentions.length) return;
    const { clientX: x, clientY: y } = e;
    const overUi = this.ui && e.composedPath().includes(this.ui.host);
    this.pendingFrame = true;
    requestAnimationFrame(() => {
      this.pendingFrame = false;
      if (overUi) return; // keep the card while the pointer goes into it (to follow its link)
      const m = this.annotator.mentionAt(x, y);
      if (m) {
        if (this.card?.mention.id === m.id) return;
        this.ensureUi();
        const rect = m.range!.getBoundingClientRect();
        this.card = { mention: toPanel(m), at: { left: rect.left, top: rect.top, bottom: rect.bottom } };
        this.cardFromHover = true;
        this.draw();
      } else if (this.card && this.cardFromHover) {
        this.hideCard();
      }
    });
  }

  private async save(): Promise<void> {
    this.saving = true; this.saveMessage = 'Saving…'; this.draw();
    try {
      const result = await send('page/save', { force: this.annotator.summary().state === 'annotated' && this.last?.state === 'annotated' && this.last.wholePage });
      if (result.ok) {
        this.saved = true;
        this.saveMessage = `${result.value.created ? 'Saved' : 'Updated'}: ${result.value.title}`;
        await this.report(this.annotator.summary());
      } else {
        this.saveMessage = result.error.message;
      }
    } catch (error) {
      this.saveMessage = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.saving = false;
      this.draw();
    }
  }

  dispose(): void {
    this.watch?.stop();
    this.watch = null;
    this.annotator.dispose();
    this.ui?.remove();
    this.ui = null;
    this.unstyle?.();
    this.unstyle = null;
  }
}
