import { useState } from 'preact/hooks';
import { DEFAULT_NEWS_SITES, domainOf, patternFor, type NewsSite } from '@/lib/news-sites';

export type SiteChooserProps = {
  /** Match patterns granted now. */
  granted: readonly string[];
  /** Asks the browser for these patterns; must run inside the click (a user gesture). */
  onGrant: (patterns: string[]) => void;
  onRemove: (pattern: string) => void;
  /** Turns what the user typed into a pattern; null when it is not a site address. */
  parseSite: (input: string) => string | null;
  /** Outcome of the last change, worded for the user. */
  status: { text: string; error: boolean } | null;
};

const COUNTRIES: [NewsSite['country'], string][] = [
  ['FR', 'France'], ['GB', 'United Kingdom'], ['BE', 'Belgium'], ['NL', 'Netherlands'], ['DE', 'Germany'],
  ['IT', 'Italy'], ['ES', 'Spain'], ['INT', 'Wire services and European outlets'],
];

/**
 * The sites annotated automatically: the default news sites to pick from, the user's own
 * additions, and what is granted now. Nothing runs on a site until the browser has granted it.
 */
export function SiteChooser({ granted, onGrant, onRemove, parseSite, status }: SiteChooserProps) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const grantedSet = new Set(granted);
  const toggle = (pattern: string) => {
    const next = new Set(picked);
    if (next.has(pattern)) next.delete(pattern); else next.add(pattern);
    setPicked(next);
  };
  const add = (e: Event) => {
    e.preventDefault();
    const pattern = parseSite(typed);
    if (!pattern) { setTypedError('Type a site address, for example lemonde.fr.'); return; }
    setTypedError(null);
    setTyped('');
    onGrant([pattern]);
  };
  return (
    <div>
      <h2>Annotated automatically</h2>
      {granted.length === 0 ? <p>No site yet: MigraLens runs only when you ask it to (toolbar button, Alt+Shift+A, or “Annotate this page” in the page's menu).</p> : (
        <ul class="granted" aria-label="Sites annotated automatically">
          {granted.map((p) => (
            <li key={p}><span>{domainOf(p)}</span><button type="button" onClick={() => onRemove(p)} aria-label={`Stop annotating ${domainOf(p)}`}>Remove</button></li>
          ))}
        </ul>
      )}
      {status && <p class={status.error ? 'status error' : 'status'} role="status">{status.text}</p>}
      <h2>News sites</h2>
      <p>Pick the sites whose articles you want annotated as soon as they open. Your browser asks you to confirm.</p>
      {COUNTRIES.map(([code, name]) => (
        <fieldset key={code}>
          <legend>{name}</legend>
          <div class="sites">
            {DEFAULT_NEWS_SITES.filter((s) => s.country === code).map((s) => {
              const pattern = patternFor(s.domain);
              return (
                <label key={s.domain}>
                  <input type="checkbox" checked={grantedSet.has(pattern) || picked.has(pattern)} disabled={grantedSet.has(pattern)} onChange={() => toggle(pattern)} />
                  {' '}{s.name} <small>({s.domain})</small>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="button" disabled={picked.size === 0} onClick={() => { onGrant([...picked]); setPicked(new Set()); }}>
        Annotate the selected sites automatically
      </button>
      <h2>Another site</h2>
      <form onSubmit={add}>
        <label>Site address <input value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} placeholder="lesoir.be" /></label>
        {' '}<button type="submit">Add</button>
        {typedError && <p class="status error" role="alert">{typedError}</p>}
      </form>
    </div>
  );
}
