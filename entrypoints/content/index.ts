import type { PageSummary } from '@/lib/messages';
import { isMessage, type MessageMap } from '@/lib/messages';
import { InPageController } from './controller';

const KEY = '__migralensController';
type Scope = typeof globalThis & { [KEY]?: InPageController; migralensOpenPanel?: boolean };

// Injected on demand with scripting.executeScript (activeTab), or registered for the sites the
// user chose. A second injection into the same page reuses the first controller.
export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise post a message to the page's window on every injection.
  noScriptStartedPostMessage: true,
  async main(ctx): Promise<PageSummary> {
    const scope = globalThis as Scope;
    const userAsked = scope.migralensOpenPanel === true;
    scope.migralensOpenPanel = false;
    let controller = scope[KEY];
    if (!controller) {
      const c = controller = scope[KEY] = new InPageController();
      browser.runtime.onMessage.addListener((message: unknown) => {
        if (!isMessage(message)) return undefined;
        if (message.type === 'page/annotate') {
          const { force } = message.payload as MessageMap['page/annotate']['request'];
          return c.run(force, true);
        }
        if (message.type === 'page/clipping') {
          const { force } = message.payload as MessageMap['page/clipping']['request'];
          return c.annotator.clipping(force);
        }
        return undefined;
      });
    }
    // A re-injection invalidates the previous context; its listeners move to this one. When the
    // extension itself goes away (update, reload), everything it put in the page goes too.
    controller.bind(ctx);
    const c = controller;
    ctx.onInvalidated(() => { if (!browser.runtime?.id) { c.dispose(); delete scope[KEY]; } });
    if (userAsked) c.showPanel();
    if (c.last?.state === 'annotated') return c.last;
    return c.run(false, userAsked);
  },
});
