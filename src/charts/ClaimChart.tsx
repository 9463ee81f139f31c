import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { ClaimPeriods } from '../analysis/claim.ts';
import type { ItsResult } from '../analysis/its.ts';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { bandScale, eventMarks, labelGroups, midMonth, nextMonth, type Annotation } from './marks.ts';

interface Row extends Record<string, unknown> {
  month: Date;
  observed: number | null;
  period: string | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  note?: string;
}

const date = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** A checked claim: the monthly series, the claim's two periods shaded, and from the launch on what
 *  the pre-launch trend and season project without a change (dashed) with its 95% band. */
export function ClaimChart({ months, counts, periods, result, partial, measure, launchLabel, periodLabels }: {
  months: readonly string[]; counts: readonly (number | null)[]; periods: ClaimPeriods; result: ItsResult | null;
  partial: { has(month: string): boolean }; measure: string; launchLabel: string;
  /** How the two periods are named in the legend and table ("Before: Jun–Aug 2015"). */
  periodLabels: { before: string; after: string };
}) {
  const rows = useMemo<Row[]>(() => {
    const cf = new Map((result?.model?.counterfactual ?? []).map((c) => [c.month, c]));
    const inside = (m: string, p: { from: string; to: string }) => m >= p.from && m <= p.to;
    return months.map((m, i) => {
      const c = cf.get(m);
      return {
        month: date(m), observed: counts[i] ?? null,
        period: inside(m, periods.before) ? periodLabels.before : inside(m, periods.after) ? periodLabels.after : null,
        expected: c?.expected ?? null, lower: c?.lower ?? null, upper: c?.upper ?? null,
        ...(partial.has(m) ? { note: 'Partial month: left out' } : {}),
      };
    });
  }, [months, counts, periods, result, partial, periodLabels]);
  const scale = useMemo(() => bandScale(rows.flatMap((r) => [r.observed, r.expected]), rows.map((r) => r.upper)), [rows]);
  const events: Annotation[] = useMemo(() => (result ? [{ date: `${result.launch}-01`, label: launchLabel }] : []), [result, launchLabel]);
  const render = useCallback((width: number) => {
    const post = rows.filter((r) => r.expected != null);
    const shade = (p: { from: string; to: string }, fill: string) => Plot.rectX([p], { x1: () => date(p.from), x2: () => nextMonth(date(p.to)), fill, fillOpacity: 0.18 });
    return labelGroups(Plot.plot({
      width, height: 280, marginTop: 28, marginLeft: 48,
      x: { type: 'utc', label: null },
      y: { grid: true, label: measure, zero: true, ...(scale.domain ? { domain: scale.domain } : {}) },
      color: { legend: true, domain: [periodLabels.before, periodLabels.after, 'Observed', ...(post.length ? ['Without a change at launch (95% band)'] : [])], range: ['#8a6d00', '#1f4e79', '#333', '#b3261e'] },
      marks: [
        shade(periods.before, '#c9a227'),
        shade(periods.after, '#1f4e79'),
        Plot.areaY(post, { x: (d: Row) => midMonth(d.month), y1: 'lower', y2: 'upper', fill: '#b3261e', fillOpacity: 0.12, clip: true }),
        Plot.lineY(post, { x: (d: Row) => midMonth(d.month), y: 'expected', stroke: '#b3261e', strokeDasharray: '6,4', strokeWidth: 2 }),
        Plot.lineY(rows, { x: (d: Row) => midMonth(d.month), y: (d: Row) => (d.note ? null : d.observed), stroke: '#333', strokeWidth: 1.5 }),
        Plot.dot(rows.filter((r) => r.observed != null && r.note), { x: (d: Row) => midMonth(d.month), y: 'observed', stroke: '#333', fill: 'white', r: 3 }),
        Plot.tip(rows, Plot.pointerX({ x: (d: Row) => midMonth(d.month), y: 'observed',
          title: (d: Row) => `${fmt.month(d.month)}${d.period ? ` (${d.period})` : ''}${d.note ? `\n${d.note}` : ''}\nObserved: ${d.observed == null ? 'not reported' : fmt.int(d.observed)}${d.expected != null ? `\nWithout a change: ${fmt.num1(d.expected)} (${fmt.num1(d.lower)}–${fmt.num1(d.upper)})` : ''}` })),
        Plot.ruleY([0]),
        ...eventMarks(events),
      ],
    }));
  }, [rows, measure, events, periods, periodLabels, scale]);
  return (
    <ChartFrame testId="chart-claim" title={result?.model ? 'The claim\'s two periods, and what the trend before the launch projects' : 'The claim\'s two periods'}
      description={`Line: ${measure}, as observed. Shaded: the two periods the claim compares. Dashed line and band, from the launch on: what the model projects had the level, trend and season before the launch continued, with its 95% interval.`}
      definition="Segmented Poisson regression over every loaded month, with a level and a slope change at the launch month and two seasonal harmonics (and the comparison area when one is chosen); the band uses the larger of the Newey–West and quasi-Poisson standard errors. The dashed line is a projection, not an observation."
      rows={rows} render={render} fileName="claim-check"
      {...(scale.note ? { note: scale.note } : {})}
      columns={[
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) },
        { key: 'period', label: 'Claim period', format: (v) => (v == null ? '' : String(v)) },
        { key: 'observed', label: 'Observed', numeric: true, format: (v) => (v == null ? 'not reported' : fmt.int(v as number)) },
        { key: 'expected', label: 'Without a change at launch', numeric: true, format: (v) => fmt.num1(v as number | null) },
        { key: 'lower', label: '95% low', numeric: true, format: (v) => fmt.num1(v as number | null) },
        { key: 'upper', label: '95% high', numeric: true, format: (v) => fmt.num1(v as number | null) },
        { key: 'note', label: 'Note', format: (v) => (v == null ? '' : String(v)) },
      ]} />
  );
}
