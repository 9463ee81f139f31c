import { KINDS } from '../../ingest/kinds/index.ts';
import type { KindId } from '../../ingest/kinds/kindDef.ts';
import { missingRequired, vouchNotPersonal, withDateOrder } from '../../ingest/mapping.ts';
import { ASKED_ON_CARD, dropColumns, notReadyProblem, personalDataColumns, waitsForAnswer } from '../../ingest/prepare.ts';
import { fmt } from '../../components/format.ts';
import { useData, type Upload } from '../../state/DataContext.tsx';
import { leadOf, siblingsOf } from '../../state/useUploads.ts';
import { DateOrderQuestion } from './DateOrderQuestion.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { PersonalDataNotice } from './PersonalDataNotice.tsx';
import { LoadProgressBar } from './LoadProgressBar.tsx';
import { ProblemList } from './ProblemList.tsx';
import { RecognitionWhy } from './RecognitionWhy.tsx';
import { ValueTable } from './ValueTable.tsx';
import { TypedValues } from './TypedValues.tsx';

const STATUS: Record<Upload['status'], string> = {
  sniffing: 'Reading…', 'needs-attention': 'Check the mapping, then load', queued: 'Waiting to load…',
  loading: 'Loading…', loaded: 'Loaded', failed: 'Not loaded', cancelled: 'Cancelled',
};

