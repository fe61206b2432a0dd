import { sanitizeArticleHtml } from '@/lib/sanitize-html';
import { isMessage, type MessageMap, type PageSummary } from '@/lib/messages';
import { PageAnnotator } from '@/lib/page-annotator';

type Instance = { annotator: PageAnnotator; last: PageSummary | null };
const KEY = '__migralensAnnotator';

// Injected on demand with scripting.executeScript (activeTab): nothing runs until the user asks.
// A second injection into the same page reuses the first instance and its message listener.
export default defineContentScript({
  registration: 'runtime',
  main(): PageSummary {
    const scope = globalThis as typeof globalThis & { [KEY]?: Instance };
    let instance = scope[KEY];
    if (!instance) {
      const annotator = new PageAnnotator(document, { sanitize: (html) => sanitizeArticleHtml(html, window) });
      instance = scope[KEY] = { annotator, last: null };
      browser.runtime.onMessage.addListener((message: unknown) => {
        if (!isMessage(message)) return undefined;
        if (message.type === 'page/annotate') {
          const { force } = message.payload as MessageMap['page/annotate']['request'];
          instance!.last = annotator.annotate(force);
          return Promise.resolve(instance!.last);
        }
        if (message.type === 'page/clipping') {
          const { force } = message.payload as MessageMap['page/clipping']['request'];
          return Promise.resolve(annotator.clipping(force));
        }
        return undefined;
      });
    }
    if (!instance.last || instance.last.state !== 'annotated') instance.last = instance.annotator.annotate();
    return instance.last;
  },
});
