import type { MentionKind } from '@/lib/detect/types';
import { MENTION_KINDS } from '@/lib/detect/types';
import type { PageSummary } from '@/lib/messages';

export type PageStatusProps = {
  /** null while the page is being read. */
  summary: PageSummary | null;
  /** A failure to reach the page, worded for the user. */
  error: string | null;
};

const LABELS: Record<MentionKind, string> = {
  institution: 'institutions', role: 'roles', person: 'people', figure: 'figures', date: 'dates',
};

export function PageStatus({ summary, error }: PageStatusProps) {
  if (error) return <div class="status error" role="alert">{error}</div>;
  if (!summary) return <div class="status" aria-live="polite">Reading the page…</div>;
  if (summary.state === 'failed') {
    return <div class="status error" role="alert">The page could not be annotated: {summary.message}</div>;
  }
  if (summary.state === 'no-article') {
    return <div class="status" role="status">No article found on this page.</div>;
  }
  return (
    <div class="status" role="status" aria-label="Annotation summary">
      <div>
        {summary.total} mentions found{summary.wholePage ? ' in the whole page' : ''}
        {summary.detectedLang ? '' : ' (language not supported: only numbers, dates and acronyms)'}
      </div>
      <ul class="counts">
        {MENTION_KINDS.map((k) => <li key={k} data-kind={k}>{summary.counts[k]} {LABELS[k]}</li>)}
      </ul>
      {summary.unanchored > 0 && <div>{summary.unanchored} could not be highlighted in the page.</div>}
    </div>
  );
}
