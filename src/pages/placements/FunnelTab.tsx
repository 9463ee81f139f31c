import { useProgram } from '../../state/useProgram.ts';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { FunnelChart } from '../../charts/FunnelChart.tsx';
import { fmt } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { funnel, ineligibleReasons, outsideFunnel } from '../../metrics/funnel.ts';
import type { Filters } from '../../state/useFilters.ts';
import { NoMatch } from '../program/ProgramPage.tsx';

const REASON_SERIES = [{ key: 'encounters', label: 'Encounters', color: '#8a5a00' }];
const int = (v: number) => fmt.int(v);

export function FunnelTab({ filters }: { filters: Filters }) {
  const f = filters.filter;
  const steps = useProgram(funnel, f);
  const outside = useProgram(outsideFunnel, f);
  const reasons = useProgram(ineligibleReasons, f);
  const by = Object.fromEntries(steps.rows.map((s) => [s.step, s]));
  const notRecorded = steps.rows.filter((s) => !s.recorded).map((s) => s.label.toLowerCase());
  const out = outside.rows[0]?.placedOutside ?? 0;
  if (by.encounters && by.encounters.count === 0) return <NoMatch filters={filters} what="encounters" />;
  const engaged = by.engaged;
  return (
    <>
      {engaged && by.placed && (
        <div className="kpis" aria-busy={steps.loading}>
          <KpiCard testId="kpi-offered-rate" label="Offered a placement" value={fmt.pct(by.offered?.share)}
            detail={`${fmt.int(by.offered?.count)} of ${fmt.int(by.offered?.base)} eligible encounters`}
            definition="Eligible encounters with a placement offered, divided by eligible encounters." />
          <KpiCard testId="kpi-placed-rate" label="Placed, of those offered" value={fmt.pct(by.placed.share)}
            detail={`${fmt.int(by.placed.count)} of ${fmt.int(by.placed.base)}`}
            definition="Offered encounters that ended in a placement, divided by offered encounters." />
          <KpiCard testId="kpi-engaged-rate" label="Engaged at 30 days" value={engaged.recorded ? fmt.pct(engaged.share) : 'not recorded'}
            detail={engaged.recorded ? `${fmt.int(engaged.count)} of ${fmt.int(engaged.base)} placements; ${fmt.int(engaged.unknown)} unknown` : 'The export has no 30-day engagement column.'}
            definition="Placements (inside the funnel) where the person was still in treatment 30 days later, divided by those placements. Unknown counts as not engaged." />
        </div>
      )}
      {notRecorded.length > 0 && (
        <p className="hint" data-testid="funnel-not-recorded">The export does not record {notRecorded.join(', ')}; {notRecorded.length === 1 ? 'that step is' : 'those steps are'} shown grey and let every encounter through.</p>
      )}
      <div className="charts">
        <FunnelChart rows={steps.rows} loading={steps.loading} />
        {out > 0 && (
          <p className="hint" data-testid="outside-funnel">{fmt.int(out)} {out === 1 ? 'placement is' : 'placements are'} not in the funnel's “placed” step because the encounter was not recorded as eligible or as offered a placement. {out === 1 ? 'It counts' : 'They count'} in the placement totals on the other tabs.</p>
        )}
        <BreakdownChart testId="chart-ineligible" loading={reasons.loading} rows={reasons.rows} category="reason"
          series={REASON_SERIES} format={int}
          title="Why encounters were not eligible"
          description="Bars: encounters screened not eligible, by the reason recorded."
          definition="Encounters marked not eligible in the period. Blank eligibility is not counted here. “(no reason recorded)” means the reason cell was blank."
          columns={[{ key: 'reason', label: 'Reason' }, { key: 'encounters', label: 'Encounters', numeric: true },
            { key: 'share', label: '% of not eligible', numeric: true, format: (v) => fmt.pct(v as number) }]}
          fileName="ineligible-reasons" empty="No encounter in these filters was marked not eligible." />
      </div>
      <MethodsPanel items={[
        { term: 'Period', definition: `${filters.period.label}, by encounter date. Engagement is judged 30 days after the placement, which may fall after the period.` },
        { term: 'Unit', definition: 'Every step counts encounters, not people: a person who came twice is in the funnel twice.' },
        { term: 'Steps', definition: 'Eligible: screened eligible. Placement offered: eligible and offered. Placed: offered and placed (placement date and a treatment other than none). Engaged at 30 days: placed and recorded “yes” for 30-day engagement.' },
        { term: 'Base', definition: 'Each percentage is of the step before it; the table also gives the percentage of all encounters.' },
        { term: 'Blanks', definition: 'A blank answer does not pass the step and is counted in the table’s “blank” column. Placements whose most recent engagement answer is still pending show as blank until the export is updated.' },
        { term: 'Not recorded', definition: 'When no encounter has a value for a step (the export lacks the column), the step is marked not recorded and passes every encounter.' },
      ]} />
    </>
  );
}
