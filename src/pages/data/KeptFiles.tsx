import { useState } from 'react';
import { useData } from '../../state/DataContext.tsx';
import { restoredText, restoringText } from '../../state/persist.ts';

/** Where the files the user added are kept (this browser's IndexedDB), the restore at start, why
 *  files would not be kept, and "Forget all data". */
export function KeptFiles() {
  const { restore, keepProblem } = useData();
  return (
    <>
      {restore && !restore.done && <p role="status" className="notice" data-loading="true" data-testid="restore-status">{restoringText(restore.loaded, restore.total)}</p>}
      {restore?.done && <p role="status" className="notice" data-testid="restore-status">{restoredText(restore.total, restore.failed)}</p>}
      {keepProblem && <p role="alert" className="keep-problem" data-testid="keep-problem">{keepProblem}</p>}
    </>
  );
}

/** Clears every kept file and saved setting in this browser, after a confirm step, and reloads. */
export function ForgetAllData() {
  const { forgetAll } = useData();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="forget-h" className="panel">
      <h2 id="forget-h">Data kept in this browser</h2>
      <p>
        Files you add are kept in this browser (IndexedDB) and load again when you come back; nothing is uploaded.
        "Forget all data" removes them, with the saved column mappings, offense choices, program details, populations
        and report texts.
      </p>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>Forget all data…</button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="forget-q">
          <p id="forget-q"><strong>Forget every file and setting kept in this browser?</strong> The page reloads with only the sample program. Your original files on disk are not touched.</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => { setBusy(true); void forgetAll(); }}>Yes, forget all data</button>
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
