import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CrimeChart } from '../../charts/CrimeChart.tsx';
import { crimeSpans, partialMonthsBySeries } from '../../metrics/partialMonths.ts';
import { crimeByMonthAndGroup, crimeSeries } from '../../metrics/crime.ts';
import { useSql } from '../../state/useSql.ts';
import type { Annotation } from '../../charts/marks.ts';

/** Crime context for one series (an agency's incident records or monthly counts). */
export function CrimePanel({ events }: { events: Annotation[] }) {
  const series = useSql(useMemo(() => crimeSeries(), []));
  const [chosen, setChosen] = useState('');
  const current = series.rows.find((o) => o.series === chosen) ?? series.rows[0];
  const crime = useSql(useMemo(() => (current ? crimeByMonthAndGroup(current.series) : null), [current?.series])); // eslint-disable-line react-hooks/exhaustive-deps
  // Months the incident records cover only in part: shaded on the chart.
  const spans = useSql(useMemo(() => crimeSpans(), []));
  const partial = useMemo(() => (current ? partialMonthsBySeries(spans.rows).get(current.series) : undefined), [spans.rows, current?.series]); // eslint-disable-line react-hooks/exhaustive-deps
  const kind = (s: { source: string }) => (s.source === 'incidents' ? 'incident records' : 'monthly counts');
  const loading = series.loading || crime.loading || spans.loading;
  return (
    <section aria-label="Crime context">
      {series.rows.length > 1 && (
        <label className="inline-field">
          Agency{' '}
          <select value={current?.series} onChange={(e) => setChosen(e.target.value)} data-testid="crime-agency">
            {series.rows.map((o) => <option key={o.series} value={o.series}>{o.label} ({kind(o)})</option>)}
          </select>
        </label>
      )}
      <CrimeChart rows={current ? crime.rows : []} loading={loading} events={events} partial={partial} source={current ? `${kind(current)}, ${current.label}` : 'none loaded'} />
      <p className="hint"><Link to="/crime">Crime trends and the impact analysis</Link></p>
    </section>
  );
}
