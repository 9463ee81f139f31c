import { useId, useState } from 'react';

const KEY = 'deflection.narratives';

function saved(): Record<string, string> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function save(key: string, text: string | null): void {
  const all = saved();
  if (text == null) delete all[key];
  else all[key] = text;
  try { localStorage.setItem(KEY, JSON.stringify(all)); } catch { /* storage full or blocked: the edit lives until reload */ }
}

/** The report's narrative: a drafted text the user can edit. An edit is kept in this browser for
 *  this report and period (`storeKey`); "Use the drafted text" goes back to the draft. The printed
 *  report shows the text as a paragraph, not as a form field. */
export function Narrative({ draft, storeKey, label }: { draft: string; storeKey: string; label: string }) {
  const id = useId();
  const [edits, setEdits] = useState(() => saved());
  const text = edits[storeKey] ?? draft;
  const edited = edits[storeKey] != null;
  const set = (t: string | null) => {
    save(storeKey, t);
    setEdits(saved());
  };
  return (
    <section className="narrative" aria-labelledby={`${id}-h`} data-testid="narrative">
      <h2 id={`${id}-h`}>{label}</h2>
      <div className="no-print">
        <label htmlFor={id} className="hint">Drafted from the figures below; edit it freely. {edited ? 'Your edit is kept in this browser.' : ''}</label>
        <textarea id={id} value={text} rows={7} onChange={(e) => set(e.target.value)} data-testid="narrative-text" />
        {edited && <button type="button" onClick={() => set(null)}>Use the drafted text</button>}
      </div>
      <div className="print-only narrative-print">{text.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}</div>
    </section>
  );
}
