import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { PartialMonth } from '../metrics/partialMonths.ts';
import { fmt } from '../components/format.ts';
import type { MonthlyPlacements } from '../metrics/placements.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { eventMarks, labelGroups, longMonthly, midMonth, monthlyLineMarks, partialRows, partialText, type Annotation } from './marks.ts';

const SERIES = [
  { key: 'encounters', label: 'Encounters' },
  { key: 'people', label: 'People' },
  { key: 'placed', label: 'Placements' },
] as const;

const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'encounters', label: 'Encounters', numeric: true },
  { key: 'people', label: 'People (distinct in the month)', numeric: true },
  { key: 'placed', label: 'Placements', numeric: true },
  { key: 'peoplePlaced', label: 'People placed', numeric: true },
];

/** Encounters, the distinct people behind them, and placements, per month. A month the export
 *  covers only in part (metrics/partialMonths) has hollow points and dotted lines into it, a note under
 *  the chart and a mark in the table. */
export function EncountersPeopleChart({ rows, events, loading, partial }: {
  rows: MonthlyPlacements[]; events: Annotation[]; loading: boolean;
  /** The encounters' partial months, by 'YYYY-MM'. */
  partial?: ReadonlyMap<string, PartialMonth>;
}) {
  const marked = useMemo(() => partialRows(rows, partial), [rows, partial]);
  const render = useCallback((width: number) => {
    const long = longMonthly(rows, SERIES).map((d) => ({ ...d, partial: marked.isPartial(d.month) }));
    return labelGroups(Plot.plot({
      width, height: 280, marginTop: 24, marginLeft: 44,
      x: { type: 'utc', label: null },
      y: { grid: true, label: 'per month' },
      color: { legend: true, domain: SERIES.map((s) => s.label), range: ['#e08a2c', '#6b4c9a', '#1f4e79'] },
      marks: [
        // People are dashed: in most months they nearly equal encounters and would hide that line.
        // Over three years of months, a point per month is left out (partial months keep theirs):
        // at that density the points added nothing the line does not show, and they were half
        // the chart's drawing time (252 circles at seven years).
        ...SERIES.flatMap((ser) => monthlyLineMarks(long.filter((d) => d.series === ser.label),
          { r: 3, wholeDots: rows.length <= 36, ...(ser.key === 'people' ? { strokeDasharray: '5,3' } : {}) })),
        Plot.tip(rows, Plot.pointerX({ x: (d: MonthlyPlacements) => midMonth(d.month), y: 'encounters',
          title: (d: MonthlyPlacements) => `${fmt.month(d.month)}\n${fmt.int(d.encounters)} encounters by ${fmt.int(d.people)} people\n${fmt.int(d.placed)} placements (${fmt.int(d.peoplePlaced)} people)` })),
        Plot.ruleY([0]),
        ...eventMarks(events),
      ],
    }));
  }, [rows, events, marked]);
  return (
    <ChartFrame testId="chart-monthly" loading={loading}
      title="Encounters, people and placements per month"
      description="Three lines by month of the encounter: all encounters, the distinct people who came (dashed), and encounters that ended in a placement."
      definition="People are counted once in each month they came; someone who came in March and in May counts in both months, so monthly people do not add up to the period's people. Placements follow the encounter's month."
      rows={marked.rows} columns={[...COLUMNS, ...marked.columns]} render={render} fileName="encounters-people-per-month"
      note={partialText(marked.partial, 'Its points are hollow, with dotted lines into them')} empty="No encounters match these filters." />
  );
}
