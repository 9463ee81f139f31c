import { fmt } from '../../components/format.ts';
import { LOAD_STEPS, loadFraction } from '../../ingest/progress.ts';
import type { Upload } from '../../state/useUploads.ts';
import { useLoadProgress } from '../../ingest/loadProgress.ts';

const mb = (bytes: number) => `${fmt.num1(bytes / 1e6)} MB`;

/** A queued or running load: the step, bytes read or rows, one bar for the whole load, and Cancel. */
export function LoadProgressBar({ u, onCancel }: { u: Upload; onCancel: () => void }) {
  const p = useLoadProgress(u.id);
  const index = p ? LOAD_STEPS.findIndex((s) => s.id === p.step) : -1;
  const label = u.status === 'queued' ? 'Waiting for the file before it to finish'
    : !p ? 'Starting'
    : `Step ${index + 1} of ${LOAD_STEPS.length}: ${LOAD_STEPS[index]!.label}`;
  const detail = !p ? ''
    : p.step === 'reading' ? (p.bytes != null ? `${mb(Math.min(p.bytes, p.totalBytes))} of ${mb(p.totalBytes)}` : `${mb(p.totalBytes)}`)
    : p.rows != null ? `${fmt.int(p.rows)} rows` : '';
  const id = `progress-${u.id}`;
  return (
    <div className="load-progress" data-testid="load-progress" data-step={u.status === 'queued' ? 'queued' : p?.step ?? 'starting'}>
      <p id={id}>{label}{detail && <> · <span data-testid="load-progress-detail">{detail}</span></>}</p>
      <progress aria-labelledby={id} max={1} value={p ? loadFraction(p) : 0} />
      <button type="button" onClick={onCancel} data-testid="cancel-load" aria-label={`Cancel loading ${u.file.name}`}>Cancel</button>
    </div>
  );
}
