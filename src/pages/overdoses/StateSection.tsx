import { useMemo } from 'react';
import { TwelveMonthChart } from '../../charts/TwelveMonthChart.tsx';
import type { Annotation } from '../../charts/marks.ts';
import { VSRR_INDICATORS, type VsrrIndicatorGroup } from '../../ingest/kinds/overdoseFiles.ts';
import { vsrrSeries } from '../../metrics/overdoses.ts';
import { useData } from '../../state/DataContext.tsx';
import { useSql } from '../../state/useSql.ts';
import { endingRows, YearOverYearKpi } from '../../charts/twelveMonthEnding.tsx';

const GROUPS: VsrrIndicatorGroup[] = ['all drugs', 'opioids', 'synthetic opioids', 'stimulants', 'heroin'];
const DEFAULT = 'Number of Drug Overdose Deaths';

/** CDC VSRR state provisional deaths (already 12-month-ending) by indicator, year over year. */
export function StateSection({ indicators, events, state, indicator, onState, onIndicator }: {
  indicators: { state: string; stateName: string | null; indicator: string }[];
  events: Annotation[];
  state: string | null;
  indicator: string | null;
  onState: (v: string | null) => void;
  onIndicator: (v: string | null) => void;
}) {
  const { program } = useData();
  const states = useMemo(() => [...new Map(indicators.map((i) => [i.state, i.stateName ?? i.state])).entries()], [indicators]);
  const home = program.state;
  const st = states.find(([s]) => s === state)?.[0] ?? states.find(([s]) => s === home)?.[0] ?? states[0]![0];
  const stName = states.find(([s]) => s === st)?.[1] ?? st;
  const available = new Set(indicators.filter((i) => i.state === st).map((i) => i.indicator));
  const counted = VSRR_INDICATORS.filter((i) => i.unit === 'deaths' && available.has(i.name) && GROUPS.includes(i.group));
  const ind = counted.find((i) => i.name === indicator)?.name ?? (available.has(DEFAULT) ? DEFAULT : counted[0]?.name);
  const q = useSql(useMemo(() => (ind ? vsrrSeries(st, ind) : null), [st, ind]));
  const rows = useMemo(() => endingRows(q.rows, true), [q.rows]);
  return (
    <section aria-labelledby="state-h" data-testid="overdoses-state">
      <h2 id="state-h">State: {stName}</h2>
      <div className="filters" role="group" aria-label="State series">
        <label>State{' '}
          <select value={st} data-testid="overdose-state" onChange={(e) => onState(e.target.value)}>
            {states.map(([s, n]) => <option key={s} value={s}>{n}</option>)}
          </select>
        </label>
        <label>Indicator{' '}
          <select value={ind ?? ''} data-testid="overdose-indicator" onChange={(e) => onIndicator(e.target.value)}>
            {GROUPS.map((g) => {
              const items = counted.filter((i) => i.group === g);
              return items.length ? <optgroup key={g} label={g}>{items.map((i) => <option key={i.name} value={i.name}>{i.name}</option>)}</optgroup> : null;
            })}
          </select>
        </label>
      </div>
      {ind ? (
        <>
          <div className="kpis">
            <YearOverYearKpi rows={rows} testId="kpi-state-12m" label={`${ind}, ${stName}`} definition="CDC VSRR provisional deaths among residents, 12 months ending, against the same 12 months a year earlier." />
          </div>
          <TwelveMonthChart testId="chart-state-12m" loading={q.loading} rows={rows} label="Deaths" events={events} fileName="state-overdose-deaths-12-month-ending"
            title={`${ind}: ${stName}, 12 months ending`}
            description="Solid line: CDC provisional deaths over the 12 months ending each month. Dashed grey: the same a year earlier."
            definition="CDC VSRR provisional drug overdose death counts (reported values, not CDC's predicted values). Drug-specific indicators overlap: one death can involve several drugs, so they never add up to the total." />
        </>
      ) : <p className="empty">This state's file has no death-count indicator.</p>}
    </section>
  );
}
