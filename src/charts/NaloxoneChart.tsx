import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import { OUTCOMES, type MonthlyNaloxone } from '../metrics/naloxone.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups, nextMonth } from './marks.ts';

const COLORS = ['#2e7d32', '#1f4e79', '#b3261e', '#9aa5b1'];
const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'administrations', label: 'Administrations', numeric: true },
  { key: 'doses', label: 'Doses', numeric: true },
  ...OUTCOMES.map((o) => ({ key: o, label: o[0]!.toUpperCase() + o.slice(1), numeric: true })),
];

/** Naloxone administrations per month, stacked by outcome. */
export function NaloxoneChart({ rows, loading }: { rows: MonthlyNaloxone[]; loading: boolean }) {
  const render = useCallback((width: number) => {
    const long = rows.flatMap((r) => OUTCOMES.map((o) => ({ month: r.month, outcome: o, n: r[o] })));
    return labelGroups(Plot.plot({
      width, height: 260, marginLeft: 44,
      x: { type: 'utc', label: null },
      y: { grid: true, label: 'administrations per month' },
      color: { legend: true, domain: [...OUTCOMES], range: COLORS },
      marks: [
        Plot.rectY(long, Plot.stackY({ x1: 'month', x2: (d: { month: Date }) => nextMonth(d.month), y: 'n', fill: 'outcome', inset: 0.5, order: [...OUTCOMES],
          tip: true, title: (d: { month: Date; outcome: string; n: number }) => `${fmt.month(d.month)}\n${d.outcome}: ${fmt.int(d.n)}` })),
        Plot.ruleY([0]),
      ],
    }));
  }, [rows]);
  return (
    <ChartFrame testId="chart-naloxone" loading={loading}
      title="Naloxone administrations by officers, per month"
      description="Stacked bars: administrations in each month, coloured by the person's outcome: survived, transported to hospital, died, or unknown."
      definition="One administration is one row of the naloxone log (one person, one event), whatever the number of doses. A blank outcome counts as unknown."
      rows={rows} columns={COLUMNS} render={render} fileName="naloxone-by-month" empty="No naloxone administrations in this period." />
  );
}
