/** Address of the reader page of a clipping. */
export const readerHref = (id: number) => `${browser.runtime.getURL('/reader.html')}?id=${id}`;

export const libraryHref = () => browser.runtime.getURL('/library.html');

/**
 * Opens an extension page in a new tab. From the popup, the popup then closes (it would
 * otherwise stay over the new tab); from a full page nothing else happens.
 */
export async function openPage(url: string, closeSelf = false): Promise<void> {
  await browser.tabs.create({ url });
  if (closeSelf) window.close();
}

/**
 * Escape closes the window (the popup), unless it is clearing a search box or closing an open
 * menu first. Returns the cleanup for useEffect.
 */
export function closeOnEscape(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t instanceof HTMLInputElement && t.type === 'search' && t.value) return;
    if (t?.closest('details[open]')) { t.closest('details')!.open = false; return; }
    window.close();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
