import { useState } from 'react';
import { useData } from '../../state/DataContext.tsx';
import { SAMPLE_PROGRAM } from '../../domain/programInfo.ts';
import { SAMPLE_WORKSPACE } from '../../state/workspaces.ts';

/** Which workspace is open, and the others one click away: the sample (a demo, read-only) and the
 *  user's own. The user's first files start their workspace, whose name is asked once here. */
export function WorkspaceBar() {
  const { workspaces, open, isSample, openWorkspace, opening } = useData();
  const busy = !!opening;
  const others = workspaces.filter((w) => w.id !== open);
  const current = workspaces.find((w) => w.id === open);
  return (
    <section aria-labelledby="workspace-h" className="panel workspace-bar" data-testid="workspace-bar" data-workspace={open}>
      <h2 id="workspace-h">Workspace: <span data-testid="workspace-name">{isSample ? `${SAMPLE_PROGRAM.name} (demo)` : current?.name}</span></h2>
      {isSample ? (
        <p>
          You are exploring the bundled sample, a fictional town. Add your program's files below: they start a workspace of
          your own, where the sample is never counted or shown. The sample stays one click away.
        </p>
      ) : (
        <p>Only this workspace's files are in the figures, charts and reports. The sample is not.</p>
      )}
      <div className="row">
        {others.map((w) => (
          <button key={w.id} type="button" disabled={busy} onClick={() => void openWorkspace(w.id)} data-testid="open-workspace">Open {w.name}</button>
        ))}
        {!isSample && (
          <button type="button" disabled={busy} onClick={() => void openWorkspace(SAMPLE_WORKSPACE)} data-testid="explore-sample">Explore the sample</button>
        )}
        {busy && <span className="hint"> (wait until the files being loaded are in)</span>}
      </div>
      {current && <NameWorkspace key={current.id} id={current.id} name={current.name} />}
    </section>
  );
}

/** Asked once when the user's first files start a workspace; kept as a rename form after. */
function NameWorkspace({ id, name }: { id: string; name: string }) {
  const { renameWorkspace, unnamed, confirmName } = useData();
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const asking = unnamed === id;
  const save = () => {
    const p = renameWorkspace(id, value);
    setProblem(p);
    if (!p) confirmName();
  };
  return (
    <form className={asking ? 'ask' : undefined} onSubmit={(e) => { e.preventDefault(); save(); }} data-testid="name-workspace">
      {asking && <p><strong>Your files are in a workspace of their own.</strong> What should it be called? (Your program's name is a good choice.)</p>}
      <label>Workspace name{' '}
        <input value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!!problem} aria-describedby={problem ? `ws-problem-${id}` : undefined}
          data-testid="workspace-name-input" />
      </label>{' '}
      <button type="submit">{asking ? 'Save the name' : 'Rename'}</button>
      {asking && <> <button type="button" className="link" onClick={confirmName}>Keep "{name}"</button></>}
      {problem && <p role="alert" id={`ws-problem-${id}`} className="error" data-testid="workspace-name-problem">{problem}</p>}
    </form>
  );
}
