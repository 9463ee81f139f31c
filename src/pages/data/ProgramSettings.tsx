import { useState } from 'react';
import { useData } from '../../state/DataContext.tsx';
import { launchSourceText } from '../../state/workspaces.ts';

/** The open workspace's launch date and population, used for annotations, the impact analysis and
 *  rates. The program's name is the workspace's (renamed above). The sample's settings are fixed. */
export function ProgramSettings() {
  const { program, setProgram, isSample } = useData();
  const entered = program.launchSource === 'entered';
  const [launch, setLaunch] = useState(entered ? program.launchDate : '');
  const [pop, setPop] = useState(program.population?.toString() ?? '');
  if (isSample) {
    return (
      <section aria-labelledby="program-h" className="panel" data-testid="program-settings">
        <h2 id="program-h">Program</h2>
        <p>The sample program launched on {program.launchDate} and serves {program.population?.toLocaleString('en-US')} residents. Its
          settings are fixed (awards or cost assumptions tried out on the Costs page last until you leave the sample or reload);
          your own workspace has settings of its own.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="program-h" className="panel" data-testid="program-settings">
      <h2 id="program-h">Program</h2>
      <p className="hint" data-testid="launch-source">Launch date in use: {program.launchDate || 'none'} ({launchSourceText(program)}).</p>
      <form className="form-grid" onSubmit={(e) => {
        e.preventDefault();
        const population = pop.trim() ? Number(pop) : null;
        setProgram({ ...program, launchDate: launch, launchSource: launch ? 'entered' : 'none',
          population: Number.isFinite(population) ? population : null });
      }}>
        <label>Launch date <input type="date" value={launch} placeholder={program.launchDate} onChange={(e) => setLaunch(e.target.value)} /></label>
        <label>Population served <input inputMode="numeric" value={pop} onChange={(e) => setPop(e.target.value)} /></label>
        <div className="row">
          <button type="submit">Save program details</button>
        </div>
      </form>
    </section>
  );
}
