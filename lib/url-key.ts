// Parameters that say where a reader came from, not which page they read.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|xtor|at_medium|at_campaign|ns_\w+|_ga|yclid|s_cid|ito|mkt_tok|oly_\w+|vero_\w+|wt_\w+|ocid)$/i;

/**
 * The key under which a page is saved once: its canonical URL when the page gives one, else its
 * URL without tracking parameters and fragment. Two visits to the same article share a key.
 */
export function urlKey(url: string, canonicalUrl?: string | null): string {
  const base = canonicalUrl ? resolve(canonicalUrl, url) ?? url : url;
  let u: URL;
  try { u = new URL(base); } catch { return base.trim(); }
  u.hash = '';
  for (const name of Array.from(u.searchParams.keys())) if (TRACKING.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  let s = u.toString();
  if (s.endsWith('?')) s = s.slice(0, -1);
  return s;
}

function resolve(href: string, base: string): string | null {
  try { return new URL(href, base).toString(); } catch { return null; }
}
