import { useState } from 'preact/hooks';
import type { Collection } from '@/lib/db/schema';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '@/lib/export/index';
import type { ExportScope } from '@/lib/export/read-library';
import type { ImportResult } from '@/lib/import/import-library';

/**
 * Where a long export or import is; `total` 0 while the size is not known yet. `percent` when the
 * counts are not things a user counts (characters of text being zipped), shown as a percentage.
 */
export type TaskProgress = { phase: string; done: number; total: number; percent?: boolean };

export type ExportOutcome = { ok: true; fileName: string; clippings: number } | { ok: false; message: string };
export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; problems: string[] };

export type ExportPanelProps = {
  collections: readonly Collection[];
  /** Ids of the clippings the library page currently lists; absent when no search is active. */
  searchIds?: readonly number[];
  onExport: (scope: ExportScope, format: ExportFormat, onProgress: (p: TaskProgress) => void) => Promise<ExportOutcome>;
  onImport: (file: File, onProgress: (p: TaskProgress) => void) => Promise<ImportOutcome>;
};

type ScopeKind = ExportScope['kind'];
type Status =
  | { state: 'idle' }
  | { state: 'busy'; progress: TaskProgress }
  | { state: 'exported'; outcome: ExportOutcome }
  | { state: 'imported'; outcome: ImportOutcome };

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

function progressText({ done, total, percent }: TaskProgress): string {
  if (!total) return '…';
  return percent ? ` — ${Math.floor((100 * done) / total)} %` : ` — ${done.toLocaleString()} of ${total.toLocaleString()}`;
}

/** Export the library (or a collection, or the search result) in a chosen format; import a JSON backup. */
export function ExportPanel({ collections, searchIds, onExport, onImport }: ExportPanelProps) {
  const [scopeKind, setScopeKind] = useState<ScopeKind>('library');
  const [picked, setCollectionId] = useState<number | null>(null);
  // Collections usually arrive after the first render: until one is picked, the first is meant.
  const collectionId = picked !== null && collections.some((c) => c.id === picked) ? picked : collections[0]?.id ?? null;
  const [format, setFormat] = useState<ExportFormat>('json');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const busy = status.state === 'busy';
  const progress = (p: TaskProgress) => setStatus({ state: 'busy', progress: p });

  const scope = (): ExportScope | null => {
    if (scopeKind === 'collection') return collectionId === null ? null : { kind: 'collection', collectionId };
    if (scopeKind === 'clippings') return searchIds ? { kind: 'clippings', ids: searchIds } : null;
    return { kind: 'library' };
  };

  const runExport = async () => {
    const s = scope();
    if (!s) return;
    progress({ phase: 'Exporting', done: 0, total: 0 });
    const outcome = await onExport(s, format, progress).catch((e: unknown): ExportOutcome => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
    setStatus({ state: 'exported', outcome });
  };

  const runImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    progress({ phase: `Checking ${file.name}`, done: 0, total: 0 });
    const outcome = await onImport(file, progress).catch((e: unknown): ImportOutcome => ({ ok: false, problems: [e instanceof Error ? e.message : String(e)] }));
    setStatus({ state: 'imported', outcome });
  };

  return (
    <section class="export-panel" aria-label="Export and import">
      <h2>Export</h2>
      <fieldset disabled={busy}>
        <legend>What</legend>
        <label><input type="radio" name="scope" checked={scopeKind === 'library'} onChange={() => setScopeKind('library')} /> Whole library</label>
        <label>
          <input type="radio" name="scope" checked={scopeKind === 'collection'} disabled={!collections.length} onChange={() => setScopeKind('collection')} /> Collection{' '}
          <select aria-label="Collection" disabled={scopeKind !== 'collection'} value={collectionId ?? ''} onChange={(e) => setCollectionId(Number((e.target as HTMLSelectElement).value))}>
            {collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label>
          <input type="radio" name="scope" checked={scopeKind === 'clippings'} disabled={!searchIds} onChange={() => setScopeKind('clippings')} />
          {' '}Current search result{searchIds ? ` (${plural(searchIds.length, 'clipping')})` : ''}
        </label>
      </fieldset>
      <label>
        Format{' '}
        <select value={format} disabled={busy} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_INFO[f].label}</option>)}
        </select>
      </label>
      <button type="button" disabled={busy || !scope()} onClick={runExport}>Export</button>

      <h2>Import a JSON backup</h2>
      <p class="hint">Pages already in the library are merged, not duplicated. A file with any problem is refused whole: nothing is written.</p>
      <input type="file" accept=".json,application/json" aria-label="Backup file to import" disabled={busy}
        onChange={(e) => runImport(e.target as HTMLInputElement)} />

      {status.state === 'busy' && (
        <div class="status" role="status">
          {status.progress.phase}{progressText(status.progress)}
          <progress max={status.progress.total || undefined} value={status.progress.total ? status.progress.done : undefined} />
        </div>
      )}
      {status.state === 'exported' && (status.outcome.ok
        ? <div class="status" role="status">Exported {plural(status.outcome.clippings, 'clipping')} to {status.outcome.fileName}.</div>
        : <div class="status error" role="alert">Export failed: {status.outcome.message}</div>)}
      {status.state === 'imported' && (status.outcome.ok
        ? <div class="status" role="status">Imported: {status.outcome.result.added.toLocaleString()} added, {status.outcome.result.updated.toLocaleString()} updated, {status.outcome.result.skipped.toLocaleString()} skipped ({plural(status.outcome.result.mentions, 'mention')}).</div>
        : (
          <div class="status error" role="alert">
            Nothing was imported. The file has {status.outcome.problems.length === 1 ? 'a problem' : 'problems'}:
            <ul>{status.outcome.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          </div>
        ))}
    </section>
  );
}
