/**
 * Gives the page its main thread back between our steps (Readability, detection, painting): the
 * next step runs when the browser is idle, or after 200 ms at the latest (a busy page, a
 * background tab where idle callbacks are rare).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}
