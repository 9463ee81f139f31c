import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { partialNote, type PartialMonth } from '../metrics/partialMonths.ts';
import type { MonthlyPlacements } from '../metrics/placements.ts';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { eventMarks, eventsWithin, labelGroups, monthlyLineMarks, nextMonth, partialRows, partialText, type Annotation } from './marks.ts';

const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'encounters', label: 'Encounters', numeric: true },
  { key: 'people', label: 'People', numeric: true },
  { key: 'placed', label: 'Placements', numeric: true },
];

/** Placements in treatment per month (bars) with all encounters (line), the launch marked. A month
 *  the export covers only in part (metrics/partialMonths; e.g. an export taken mid-month) is drawn as a
 *  light bar with a dashed outline and a hollow point, said under the chart and marked in the table. */
export function PlacementsChart({ rows, events, height = 280, loading = false, partial }: {
  rows: MonthlyPlacements[]; events: Annotation[]; height?: number; loading?: boolean;
  /** The encounters' partial months, by 'YYYY-MM'. */
  partial?: ReadonlyMap<string, PartialMonth>;
}) {
  const marked = useMemo(() => partialRows(rows, partial), [rows, partial]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height, marginTop: 24, marginLeft: 44,
    ariaLabel: 'Placements per month',
    // A short range gets one tick per month, not Plot's default weekly ticks.
    x: { type: 'utc', label: null, ...(rows.length <= 15 ? { ticks: 'month', tickFormat: '%b %Y' } : {}) },
    y: { grid: true, label: 'per month' },
    color: { legend: true, domain: ['Placements', 'Encounters'], range: ['#1f4e79', '#e08a2c'] },
    marks: [
      Plot.rectY(rows.filter((d) => !marked.isPartial(d.month)), { x1: 'month', x2: (d: MonthlyPlacements) => nextMonth(d.month), y: 'placed', fill: () => 'Placements', inset: 0.5,
        tip: true, title: (d: MonthlyPlacements) => `${fmt.month(d.month)}\n${d.placed} placements\n${d.encounters} encounters (${d.people} people)` }),
      // A partial month: a light bar with a dashed outline.
      Plot.rectY(rows.filter((d) => marked.isPartial(d.month)), { x1: 'month', x2: (d: MonthlyPlacements) => nextMonth(d.month), y: 'placed', fill: () => 'Placements',
        fillOpacity: 0.3, stroke: () => 'Placements', strokeDasharray: '3,2', inset: 0.5,
        tip: true, title: (d: MonthlyPlacements) => `${fmt.month(d.month)} (partial: ${partialNote(partial!.get(d.month.toISOString().slice(0, 7))!)})\n${d.placed} placements\n${d.encounters} encounters (${d.people} people)` }),
      ...monthlyLineMarks(rows.map((d) => ({ month: d.month, series: 'Encounters', value: d.encounters, partial: marked.isPartial(d.month) })), { wholeDots: false }),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [rows, events, height, marked, partial]);
  return (
    <ChartFrame
      title="Placements in treatment per month"
      description="Bars: encounters that ended in a placement, by month of the encounter. Line: all encounters. Dashed lines mark program events."
      definition="A placement is an encounter with a placement date and a treatment type other than none. Months follow the encounter date, not the placement date."
      rows={marked.rows} columns={[...COLUMNS, ...marked.columns]} render={render} fileName="placements-per-month"
      note={partialText(marked.partial, 'Its bar is light with a dashed outline and its point hollow')}
      empty="No program encounters in these months." loading={loading} testId="chart-placements"
    />
  );
}

