import { useMemo, useState } from 'react';
import { CrimeChart } from '../../charts/CrimeChart.tsx';
import { addictionCrimeFromIncidents, addictionCrimeFromMonthly, crimeAgencies } from '../../metrics/crime.ts';
import { useQuery } from '../../state/useQuery.ts';
import type { Annotation } from '../../charts/marks.ts';

/** Crime context for one agency: incident records where loaded, otherwise monthly counts. */
export function CrimePanel({ events }: { events: Annotation[] }) {
  const series = useQuery(useMemo(() => crimeAgencies(), []));
  const options = series.rows.map((s) => ({ key: `${s.source}:${s.agency}`, ...s }));
  const [chosen, setChosen] = useState('');
  const current = options.find((o) => o.key === chosen) ?? options[0];
  const q = useMemo(() => {
    if (!current) return null;
    return current.source === 'incidents'
      ? addictionCrimeFromIncidents({}, current.agency)
      : addictionCrimeFromMonthly({}, current.agency);
  }, [current?.key]); // eslint-disable-line react-hooks/exhaustive-deps
  const crime = useQuery(q);
  return (
    <section aria-label="Crime context">
      {options.length > 1 && (
        <label className="inline-field">
          Agency{' '}
          <select value={current?.key} onChange={(e) => setChosen(e.target.value)} data-testid="crime-agency">
            {options.map((o) => (
              <option key={o.key} value={o.key}>{o.agency} ({o.source === 'incidents' ? 'incident records' : 'monthly counts'})</option>
            ))}
          </select>
        </label>
      )}
      <CrimeChart rows={q ? crime.rows : []} events={events}
        source={current ? `${current.source === 'incidents' ? 'incident records' : 'monthly counts'}, ${current.agency}` : 'none loaded'} />
    </section>
  );
}
