import { useMemo, useState } from 'react';
import { CrimeChart } from '../../charts/CrimeChart.tsx';
import { addictionCrimeFromIncidents, addictionCrimeFromMonthly, crimeAgencies } from '../../metrics/crime.ts';
import { useQuery } from '../../state/useQuery.ts';
import type { Annotation } from '../../charts/marks.ts';

/** Crime context: incident records when loaded, otherwise monthly counts for a chosen agency. */
export function CrimePanel({ events }: { events: Annotation[] }) {
  const agencies = useQuery(useMemo(() => crimeAgencies(), []));
  const hasIncidents = agencies.rows.some((a) => a.source === 'incidents');
  const monthly = agencies.rows.filter((a) => a.source === 'monthly').map((a) => a.agency);
  const [chosen, setChosen] = useState<string>('');
  const agency = chosen || monthly[0] || '';
  const q = useMemo(
    () => (hasIncidents ? addictionCrimeFromIncidents({}) : agency ? addictionCrimeFromMonthly({}, agency) : null),
    [hasIncidents, agency],
  );
  const crime = useQuery(q);
  return (
    <section aria-label="Crime context">
      {!hasIncidents && monthly.length > 0 && (
        <label className="inline-field">
          Agency{' '}
          <select value={agency} onChange={(e) => setChosen(e.target.value)}>
            {monthly.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      )}
      <CrimeChart rows={q ? crime.rows : []} events={events}
        source={hasIncidents ? 'incident records' : `monthly counts, ${agency}`} />
    </section>
  );
}
