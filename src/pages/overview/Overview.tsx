import { useMemo } from 'react';
import { PlacementsChart } from '../../charts/PlacementsChart.tsx';
import { fmt } from '../../components/format.ts';
import { NO_FILTER } from '../../metrics/filters.ts';
import { placementsByMonth, programKpis } from '../../metrics/placements.ts';
import { useData } from '../../state/DataContext.tsx';
import { SAMPLE_SUMMARY } from '../../state/sampleSummary.ts';
import { SAMPLE_PROGRAM, savedProgram } from '../../state/program.ts';
import { useQuery } from '../../state/useQuery.ts';
import { CrimePanel } from './CrimePanel.tsx';
import { Kpis } from './Kpis.tsx';

export function Overview() {
  const { program, status } = useData();
  // While the database starts with no program of the user's saved, the sample is what will load.
  const precomputed = status === 'starting' && !savedProgram();
  const kpis = useQuery(useMemo(() => programKpis(NO_FILTER), []));
  const monthly = useQuery(useMemo(() => placementsByMonth(NO_FILTER), []));
  const k = kpis.rows[0];
  const events = program.events.length ? program.events : [{ date: program.launchDate, label: 'Program launch' }];
  return (
    <>
      <header className="page-head">
        <h1>{precomputed ? SAMPLE_PROGRAM.name : program.name}</h1>
        {k && k.encounters > 0 && (
          <p className="period">All loaded data: encounters from {fmt.day(k.firstDate)} to {fmt.day(k.lastDate)}.
            Program launch {fmt.day(new Date(`${program.launchDate}T00:00:00Z`))}.</p>
        )}
      </header>
      {status === 'starting' && <p role="status" className="status">Starting the in-browser database and loading data…</p>}
      {precomputed && (
        // Cold start: the bundled sample's figures, precomputed, until the database has its own.
        <div data-testid="kpis-precomputed">
          <p className="hint">Figures computed in advance for the bundled synthetic sample; the charts follow when the in-browser database is ready.</p>
          <Kpis k={SAMPLE_SUMMARY} prefix="pre-" />
        </div>
      )}
      {k && k.encounters === 0 && status === 'ready' && (
        <p className="empty">No program encounters are loaded. Add your program's export on the Data page.</p>
      )}
      {k && k.encounters > 0 && <Kpis k={k} />}
      <div className="charts">
        {status === 'ready' && <PlacementsChart rows={monthly.rows} events={events} />}
        {status === 'ready' && <CrimePanel events={events} />}
      </div>
    </>
  );
}
