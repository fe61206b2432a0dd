import { render } from 'preact';
import { AnnotationPanel, type AnnotationPanelProps } from '@/components/AnnotationPanel';
import { PageMentionCard, type PageMentionCardProps } from '@/components/PageMentionCard';
import { panelCss } from '@/components/panel-css';

export const HOST_TAG = 'migralens-root';

export type UiState = { panel: AnnotationPanelProps; card: Omit<PageMentionCardProps, 'viewport'> | null };

export type MountedUi = {
  host: HTMLElement;
  update: (state: UiState) => void;
  /** True when `node` is our host or inside it. */
  owns: (node: Node) => boolean;
  remove: () => void;
};

// Events that would reach the page's own handlers (keyboard shortcuts, click tracking) from our UI.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'change', 'focusin', 'focusout'];

/**
 * The one element MigraLens adds to the page: a host with an open shadow root holding the panel
 * and the card (Preact). It hangs off <html>, not <body>, so that pages re-rendering their body
 * keep it; a page that removes it gets it back a bounded number of times (`onRemoved`).
 */
export function mountUi(doc: Document, onRemoved: (times: number) => boolean): MountedUi {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = panelCss();
  const root = doc.createElement('div');
  root.className = 'root';
  shadow.append(style, root);
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, (e) => e.stopPropagation());
  doc.documentElement.append(host);

  let removals = 0;
  const watcher = new MutationObserver(() => {
    if (host.isConnected) return;
    removals += 1;
    if (onRemoved(removals)) doc.documentElement.append(host); else watcher.disconnect();
  });
  watcher.observe(doc.documentElement, { childList: true });
  // A page that swaps its whole <html> element's children also needs watching from the document.
  watcher.observe(doc, { childList: true });

  let last: UiState | null = null;
  const draw = () => {
    if (!last) return;
    const viewport = { width: doc.defaultView?.innerWidth ?? 1024, height: doc.defaultView?.innerHeight ?? 768 };
    render(
      <>
        <AnnotationPanel {...last.panel} />
        {last.card && <PageMentionCard {...last.card} viewport={viewport} />}
      </>,
      root,
    );
  };
  return {
    host,
    update: (state) => { last = state; draw(); },
    owns: (node) => node === host || host.contains(node),
    remove: () => { watcher.disconnect(); render(null, root); host.remove(); },
  };
}
