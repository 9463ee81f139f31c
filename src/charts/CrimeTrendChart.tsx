import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { NIBRS_BREAK } from './CrimeChart.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, type Annotation } from './marks.ts';

/** One month of the trend: the chosen series and, where chosen, the comparison area. Values are
 *  counts or rates per 1,000 residents; null is a month the source did not report (a gap). */
export interface TrendRow extends Record<string, unknown> {
  month: Date;
  main: number | null;
  comparison?: number | null;
}

const COLORS = ['#1f4e79', '#e08a2c'];

/** Monthly addiction-associated offenses for one agency, with an optional comparison area on the
 *  same axes. Gaps are left where a month was not reported. */
export function CrimeTrendChart({ rows, mainLabel, comparisonLabel, measure, events, loading, definition, height = 300 }: {
  /** The plot's height in pixels (the briefing uses a short one). */
  height?: number;
  rows: TrendRow[];
  mainLabel: string;
  comparisonLabel?: string;
  /** e.g. "offenses per month" or "offenses per 1,000 residents per month" */
  measure: string;
  events: Annotation[];
  loading: boolean;
  definition: string;
}) {
  const rate = measure.includes('1,000');
  const show = useCallback((v: number | null | undefined) => (v == null ? 'not reported' : rate ? fmt.num1(v) : fmt.int(v)), [rate]);
  const labels = useMemo(() => (comparisonLabel ? [mainLabel, comparisonLabel] : [mainLabel]), [mainLabel, comparisonLabel]);
  const long = useMemo(() => rows.flatMap((r) => [
    { month: r.month, series: mainLabel, value: r.main },
    ...(comparisonLabel ? [{ month: r.month, series: comparisonLabel, value: r.comparison ?? null }] : []),
  ]), [rows, mainLabel, comparisonLabel]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height, marginTop: 28, marginLeft: 48,
    x: { type: 'utc', label: null },
    y: { grid: true, label: measure, zero: true },
    color: { legend: true, domain: labels, range: COLORS },
    marks: [
      // Plot breaks a line at null values: a month that was not reported is a gap, not a zero.
      Plot.lineY(long.filter((d) => d.series === mainLabel), { x: (d) => midMonth(d.month), y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.lineY(long.filter((d) => d.series !== mainLabel), { x: (d) => midMonth(d.month), y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '5,3' }),
      Plot.dot(long.filter((d) => d.value != null), { x: (d) => midMonth(d.month), y: 'value', fill: 'series', r: rows.length > 48 ? 1.5 : 2.5 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: TrendRow) => midMonth(d.month), y: 'main',
        title: (d: TrendRow) => `${fmt.month(d.month)}\n${mainLabel}: ${show(d.main)}${comparisonLabel ? `\n${comparisonLabel}: ${show(d.comparison)}` : ''}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin([...events, NIBRS_BREAK], rows)),
    ],
  })), [long, labels, measure, rows, events, mainLabel, comparisonLabel, show, height]);
  const columns = useMemo(() => [
    { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
    { key: 'main', label: mainLabel, numeric: true, format: (v: unknown) => show(v as number | null) },
    ...(comparisonLabel ? [{ key: 'comparison', label: comparisonLabel, numeric: true, format: (v: unknown) => show(v as number | null) }] : []),
  ], [mainLabel, comparisonLabel, show]);
  return (
    <ChartFrame testId="chart-crime-trend" loading={loading}
      title={`Addiction-associated offenses: ${mainLabel}${comparisonLabel ? ` and ${comparisonLabel}` : ''}`}
      description={`Monthly ${measure}${comparisonLabel ? `, with ${comparisonLabel} as a comparison area (dashed)` : ''}. Dashed red lines mark program events and the 2021 change in FBI reporting. Gaps are months not reported.`}
      definition={definition} rows={rows} columns={columns} render={render}
      fileName="addiction-associated-offenses-trend" empty="No addiction-associated offenses in this series." />
  );
}
