import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import type { DxMonth } from '../metrics/nonfatal.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { DX_FIGURE_COLUMNS } from './DxYearChart.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, type Annotation } from './marks.ts';

const SETTINGS = ['ED visits', 'Hospitalisations'] as const;
const int = (v: unknown) => (v == null ? '—' : fmt.int(v as number));

/** Nonfatal overdoses per month from discharge data (CDC DOSE-DX): emergency-department visits and
 *  inpatient hospitalisations as two lines, never added together. A month CDC withholds is a gap in
 *  its line, marked along the bottom. */
export function DxMonthChart({ rows, place, drug, events }: { rows: DxMonth[]; place: string; drug: string; events: Annotation[] }) {
  const long = useMemo(() => rows.flatMap((r) => [
    { month: r.month, setting: SETTINGS[0], count: r.edCount },
    { month: r.month, setting: SETTINGS[1], count: r.hospCount },
  ]), [rows]);
  const withheld = useMemo(() => rows.filter((r) => r.note != null && (r.edCount == null || r.hospCount == null)), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 260, marginTop: 28, marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'nonfatal overdoses per month', zero: true },
    color: { legend: true, domain: [...SETTINGS], range: ['#1f4e79', '#e08a2c'] },
    marks: [
      Plot.lineY(long, { x: (d: { month: Date }) => midMonth(d.month), y: 'count', stroke: 'setting', strokeWidth: 2 }),
      Plot.dot(withheld, { x: (d: DxMonth) => midMonth(d.month), y: 0, symbol: 'times', stroke: '#b3261e', r: 3 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: DxMonth) => midMonth(d.month), y: (d: DxMonth) => d.edCount ?? d.hospCount ?? 0,
        title: (d: DxMonth) => `${fmt.month(d.month)}\nED visits: ${int(d.edCount)}\nHospitalisations: ${int(d.hospCount)}${d.note ? `\n${d.note}` : ''}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [long, rows, withheld, events]);
  return (
    <ChartFrame testId="chart-dx-months" title={`Nonfatal overdoses treated in hospital per month, ${drug}: ${place}`}
      description={`Lines: nonfatal ${drug} overdose emergency-department visits (blue) and inpatient hospitalisations (orange), each month.`}
      definition="CDC DOSE discharge data (DOSE-DX), monthly: hospital billing records coded as a nonfatal overdose. ED visits and hospitalisations are separate records of separate stays and are never added; months are shown as CDC gives them, never added up into years here. Counts of 1–9 and rates based on fewer than 20 overdoses are withheld (suppressed); fentanyl before October 2020 and methamphetamine before October 2022 had no diagnosis code (not available). A withheld month is a gap, not zero (red crosses along the bottom). Rates are per 100,000 residents."
      rows={rows} render={render} fileName="nonfatal-overdoses-by-month"
      columns={[{ key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) }, ...DX_FIGURE_COLUMNS]} />
  );
}
