import { sanitizeArticleHtml } from '@/lib/sanitize-html';
import { isMessage, type MessageMap, type PageSummary } from '@/lib/messages';
import { PageAnnotator } from '@/lib/page-annotator';

type Instance = { annotator: PageAnnotator; last: PageSummary | null };
const KEY = '__migralensAnnotator';

// Injected on demand with scripting.executeScript (activeTab): nothing runs until the user asks.
// A second injection into the same page reuses the first instance and its message listener.
export default defineContentScript({
  registration: 'runtime',
  async main(): Promise<PageSummary> {
    const scope = globalThis as typeof globalThis & { [KEY]?: Instance };
    let instance = scope[KEY];
    if (!instance) {
      const annotator = new PageAnnotator(document, {
        sanitize: (html) => sanitizeArticleHtml(html, window),
        analyse: (text, options): Promise<MessageMap['text/analyse']['response']> =>
          browser.runtime.sendMessage({ type: 'text/analyse', payload: { text, options } }),
      });
      instance = scope[KEY] = { annotator, last: null };
      browser.runtime.onMessage.addListener((message: unknown) => {
        if (!isMessage(message)) return undefined;
        if (message.type === 'page/annotate') {
          const { force } = message.payload as MessageMap['page/annotate']['request'];
          return annotator.annotate(force).then((summary) => (instance!.last = summary));
        }
        if (message.type === 'page/clipping') {
          const { force } = message.payload as MessageMap['page/clipping']['request'];
          return annotator.clipping(force);
        }
        return undefined;
      });
    }
    if (!instance.last || instance.last.state !== 'annotated') instance.last = await instance.annotator.annotate();
    return instance.last;
  },
});
