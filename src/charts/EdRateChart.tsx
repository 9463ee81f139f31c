import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import type { EdRateMonth } from '../metrics/nonfatal.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, type Annotation } from './marks.ts';

const rate = (v: unknown) => (v == null ? '—' : fmt.num1(v as number));

/** Suspected nonfatal overdose ED visits per 10,000 ED visits (CDC DOSE-SyS): each month (thin) and
 *  the 12 months ending in it (bold). Months CDC withholds are gaps, marked along the bottom. */
export function EdRateChart({ rows, place, drug, events }: { rows: EdRateMonth[]; place: string; drug: string; events: Annotation[] }) {
  const withheld = useMemo(() => rows.filter((r) => r.rate == null && r.rateStatus), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 260, marginTop: 28, marginLeft: 48,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'per 10,000 ED visits', zero: true },
    color: { legend: true, domain: ['Month', '12 months ending in the month'], range: ['#8fb3d9', '#1f4e79'] },
    marks: [
      Plot.lineY(rows, { x: (d: EdRateMonth) => midMonth(d.month), y: 'rate', stroke: '#8fb3d9', strokeWidth: 1.5 }),
      Plot.lineY(rows, { x: (d: EdRateMonth) => midMonth(d.month), y: 'rate12', stroke: '#1f4e79', strokeWidth: 2.5 }),
      Plot.dot(withheld, { x: (d: EdRateMonth) => midMonth(d.month), y: 0, symbol: 'times', stroke: '#b3261e', r: 3 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: EdRateMonth) => midMonth(d.month), y: (d: EdRateMonth) => d.rate12 ?? d.rate ?? 0,
        title: (d: EdRateMonth) => `${fmt.month(d.month)}\nMonth: ${d.rate == null ? (d.rateStatus ?? '—') : fmt.num1(d.rate)}\n12 months ending: ${d.rate12 == null ? (d.rate12Status ?? '—') : fmt.num1(d.rate12)}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [rows, withheld, events]);
  return (
    <ChartFrame testId="chart-ed-rate" title={`Nonfatal overdose ED visits, ${drug}: ${place}`}
      description={`Thin line: suspected nonfatal ${drug} overdose visits per 10,000 of all emergency-department visits, each month. Bold line: the same over the 12 months ending in the month.`}
      definition={<>CDC DOSE syndromic surveillance (DOSE-SyS): visits whose chief complaint or diagnosis suggests an overdose, per 10,000 of all ED visits in the state&apos;s participating hospitals. A share of ED visits, not of residents: it moves when other ED visits rise or fall (as in 2020), and it is not a count. CDC withholds rates based on fewer than 20 overdoses (suppressed), rates of states that do not share their data, and March–August 2020; these are gaps, never zeros.{withheld.length > 0 && <> <strong data-testid="ed-withheld-note">{withheld.length} {withheld.length === 1 ? 'month is' : 'months are'} withheld (red crosses along the bottom).</strong></>}</>}
      rows={rows} render={render} fileName="nonfatal-overdose-ed-rate"
      columns={[
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) },
        { key: 'rate', label: 'Per 10,000 ED visits, month', numeric: true, format: rate },
        { key: 'rate12', label: 'Per 10,000 ED visits, 12 months ending', numeric: true, format: rate },
        { key: 'rateStatus', label: 'Month withheld', format: (v) => (v == null ? '' : String(v)) },
        { key: 'rate12Status', label: '12 months withheld', format: (v) => (v == null ? '' : String(v)) },
      ]} />
  );
}
