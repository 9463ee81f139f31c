import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, nextMonth, type Annotation } from './marks.ts';

export interface OverdoseNaloxoneRow extends Record<string, unknown> {
  month: Date;
  overdoses: number | null;
  fatal: number | null;
  administrations: number | null;
}

/** Local overdoses per month (bars) with officers' naloxone administrations beside them (line). */
export function OverdoseNaloxoneChart({ rows, area, events }: { rows: OverdoseNaloxoneRow[]; area: string; events: Annotation[] }) {
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 260, marginTop: 28, marginLeft: 44,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'per month' },
    color: { legend: true, domain: ['Overdoses', 'Fatal', 'Naloxone administrations (officers)'], range: ['#9bb7d4', '#1f4e79', '#e08a2c'] },
    marks: [
      Plot.rectY(rows, { x1: 'month', x2: (d: OverdoseNaloxoneRow) => nextMonth(d.month), y: 'overdoses', fill: '#9bb7d4', inset: 0.5 }),
      Plot.rectY(rows, { x1: 'month', x2: (d: OverdoseNaloxoneRow) => nextMonth(d.month), y: 'fatal', fill: '#1f4e79', inset: 0.5 }),
      Plot.lineY(rows, { x: (d: OverdoseNaloxoneRow) => midMonth(d.month), y: 'administrations', stroke: '#e08a2c', strokeWidth: 2 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: OverdoseNaloxoneRow) => midMonth(d.month), y: 'overdoses',
        title: (d: OverdoseNaloxoneRow) => `${fmt.month(d.month)}\nOverdoses: ${fmt.int(d.overdoses)} (fatal ${fmt.int(d.fatal)})\nNaloxone administrations: ${fmt.int(d.administrations)}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [rows, events]);
  return (
    <ChartFrame testId="chart-overdose-naloxone"
      title={`Overdoses and naloxone administrations per month: ${area}`}
      description="Bars: overdoses each month (dark: fatal). Line: naloxone administrations recorded by officers in the program's naloxone log."
      definition="Overdoses as the local file counts them (fatal and nonfatal). Naloxone administrations come from a different record (the officers' log) and are not a subset of the overdoses: an administration may be for a suspected overdose the other file does not hold. Single months swing widely; read trends from the 12-month-ending chart."
      rows={rows} render={render} fileName="overdoses-and-naloxone"
      columns={[
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) },
        { key: 'overdoses', label: 'Overdoses', numeric: true },
        { key: 'fatal', label: 'Fatal', numeric: true },
        { key: 'administrations', label: 'Naloxone administrations', numeric: true },
      ]} />
  );
}
