import { useProgram } from '../../state/useProgram.ts';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { PlacementTimeTrendChart } from '../../charts/PlacementTimeTrendChart.tsx';
import { fmt } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { placementTimeBands, placementTimes, placementTimesByMonth } from '../../metrics/timeToPlacement.ts';
import type { Filters } from '../../state/useFilters.ts';
import { NoMatch } from '../program/ProgramPage.tsx';
import { useLaterOffscreen } from '../../state/laterOffscreen.ts';

const BAND_SERIES = [{ key: 'placed', label: 'Placements', color: '#1f4e79' }];
const int = (v: number) => fmt.int(v);
const hours = (v: number | null | undefined) => (v == null ? '—' : `${fmt.num1(v)} h`);

/** Hours to placement by month: below the fold, worked out right after the frame while off screen. */
function Trend({ filter }: { filter: Filters['filter'] }) {
  const later = useLaterOffscreen(filter);
  const trend = useProgram(placementTimesByMonth, later.shown);
  return <div ref={later.ref}><PlacementTimeTrendChart rows={trend.rows} loading={trend.loading || later.late} /></div>;
}

export function TimeTab({ filters }: { filters: Filters }) {
  const f = filters.filter;
  const summary = useProgram(placementTimes, f);
  const bands = useProgram(placementTimeBands, f);
  const s = summary.rows[0];
  if (s && s.placed === 0) return <NoMatch filters={filters} what="placements" />;
  return (
    <>
      {s && (
        <div className="kpis" aria-busy={summary.loading}>
          <KpiCard testId="kpi-median" label="Median time to placement" value={hours(s.medianHours)}
            detail={`over ${fmt.int(s.placed)} placements`}
            definition="Half of placements happened sooner than this, half later. Hours from the encounter's date and time to the placement's." />
          <KpiCard testId="kpi-p90" label="90th percentile" value={hours(s.p90Hours)}
            definition="Nine in ten placements happened within this many hours." />
          <KpiCard testId="kpi-within24" label="Placed within 24 hours" value={fmt.pct(s.share24)}
            detail={`${fmt.int(s.within24)} of ${fmt.int(s.placed)} placements`} definition="Placements 24 hours or less after the encounter, divided by all placements." />
          <KpiCard testId="kpi-within72" label="Placed within 72 hours" value={fmt.pct(s.share72)}
            detail={`${fmt.int(s.within72)} of ${fmt.int(s.placed)} placements`} definition="Placements 72 hours or less after the encounter, divided by all placements." />
        </div>
      )}
      <div className="charts">
        <BreakdownChart testId="chart-time-bands" loading={bands.loading} rows={bands.rows} category="band"
          series={BAND_SERIES} format={int}
          title="How long placement took"
          description="Bars: placements by the time from encounter to placement, from under 6 hours to 7 days or more."
          definition="Each band includes its lower bound and excludes its upper one (a placement at exactly 24 hours is in 1–2 days). Every band is listed, with zero where none fell."
          columns={[{ key: 'band', label: 'Time to placement' }, { key: 'placed', label: 'Placements', numeric: true },
            { key: 'share', label: '% of placements', numeric: true, format: (v) => fmt.pct(v as number | null) }]}
          fileName="time-to-placement-distribution" />
        <Trend filter={f} />
      </div>
      <MethodsPanel items={[
        { term: 'Period', definition: `${filters.period.label}, by encounter date.` },
        { term: 'Base', definition: 'Placed encounters only (placement date and a treatment other than none). Encounters without a placement are not counted as slow placements; they are outside these figures.' },
        { term: 'Hours', definition: 'Placement date and time minus encounter date and time. Where an export gives dates without times, both are taken at midnight, so same-day placements count as 0 hours.' },
        { term: 'Median and 90th percentile', definition: 'Interpolated between the two nearest placements (as in R’s default quantile, type 7).' },
        { term: 'Within 24 and 72 hours', definition: 'Inclusive: a placement at exactly 24 hours is within 24 hours.' },
      ]} />
    </>
  );
}
