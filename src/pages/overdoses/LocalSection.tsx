import { useMemo } from 'react';
import { Link } from 'react-router';
import { OverdoseNaloxoneChart } from '../../charts/OverdoseNaloxoneChart.tsx';
import { TwelveMonthChart } from '../../charts/TwelveMonthChart.tsx';
import type { Annotation } from '../../charts/marks.ts';
import { naloxoneAdministrations, type LocalMonth } from '../../metrics/overdoses.ts';
import { useSql } from '../../state/useSql.ts';
import { endingRows, ym, YearOverYearKpi } from '../../charts/twelveMonthEnding.tsx';

/** The town's own overdose counts: 12-month-ending, year over year, and month by month with the
 *  officers' naloxone administrations beside them. */
export function LocalSection({ rows, events, chosen, onChoose }: { rows: LocalMonth[]; events: Annotation[]; chosen: string | null; onChoose: (v: string | null) => void }) {
  const names = useMemo(() => [...new Set(rows.map((r) => r.series))], [rows]);
  const area = names.includes(chosen ?? '') ? chosen! : names[0]!;
  const series = useMemo(() => rows.filter((r) => r.series === area), [rows, area]);
  const naloxone = useSql(useMemo(() => naloxoneAdministrations(), []));
  const ending = useMemo(() => endingRows(series.map((r) => ({ month: r.month, value: r.total })), false), [series]);
  const fatalEnding = useMemo(() => endingRows(series.map((r) => ({ month: r.month, value: r.fatal })), false), [series]);
  const monthly = useMemo(() => {
    const nal = new Map(naloxone.rows.map((n) => [ym(n.month), n.administrations]));
    const fromIncidents = series.some((r) => r.naloxone != null);
    return series.map((r) => ({ month: r.month, overdoses: r.total, fatal: r.fatal,
      administrations: fromIncidents ? r.naloxone : nal.get(ym(r.month)) ?? (naloxone.rows.length ? 0 : null) }));
  }, [series, naloxone.rows]);
  return (
    <section aria-labelledby="local-h" data-testid="overdoses-local">
      <h2 id="local-h">In town: {area}</h2>
      {names.length > 1 && (
        <label className="inline-field">Local series{' '}
          <select value={area} data-testid="overdose-local" onChange={(e) => onChoose(e.target.value)}>
            {names.map((n) => <option key={n}>{n}</option>)}
          </select>
        </label>
      )}
      <p className="filter-links"><Link data-testid="overdose-claim-link" to={`/claim?${new URLSearchParams({ series: `overdose:${area}` })}`}>Check a claim about these overdoses (such as “overdoses are down a third since the program began”)</Link></p>
      <div className="kpis">
        <YearOverYearKpi rows={ending} testId="kpi-local-12m" label="Overdoses" definition="All overdoses, fatal and nonfatal, in the local file, over 12 months, against the same 12 months a year earlier." />
        <YearOverYearKpi rows={fatalEnding} testId="kpi-local-fatal-12m" label="Fatal overdoses" definition="Fatal overdoses in the local file over 12 months, against the same 12 months a year earlier. Small numbers: a change of a few deaths is within ordinary variation." />
      </div>
      <div className="charts">
        <TwelveMonthChart testId="chart-local-12m" rows={ending} label="Overdoses" events={events} fileName="local-overdoses-12-month-ending"
          title={`Overdoses over the 12 months ending each month: ${area}`}
          description="Solid line: overdoses over the 12 months up to each month. Dashed grey: the same count one year earlier, for a year-over-year reading."
          definition="Summed from the local monthly counts; a 12-month window with a missing month has no value." />
        <OverdoseNaloxoneChart rows={monthly} area={area} events={events} />
      </div>
    </section>
  );
}
