import { useProgram } from '../../state/useProgram.ts';
import { useMemo } from 'react';
import { PlacementsChart } from '../../charts/PlacementsChart.tsx';
import { fmt } from '../../components/format.ts';
import { partialMonthsBySeries } from '../../metrics/partialMonths.ts';
import { encounterSpans } from '../../metrics/programCoverage.ts';
import { NO_FILTER } from '../../domain/filter.ts';
import { placementsByMonth, programKpis } from '../../metrics/placements.ts';
import { useData } from '../../state/DataContext.tsx';
import { SAMPLE_SUMMARY } from '../../state/sampleSummary.ts';
import { programEvents } from '../../domain/programInfo.ts';
import { LaunchNote } from '../../components/LaunchNote.tsx';
import { CrimePanel } from './CrimePanel.tsx';
import { Kpis } from './Kpis.tsx';

export function Overview() {
  const { program, status, isSample, loads, opening } = useData();
  // While the sample workspace opens, its figures computed in advance; never in a user's workspace.
  const precomputed = isSample && !loads.some((l) => l.table_name === 'encounters');
  const kpis = useProgram(programKpis, NO_FILTER);
  const monthly = useProgram(placementsByMonth, NO_FILTER);
  // Months the export covers only in part (e.g. taken mid-month): marked on the chart.
  const spans = useProgram(encounterSpans);
  const partial = useMemo(() => partialMonthsBySeries(spans.rows).get('encounters'), [spans.rows]);
  const k = kpis.rows[0];
  const events = programEvents(program);
  return (
    <>
      <header className="page-head">
        <h1>{program.name}</h1>
        {!precomputed && k && k.encounters > 0 && (
          <p className="period">All loaded data: encounters from {fmt.day(k.firstDate)} to {fmt.day(k.lastDate)}. <LaunchNote program={program} /></p>
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
      {!precomputed && !opening && k && k.encounters === 0 && status === 'ready' && (
        <p className="empty">No program encounters are loaded. Add your program's export on the Data page.</p>
      )}
      {!precomputed && k && k.encounters > 0 && <Kpis k={k} />}
      <div className="charts">
        {status === 'ready' && !precomputed && <PlacementsChart rows={monthly.rows} events={events} partial={partial} loading={monthly.loading || spans.loading} />}
        {status === 'ready' && !precomputed && <CrimePanel events={events} />}
      </div>
    </>
  );
}
