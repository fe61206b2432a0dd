import { openDatabase } from '@/lib/db/schema';
import { analyse, warmUp } from '@/lib/detect';
import { isMessage, type MessageMap } from '@/lib/messages';
import { registerSaveTriggers } from './save-triggers';
import { registerAnnotateTriggers } from './annotate-triggers';
import { readPage } from './read-page';
import { annotateTab, saveTab } from './tab-actions';

/** How long after start-up the detector is warmed up. */
const WARM_UP_DELAY_MS = 2000;

export default defineBackground(() => {
  const db = openDatabase();
  registerAnnotateTriggers(db);
  registerSaveTriggers(db);

  // The detector builds its matchers for a language on the first text it reads in it, which made
  // the first annotation after the worker starts the slowest. Building them for the browser's
  // language when the worker is otherwise idle moves that cost off the first annotation. Only one
  // language: the browser stops an idle worker and starts it again on the next event, so warming
  // all six each time would cost more than it saves. The delay lets a message that woke the
  // worker be answered first.
  setTimeout(() => warmUp(navigator.language.slice(0, 2).toLowerCase()) || warmUp('en'), WARM_UP_DELAY_MS);

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMessage(message)) return undefined;
    switch (message.type) {
      case 'tab/annotate': {
        const { tabId, force } = message.payload as MessageMap['tab/annotate']['request'];
        return annotateTab(tabId, force);
      }
      case 'text/analyse': {
        const { text, options } = message.payload as MessageMap['text/analyse']['request'];
        return Promise.resolve(analyse(text, options));
      }
      case 'page/read':
        return Promise.resolve(readPage(message.payload as MessageMap['page/read']['request']));
      case 'tab/save':
        return saveTab(db, message.payload as MessageMap['tab/save']['request']);
      default:
        return undefined;
    }
  });
});
