import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { ItsResult } from '../analysis/its.ts';
import { fmt } from '../components/format.ts';
import { partialNote, type PartialMonth } from '../metrics/partialMonths.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { bandScale, eventMarks, labelGroups, midMonth, type Annotation } from './marks.ts';

interface Row extends Record<string, unknown> {
  month: Date;
  observed: number | null;
  fitted: number;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  /** A month the records cover only in part: drawn hollow, not in the fit. */
  note?: string;
}

const date = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** The interrupted time series: observed months (dots), the fitted model (solid line), and from
 *  the launch on the counterfactual (dashed: the pre-launch trend and season carried forward) with
 *  its 95% band. */
export function ImpactChart({ result, counts, measure, launchLabel, partial }: {
  result: ItsResult; counts: readonly (number | null)[]; measure: string; launchLabel: string;
  /** Months left out of the fit because the records cover them only in part: hollow dots. */
  partial?: ReadonlyMap<string, PartialMonth>;
}) {
  const model = result.model!;
  const observedRows = useMemo<Row[]>(() => {
    const cf = new Map(model.counterfactual.map((c) => [c.month, c]));
    return result.months.map((m, i) => {
      const c = cf.get(m);
      const p = partial?.get(m);
      return { month: date(m), observed: counts[i] ?? null, fitted: model.fitted[i]!, expected: c?.expected ?? null, lower: c?.lower ?? null, upper: c?.upper ?? null,
        ...(p ? { note: `Partial month (${partialNote(p)}): not in the fit` } : {}) };
    });
  }, [result, model, counts, partial]);
  const anyPartial = observedRows.some((r) => r.note);
  const scale = useMemo(() => bandScale(observedRows.flatMap((r) => [r.observed, r.fitted, r.expected]), observedRows.map((r) => r.upper)), [observedRows]);
  const events: Annotation[] = useMemo(() => [{ date: `${result.launch}-01`, label: launchLabel }], [result.launch, launchLabel]);
  const render = useCallback((width: number) => {
    const post = observedRows.filter((r) => r.expected != null);
    return labelGroups(Plot.plot({
      width, height: 300, marginTop: 28, marginLeft: 48,
      x: { type: 'utc', label: null },
      y: { grid: true, label: measure, zero: true, ...(scale.domain ? { domain: scale.domain } : {}) },
      color: { legend: true, domain: ['Observed', 'Model', 'Without a change at launch (95% band)'], range: ['#333', '#1f4e79', '#b3261e'] },
      marks: [
        Plot.areaY(post, { x: (d: Row) => midMonth(d.month), y1: 'lower', y2: 'upper', fill: '#b3261e', fillOpacity: 0.15, clip: true }),
        Plot.lineY(post, { x: (d: Row) => midMonth(d.month), y: 'expected', stroke: '#b3261e', strokeDasharray: '6,4', strokeWidth: 2 }),
        Plot.lineY(observedRows, { x: (d: Row) => midMonth(d.month), y: 'fitted', stroke: '#1f4e79', strokeWidth: 2 }),
        Plot.dot(observedRows.filter((r) => r.observed != null && !r.note), { x: (d: Row) => midMonth(d.month), y: 'observed', fill: '#333', r: 2 }),
        Plot.dot(observedRows.filter((r) => r.observed != null && r.note), { x: (d: Row) => midMonth(d.month), y: 'observed', stroke: '#333', fill: 'white', strokeWidth: 1.5, r: 3.5 }),
        Plot.tip(observedRows, Plot.pointerX({ x: (d: Row) => midMonth(d.month), y: 'fitted',
          title: (d: Row) => `${fmt.month(d.month)}${d.note ? ` (${d.note})` : ''}\nObserved: ${d.observed == null ? 'not reported' : fmt.int(d.observed)}\nModel: ${fmt.num1(d.fitted)}${d.expected != null ? `\nWithout a change: ${fmt.num1(d.expected)} (${fmt.num1(d.lower)}–${fmt.num1(d.upper)})` : ''}` })),
        Plot.ruleY([0]),
        ...eventMarks(events),
      ],
    }));
  }, [observedRows, measure, events, scale]);
  return (
    <ChartFrame testId="chart-impact"
      title="Observed offenses, the model, and the pre-launch trend carried forward"
      description="Dots: observed monthly counts. Solid line: the fitted segmented regression. Dashed line and shaded band, from the launch on: what the model projects had the pre-launch level, trend and season continued, with its 95% interval."
      definition="Segmented Poisson regression with a level and a slope change at the launch month, two seasonal harmonics; the 95% band uses, month by month, the larger of the Newey–West (autocorrelation) and quasi-Poisson (overdispersion) standard errors. The dashed line is a projection, not an observation: other changes at the same time (policing, reporting, the economy) would move the observed line too."
      rows={observedRows} render={render} fileName="impact-analysis"
      columns={[
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) },
        { key: 'observed', label: 'Observed', numeric: true, format: (v) => (v == null ? 'not reported' : fmt.int(v as number)) },
        { key: 'fitted', label: 'Model', numeric: true, format: (v) => fmt.num1(v as number) },
        { key: 'expected', label: 'Without a change at launch', numeric: true, format: (v) => fmt.num1(v as number | null) },
        { key: 'lower', label: '95% low', numeric: true, format: (v) => fmt.num1(v as number | null) },
        { key: 'upper', label: '95% high', numeric: true, format: (v) => fmt.num1(v as number | null) },
        ...(anyPartial ? [{ key: 'note', label: 'Note', format: (v: unknown) => (v == null ? '' : String(v)) }] : []),
      ]}
      {...(anyPartial || scale.note ? { note: [anyPartial ? 'Hollow dots: months the records cover only in part, left out of the fit.' : '', scale.note ?? ''].filter(Boolean).join(' ') } : {})} />
  );
}
