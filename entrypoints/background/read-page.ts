import { parseHTML } from 'linkedom';
import { readAndAnalyse } from '@/lib/annotate-page';
import type { MessageMap } from '@/lib/messages';
import { fail, ok } from '@/lib/result';

type Request = MessageMap['page/read']['request'];
type Response = MessageMap['page/read']['response'];

/**
 * A page's article read from the HTML it sent, with its mentions: Readability and detection run
 * here, on the background's thread, so that the page's own thread only serialises and paints.
 * A service worker has no DOM parser; linkedom is the one the command-line annotator reads with.
 */
export function readPage({ html, url, options }: Request): Response {
  try {
    const { document } = parseHTML(html);
    return ok(readAndAnalyse(document as unknown as Document, url, options));
  } catch (error) {
    return fail('content-script-failed', `The page could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
