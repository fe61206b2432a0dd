import { useEffect, useState } from 'preact/hooks';
import type { ClippingEdit } from '@/lib/db/edits';

export type ClippingEditorProps = {
  note: string;
  tags: string[];
  /** Names of the clipping's collections. */
  collections: string[];
  /** Names of all collections, offered as suggestions. */
  knownCollections: string[];
  onSave: (edit: ClippingEdit) => Promise<void>;
};

const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Note, tags and collections of a clipping, saved together with one button. */
export function ClippingEditor({ note, tags, collections, knownCollections, onSave }: ClippingEditorProps) {
  const [n, setN] = useState(note);
  const [t, setT] = useState(tags.join(', '));
  const [c, setC] = useState(collections.join(', '));
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => { setN(note); setT(tags.join(', ')); setC(collections.join(', ')); }, [note, tags.join(','), collections.join(',')]);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await onSave({ note: n, tags: split(t), collections: split(c) });
      setStatus('Changes saved.');
    } catch (err) {
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <form class="editor" onSubmit={submit} aria-label="Your notes">
      <label>Note<textarea rows={5} value={n} onInput={(e) => setN((e.currentTarget as HTMLTextAreaElement).value)} /></label>
      <label>Tags (comma-separated)<input type="text" value={t} onInput={(e) => setT((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>Collections (comma-separated)
        <input type="text" list="known-collections" value={c} onInput={(e) => setC((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <datalist id="known-collections">{knownCollections.map((name) => <option key={name} value={name} />)}</datalist>
      <div class="actions">
        <button type="submit">Save changes</button>
        {status && <span role="status">{status}</span>}
      </div>
    </form>
  );
}
