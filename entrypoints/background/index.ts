import { openDatabase } from '@/lib/db/schema';
import { analyse } from '@/lib/detect';
import { isMessage, type MessageMap } from '@/lib/messages';
import { registerSaveTriggers } from './save-triggers';
import { registerAnnotateTriggers } from './annotate-triggers';
import { annotateTab, saveTab } from './tab-actions';

export default defineBackground(() => {
  const db = openDatabase();
  registerAnnotateTriggers(db);
  registerSaveTriggers(db);

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
      case 'tab/save':
        return saveTab(db, message.payload as MessageMap['tab/save']['request']);
      default:
        return undefined;
    }
  });
});
