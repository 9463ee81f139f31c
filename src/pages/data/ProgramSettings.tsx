import { useState } from 'react';
import { useData } from '../../state/DataContext.tsx';

/** The program's name, launch date and population, used for annotations and rates. */
export function ProgramSettings() {
  const { program, setProgram } = useData();
  const [name, setName] = useState(program.name);
  const [launch, setLaunch] = useState(program.launchDate);
  const [pop, setPop] = useState(program.population?.toString() ?? '');
  return (
    <section aria-labelledby="program-h" className="panel">
      <h2 id="program-h">Program</h2>
      <form className="form-grid" onSubmit={(e) => {
        e.preventDefault();
        const population = pop.trim() ? Number(pop) : null;
        setProgram({ ...program, name: name.trim() || 'Your program', launchDate: launch, population: Number.isFinite(population) ? population : null,
          synthetic: false, events: [{ date: launch, label: 'Program launch' }] });
      }}>
        <label>Program name <input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>Launch date <input type="date" value={launch} required onChange={(e) => setLaunch(e.target.value)} /></label>
        <label>Population served <input inputMode="numeric" value={pop} onChange={(e) => setPop(e.target.value)} /></label>
        <div className="row">
          <button type="submit">Save program details</button>
          <button type="button" onClick={() => setProgram(null)}>Reset</button>
        </div>
      </form>
    </section>
  );
}
