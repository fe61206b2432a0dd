/**
 * Automatic annotation on the sites the user chose: the content script is registered for exactly
 * the origins the user granted (optional host permissions), and re-registered whenever a grant is
 * added or removed. Without a grant nothing is registered, so nothing runs.
 */
const SCRIPT_ID = 'migralens-auto';
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** Web origins the user has granted, as match patterns. */
export async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => /^https?:\/\//.test(o));
}

/** Makes the registered content script match the granted origins; returns them. */
export async function syncAutoAnnotation(): Promise<string[]> {
  const matches = await grantedOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return matches;
}

export function watchAutoSites(): void {
  const resync = () => { syncAutoAnnotation().catch((e: unknown) => console.warn('MigraLens: automatic sites not updated', e)); };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  resync();
}