/** One dropped file: what it was recognised as, its mapping, and the load report. */
export function UploadCard({ u }: { u: Upload }) {
  const { reprepare, loadUpload, cancelUpload, dismissUpload, forgetSaved, uploads } = useData();
  const batch = u.status === 'needs-attention' ? siblingsOf(u, uploads) : [];
  // Files of one layout dropped together share one card for their choices: the first added leads.
  const lead = leadOf(u, uploads);
  const follows = lead !== u ? lead : null;
  const p = u.prepared;
  const blocking = p.ok ? notReadyProblem(p) : null;
  const held = p.ok ? personalDataColumns(p) : [];
  const r = u.report;
  return (
    <article className={`upload ${u.status}`} data-testid="upload" aria-label={`File ${u.file.name}`}>
      <header>
        <h3>{u.file.name}</h3>
        <span className="status-pill" role="status">{follows ? `Set up with ${follows.file.name}` : STATUS[u.status]}</span>
        <button type="button" className="link" onClick={() => dismissUpload(u.id)} aria-label={`Dismiss ${u.file.name}`}>Dismiss</button>
      </header>
      {u.restored && u.status !== 'loaded' && (
        <p className="notice" data-testid="restored-note">
          Kept in this browser since {new Date(u.restored).toLocaleDateString()}, but it did not load again as it was kept
          (the dashboard's rules may have changed). It stays kept until it loads or you forget it.{' '}
          <button type="button" className="link" onClick={() => void forgetSaved(u.id)}>Forget this kept file</button>
        </p>
      )}
      {!p.ok && u.status !== 'sniffing' && <ProblemList problems={[p.problem]} />}
      {p.ok && follows && (
        <>
          <p className="hint" data-testid="follows">Same columns as {follows.file.name}: its kind, mapping, values and answers are set on that
            file's card ("{p.plan.kind.label}" for now), and loading it loads this file too. This file gets its own load report.</p>
          {held.length > 0 && <PersonalDataNotice problems={p.plan.sniffed.warnings}
            onDrop={() => reprepare(u.id, { kind: p.plan.kind.id, mapping: dropColumns(p.plan.mapping, held) }, { load: true })}
            onVouch={(c) => reprepare(u.id, { kind: p.plan.kind.id, mapping: vouchNotPersonal(p.plan.mapping, c) }, { load: true })} />}
          {u.status === 'cancelled' && <button type="button" onClick={() => loadUpload(u.id)}>Load this file</button>}
        </>
      )}
      {p.ok && !follows && (
        <>
          <p>
            <label>
              Recognised as{' '}
              <select value={p.plan.kind.id} disabled={u.status === 'loading' || u.status === 'queued'}
                onChange={(e) => reprepare(u.id, { kind: e.target.value as KindId })} data-testid="kind-select">
                {KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
              </select>
            </label>{' '}
            <span className="hint">{p.plan.kind.description} {fmt.int(u.file.size)} bytes.</span>
          </p>
          <RecognitionWhy p={p} />
          {batch.length > 0 && (
            <p className="notice" data-testid="batch-note">
              {batch.length === 1 ? 'One other file' : `${fmt.int(batch.length)} other files`} added with this one {batch.length === 1 ? 'has' : 'have'} the
              same columns ({batch.slice(0, 3).map((x) => x.file.name).join(', ')}{batch.length > 3 ? ', …' : ''}): the kind, mapping and answers
              chosen here apply to {batch.length === 1 ? 'it' : 'them all'}, and loading this file loads {batch.length === 1 ? 'it' : 'them'} too. Each still gets its own load report.
            </p>
          )}
          {u.status !== 'loaded' && (
            <details open={u.status === 'needs-attention'}>
              <summary>Column mapping</summary>
              <MappingEditor plan={p.plan} onChange={(m) => reprepare(u.id, { kind: m.kind, mapping: m })} />
            </details>
          )}
          {u.status !== 'loaded' && <ValueTable plan={p.plan} disabled={u.status === 'loading' || u.status === 'queued'}
            loaded={u.status === 'failed' && u.report && Object.keys(u.report.values).length ? u.report.values : undefined} refused={u.status === 'failed'}
            onChange={(m) => reprepare(u.id, { kind: m.kind, mapping: m })} />}
          {u.status === 'needs-attention' && held.length > 0 && (
            <PersonalDataNotice problems={p.plan.sniffed.warnings}
              onDrop={() => reprepare(u.id, { kind: p.plan.kind.id, mapping: dropColumns(p.plan.mapping, held) }, { load: true })}
              onVouch={(c) => reprepare(u.id, { kind: p.plan.kind.id, mapping: vouchNotPersonal(p.plan.mapping, c) }, { load: true })} />
          )}
          {(u.status === 'needs-attention' || u.status === 'loaded') && <TypedValues key={`${p.plan.kind.id}-${u.status}`} plan={p.plan} batch={batch.length}
            onSet={(m) => reprepare(u.id, { kind: m.kind, mapping: m }, { load: u.status === 'loaded' || !missingRequired(p.plan.kind, m).length })} />}
          {u.status === 'needs-attention' && <DateOrderQuestion key={p.plan.kind.id} plan={p.plan}
            onAnswer={(a) => reprepare(u.id, { kind: p.plan.kind.id, mapping: withDateOrder(p.plan.mapping, a) }, { load: true })} />}
          {u.status === 'needs-attention' && blocking && !ASKED_ON_CARD.has(blocking.code ?? '') && <ProblemList problems={[{ ...blocking, severity: 'warning' }]} />}
          {(u.status === 'queued' || u.status === 'loading') && <LoadProgressBar u={u} onCancel={() => cancelUpload(u.id)} />}
          {u.status === 'cancelled' && (
            <p className="notice" data-testid="load-cancelled">Loading was cancelled. Nothing from this file was loaded; data loaded earlier is unchanged.</p>
          )}
          {(u.status === 'needs-attention' || u.status === 'cancelled') && (
            <button type="button" className={waitsForAnswer(p) ? undefined : 'primary'} onClick={() => loadUpload(u.id)}
              disabled={missingRequired(p.plan.kind, p.plan.mapping).length > 0 || waitsForAnswer(p)}>
              {batch.length ? `Load these ${batch.length + 1} files` : 'Load this file'}</button>
          )}
        </>
      )}
      {u.error && <ProblemList problems={[{ severity: 'error', file: u.file.name, message: u.error, fix: 'Nothing was changed. Try again, or report this.' }]} />}
      {r && (
        <div className="report" data-testid="load-report">
          <p>
            {r.ok ? <><strong data-testid="rows-loaded">{fmt.int(r.rowsLoaded)}</strong> {(p?.ok && p.plan.kind.rowUnit) || 'rows'} loaded into <code>{r.table}</code> in {fmt.num1(r.ms / 1000)} s.</>
              : <>Nothing was loaded from this file; data loaded earlier is unchanged.</>}
          </p>
          <p>Columns understood: {r.understood.map((c) => `${c.column} → ${c.field}`).join('; ') || 'none'}.</p>
          <p>Columns ignored: {r.ignored.join(', ') || 'none'}.</p>
          <ProblemList problems={r.problems} />
          {r.ok && p.ok && <ValueTable plan={p.plan} loaded={r.values}
            onChange={(m) => reprepare(u.id, { kind: m.kind, mapping: m }, { load: true })} />}
        </div>
      )}
    </article>
  );
}
