import { useMemo } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fmt } from '../../components/format.ts';
import { wonderSeries } from '../../metrics/overdoses.ts';
import { useSql } from '../../state/useSql.ts';

/** CDC WONDER (final, annual) deaths by county or state: a table, with suppressed and unreliable
 *  values named rather than shown as numbers. */
export function WonderSection({ counties, chosen, onChoose }: { counties: { fips: string; county: string; level?: 'county' | 'state' }[]; chosen: string | null; onChoose: (v: string | null) => void }) {
  const c = counties.find((x) => x.fips === chosen) ?? counties[0]!;
  const states = counties.some((x) => x.level === 'state');
  const q = useSql(useMemo(() => wonderSeries(c.fips), [c.fips]));
  return (
    <section aria-labelledby="wonder-h" data-testid="overdoses-wonder" className="chart">
      <h2 id="wonder-h">Final annual deaths (CDC WONDER): {c.county}</h2>
      {counties.length > 1 && (
        <label className="inline-field">{states ? 'Place' : 'County'}{' '}
          <select value={c.fips} data-testid="overdose-wonder" onChange={(e) => onChoose(e.target.value)}>
            {counties.map((x) => <option key={x.fips} value={x.fips}>{x.level === 'state' ? `${x.county} (state)` : x.county}</option>)}
          </select>
        </label>
      )}
      <DataTable caption={`Deaths by year, ${c.county} (CDC WONDER)`} rows={q.rows} busy={q.loading}
        columns={[{ key: 'year', label: 'Year', format: (v) => String(v) },
          { key: 'deaths', label: 'Deaths', numeric: true, format: (v) => (v == null ? '' : fmt.int(v as number)) },
          { key: 'status', label: 'Note', format: (v) => (v == null ? '' : String(v)) },
          { key: 'population', label: 'Population', numeric: true },
          { key: 'rate', label: 'Crude rate per 100,000', numeric: true, format: (v) => (v == null ? '' : fmt.num1(v as number)) },
          { key: 'rateStatus', label: 'Rate note', format: (v) => (v == null ? '' : String(v)) }]} />
      <p className="hint">Final data by year. WONDER suppresses counts under 10 and marks rates from fewer than 20 deaths unreliable; those cells say so instead of showing a number.</p>
    </section>
  );
}
