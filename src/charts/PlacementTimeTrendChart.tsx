import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import type { MonthlyPlacementTimes } from '../metrics/timeToPlacement.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups, longMonthly, midMonth, monthlyLineMarks } from './marks.ts';

const SERIES = [
  { key: 'medianHours', label: 'Median' },
  { key: 'p90Hours', label: '90th percentile' },
] as const;

const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'placed', label: 'Placements', numeric: true },
  { key: 'medianHours', label: 'Median hours', numeric: true, format: (v: unknown) => fmt.num1(v as number | null) },
  { key: 'p90Hours', label: '90th percentile hours', numeric: true, format: (v: unknown) => fmt.num1(v as number | null) },
  { key: 'share24', label: 'Placed within 24 h', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) },
];

/** Median and 90th-percentile hours to placement by month. */
export function PlacementTimeTrendChart({ rows, loading }: { rows: MonthlyPlacementTimes[]; loading: boolean }) {
  const render = useCallback((width: number) => {
    const long = longMonthly(rows, SERIES);
    const x = (d: { month: Date }) => midMonth(d.month);
    return labelGroups(Plot.plot({
      width, height: 260, marginLeft: 44,
      x: { type: 'utc', label: null },
      y: { grid: true, label: 'hours to placement', zero: true },
      color: { legend: true, domain: SERIES.map((s) => s.label), range: ['#1f4e79', '#e08a2c'] },
      marks: [
        // A month without a timed placement has no time: a gap in both lines. A point per month up to
        // three years; beyond, only a month between two gaps keeps its point (the line cannot show
        // it): at seven years the 168 points were a third of the chart's drawing time.
        ...SERIES.flatMap((ser) => monthlyLineMarks(long.filter((d) => d.series === ser.label).map((d) => ({ ...d, partial: false })),
          { wholeDots: rows.length <= 36 })),
        Plot.tip(rows, Plot.pointerX({ x, y: 'medianHours',
          title: (d: MonthlyPlacementTimes) => `${fmt.month(d.month)}: ${fmt.int(d.placed)} placements\nMedian: ${fmt.num1(d.medianHours)} h\n90th percentile: ${fmt.num1(d.p90Hours)} h` })),
        Plot.ruleY([24], { stroke: '#888', strokeDasharray: '2,3' }),
        Plot.text([24], { y: (d: number) => d, text: () => '24 h', frameAnchor: 'right', dy: -6, fill: '#555', fontSize: 10 }),
      ],
    }));
  }, [rows]);
  return (
    <ChartFrame testId="chart-time-trend" loading={loading}
      title="Hours to placement, by month"
      description="Lines: the median and the 90th percentile of hours from encounter to placement, for placements from encounters in each month. A month without a placement whose time is known is a gap in both lines."
      definition="Among placed encounters only. The 90th percentile is interpolated between the two nearest placements; in a month with few placements it rests on one or two people and swings widely."
      rows={rows} columns={COLUMNS} render={render} fileName="hours-to-placement-by-month" empty="No placements match these filters." />
  );
}
