import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { NIBRS_BREAK } from './CrimeChart.tsx';
import { partialNote, type PartialMonth } from '../metrics/partialMonths.ts';
import { eventMarks, eventsWithin, labelGroups, midMonth, monthlyLineMarks, type Annotation } from './marks.ts';

/** One month of the trend: the chosen series and, where chosen, the comparison area. Values are
 *  counts or rates per 1,000 residents; null is a month the source did not report (a gap). */
export interface TrendRow extends Record<string, unknown> {
  month: Date;
  main: number | null;
  comparison?: number | null;
}

const COLORS = ['#1f4e79', '#e08a2c'];
const ym = (d: Date) => d.toISOString().slice(0, 7);

/** Monthly addiction-associated offenses for one agency, with an optional comparison area on the
 *  same axes. Gaps are left where a month was not reported. A month the records cover only in part
 *  (metrics/partialMonths) is drawn hollow with a dotted line into it, said in a note, and marked in the
 *  data table. */
export function CrimeTrendChart({ rows, mainLabel, comparisonLabel, measure, events, loading, definition, height = 300, partial }: {
  /** The partial months of each series, by 'YYYY-MM'. */
  partial?: { main?: ReadonlyMap<string, PartialMonth>; comparison?: ReadonlyMap<string, PartialMonth> };
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
  const mainPoints = useMemo(() => rows.map((r) => ({ month: r.month, series: mainLabel, value: r.main, partial: !!partial?.main?.has(ym(r.month)) })),
    [rows, mainLabel, partial]);
  const compPoints = useMemo(() => (comparisonLabel
    ? rows.map((r) => ({ month: r.month, series: comparisonLabel, value: r.comparison ?? null, partial: !!partial?.comparison?.has(ym(r.month)) }))
    : []), [rows, comparisonLabel, partial]);
  // The partial months among those shown, with what each series' records cover of them.
  const notes = useMemo(() => rows.flatMap((r) => {
    const m = partial?.main?.get(ym(r.month)), c = comparisonLabel ? partial?.comparison?.get(ym(r.month)) : undefined;
    return [...(m ? [{ month: r.month, label: mainLabel, p: m }] : []), ...(c ? [{ month: r.month, label: comparisonLabel!, p: c }] : [])];
  }), [rows, partial, mainLabel, comparisonLabel]);
  const tableRows = useMemo(() => (notes.length === 0 ? rows : rows.map((r) => {
    const here = notes.filter((n) => n.month === r.month);
    return here.length ? { ...r, note: `Partial month: ${here.map((n) => `${partialNote(n.p)}${comparisonLabel ? ` (${n.label})` : ''}`).join('; ')}` } : r;
  })), [rows, notes, comparisonLabel]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height, marginTop: 28, marginLeft: 48,
    x: { type: 'utc', label: null },
    y: { grid: true, label: measure, zero: true },
    color: { legend: true, domain: labels, range: COLORS },
    marks: [
      // Plot breaks a line at null values: a month that was not reported is a gap, not a zero.
      // Partial months are hollow, with a dotted line into and out of them.
      // Over three years of months, a point only where the line cannot show the month (partial, or
      // between two gaps): at eight years, 96 points a line added nothing to it and were about
      // half of the chart's drawing time on each new view.
      ...monthlyLineMarks(mainPoints, { wholeDots: rows.length <= 36 }),
      ...(compPoints.length ? monthlyLineMarks(compPoints, { strokeDasharray: '5,3', wholeDots: rows.length <= 36 }) : []),
      Plot.tip(rows, Plot.pointerX({ x: (d: TrendRow) => midMonth(d.month), y: 'main',
        title: (d: TrendRow) => `${fmt.month(d.month)}${partial?.main?.has(ym(d.month)) ? ` (partial: ${partialNote(partial.main.get(ym(d.month))!)})` : ''}\n${mainLabel}: ${show(d.main)}${comparisonLabel ? `\n${comparisonLabel}: ${show(d.comparison)}` : ''}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin([...events, NIBRS_BREAK], rows)),
    ],
  })), [mainPoints, compPoints, labels, measure, rows, events, mainLabel, comparisonLabel, show, height, partial]);
  const columns = useMemo(() => [
    { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
    { key: 'main', label: mainLabel, numeric: true, format: (v: unknown) => show(v as number | null) },
    ...(comparisonLabel ? [{ key: 'comparison', label: comparisonLabel, numeric: true, format: (v: unknown) => show(v as number | null) }] : []),
    ...(notes.length ? [{ key: 'note', label: 'Note', format: (v: unknown) => (v == null ? '' : String(v)) }] : []),
  ], [mainLabel, comparisonLabel, show, notes.length]);
  const note = notes.length > 0 && (
    <>{notes.map((n, i) => <span key={i}>{i > 0 && ' '}Partial month{comparisonLabel ? ` (${n.label})` : ''}: {partialNote(n.p)}.</span>)}
      {' '}Drawn as a hollow point with a dotted line, and left out of the impact analysis.</>
  );
  return (
    <ChartFrame testId="chart-crime-trend" loading={loading}
      title={`Addiction-associated offenses: ${mainLabel}${comparisonLabel ? ` and ${comparisonLabel}` : ''}`}
      description={`${measure.charAt(0).toUpperCase()}${measure.slice(1)}${comparisonLabel ? `, with ${comparisonLabel} as a comparison area (dashed)` : ''}. Dashed red lines mark program events and the 2021 change in FBI reporting. Gaps are months not reported.`}
      definition={definition} rows={tableRows} columns={columns} render={render} note={note}
      fileName="addiction-associated-offenses-trend" empty="No addiction-associated offenses in this series." />
  );
}
