import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import type { MonthlyCost } from '../metrics/costs.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { labelGroups, nextMonth } from './marks.ts';

const COLUMNS = [
  { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
  { key: 'amount', label: 'Spend in the month (USD)', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
  { key: 'cumulative', label: 'Spend to date (USD)', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
];

/** Spend to date through the period. (Awards are compared per funding source in their own table:
 *  a line for all awards against all spend would set sources without an award against them.) */
export function CumulativeCostChart({ rows, loading }: { rows: MonthlyCost[]; loading: boolean }) {
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 240, marginLeft: 64, marginRight: 16,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'USD to date', tickFormat: (v: number) => fmt.usd(v) },
    marks: [
      Plot.areaY(rows, { x: (d: MonthlyCost) => nextMonth(d.month), y: 'cumulative', fill: '#1f4e79', fillOpacity: 0.15, curve: 'step-before' }),
      Plot.lineY(rows, { x: (d: MonthlyCost) => nextMonth(d.month), y: 'cumulative', stroke: '#1f4e79', strokeWidth: 2, curve: 'step-before',
        tip: true, title: (d: MonthlyCost) => `End of ${fmt.month(d.month)}\n${fmt.usd(d.cumulative)} spent to date` }),
      Plot.ruleY([0]),
    ],
  })), [rows]);
  return (
    <ChartFrame testId="chart-cumulative-cost" loading={loading}
      title="Spend to date"
      description="A line: all ledger spend from the start of the period to the end of each month."
      definition="Ledger entries by their date, all funding sources. Refunds and corrections (negative amounts) reduce the total in their month."
      rows={rows} columns={COLUMNS} render={render} fileName="spend-to-date" empty="No ledger entries in this period." />
  );
}
