import { useMemo } from 'react';
import { TwelveMonthChart } from '../../charts/TwelveMonthChart.tsx';
import type { Annotation } from '../../charts/marks.ts';
import { countySeries } from '../../metrics/overdoses.ts';
import { useSql } from '../../state/useSql.ts';
import { endingRows, YearOverYearKpi } from '../../charts/twelveMonthEnding.tsx';

/** CDC provisional county counts (already 12-month-ending), year over year. */
export function CountySection({ counties, events, chosen, onChoose }: {
  counties: { fips: string; county: string; state: string | null }[]; events: Annotation[]; chosen: string | null; onChoose: (v: string | null) => void;
}) {
  const c = counties.find((x) => x.fips === chosen) ?? counties[0]!;
  const q = useSql(useMemo(() => countySeries(c.fips), [c.fips]));
  const rows = useMemo(() => endingRows(q.rows, true), [q.rows]);
  const name = `${c.county}${c.state ? `, ${c.state}` : ''}`;
  return (
    <section aria-labelledby="county-h" data-testid="overdoses-county">
      <h2 id="county-h">County: {name}</h2>
      {counties.length > 1 && (
        <label className="inline-field">County{' '}
          <select value={c.fips} data-testid="overdose-county" onChange={(e) => onChoose(e.target.value)}>
            {counties.map((x) => <option key={x.fips} value={x.fips}>{x.county}{x.state ? `, ${x.state}` : ''} ({x.fips})</option>)}
          </select>
        </label>
      )}
      <div className="kpis">
        <YearOverYearKpi rows={rows} testId="kpi-county-12m" label="Provisional overdose deaths" definition={`CDC provisional drug overdose deaths among residents of ${name}, 12 months ending, against a year earlier.`} />
      </div>
      <TwelveMonthChart testId="chart-county-12m" loading={q.loading} rows={rows} label="Deaths" events={events} fileName="county-overdose-deaths-12-month-ending"
        title={`Provisional overdose deaths, 12 months ending: ${name}`}
        description="Solid line: CDC provisional drug overdose deaths over the 12 months ending each month. Dashed grey: the same a year earlier."
        definition="CDC VSRR provisional county-level counts by county of residence. CDC suppresses counts of 1–9 deaths." />
    </section>
  );
}
