import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { MonthlyPlacements } from '../metrics/placements.ts';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, nextMonth, type Annotation } from './marks.ts';

const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'encounters', label: 'Encounters', numeric: true },
  { key: 'people', label: 'People', numeric: true },
  { key: 'placed', label: 'Placements', numeric: true },
];

/** Placements in treatment per month (bars) with all encounters (line), the launch marked. */
export function PlacementsChart({ rows, events, height = 280, loading = false }: { rows: MonthlyPlacements[]; events: Annotation[]; height?: number; loading?: boolean }) {
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height, marginTop: 24, marginLeft: 44,
    ariaLabel: 'Placements per month',
    // A short range gets one tick per month, not Plot's default weekly ticks.
    x: { type: 'utc', label: null, ...(rows.length <= 15 ? { ticks: 'month', tickFormat: '%b %Y' } : {}) },
    y: { grid: true, label: 'per month' },
    color: { legend: true, domain: ['Placements', 'Encounters'], range: ['#1f4e79', '#e08a2c'] },
    marks: [
      Plot.rectY(rows, { x1: 'month', x2: (d: MonthlyPlacements) => nextMonth(d.month), y: 'placed', fill: () => 'Placements', inset: 0.5,
        tip: true, title: (d: MonthlyPlacements) => `${fmt.month(d.month)}\n${d.placed} placements\n${d.encounters} encounters (${d.people} people)` }),
      Plot.lineY(rows, { x: (d: MonthlyPlacements) => midMonth(d.month), y: 'encounters', stroke: () => 'Encounters', strokeWidth: 2 }),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [rows, events, height]);
  return (
    <ChartFrame
      title="Placements in treatment per month"
      description="Bars: encounters that ended in a placement, by month of the encounter. Line: all encounters. Dashed lines mark program events."
      definition="A placement is an encounter with a placement date and a treatment type other than none. Months follow the encounter date, not the placement date."
      rows={rows} columns={COLUMNS} render={render} fileName="placements-per-month"
      empty="No program encounters in these months." loading={loading} testId="chart-placements"
    />
  );
}
