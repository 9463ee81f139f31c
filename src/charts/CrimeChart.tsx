import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { MonthlyGroupCount } from '../metrics/crime.ts';
import { fmt } from '../components/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import type { PartialMonth } from '../metrics/partialMonths.ts';
import { eventMarks, labelGroups, nextMonth, partialRows, partialText, type Annotation } from './marks.ts';

/** The FBI's national series moved from summary (SRS) counts to NIBRS-only reporting in 2021. */
export const NIBRS_BREAK: Annotation = { date: '2021-01-01', label: 'FBI summary → NIBRS (2021)' };

/** Addiction-associated offenses per month, stacked by offense group. A month the records cover
 *  only in part (metrics/partialMonths) is shaded, said under the chart and marked in the table. */
export function CrimeChart({ rows, events, source, partial, loading = false }: {
  rows: MonthlyGroupCount[]; events: Annotation[]; source: string;
  /** The series' partial months, by 'YYYY-MM'. */
  partial?: ReadonlyMap<string, PartialMonth>;
  /** The rows are still coming (a query, or the workspace's files): no "nothing loaded" meanwhile. */
  loading?: boolean;
}) {
  const groups = useMemo(() => [...new Set(rows.map((r) => r.group))].sort(), [rows]);
  const table = useMemo(() => {
    const byMonth = new Map<number, Record<string, unknown>>();
    for (const r of rows) {
      const k = r.month.getTime();
      const row: Record<string, unknown> = byMonth.get(k) ?? { month: r.month, total: 0 };
      row[r.group] = r.count;
      row.total = row.total === null || r.count === null ? null : (row.total as number) + r.count;
      byMonth.set(k, row);
    }
    return [...byMonth.values()] as (Record<string, unknown> & { month: Date })[];
  }, [rows]);
  const marked = useMemo(() => partialRows(table, partial), [table, partial]);
  const columns = useMemo(() => [
    { key: 'month', label: 'Month', format: (v: unknown) => fmt.month(v as Date) },
    ...groups.map((g) => ({ key: g, label: g, numeric: true })),
    { key: 'total', label: 'All addiction-associated', numeric: true },
    ...marked.columns,
  ], [groups, marked]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 280, marginTop: 24, marginLeft: 44,
    ariaLabel: 'Addiction-associated offenses per month',
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'offenses per month' },
    color: { legend: true, domain: groups, scheme: 'tableau10' },
    marks: [
      // A partial month: a grey band behind the stack.
      Plot.rect(marked.partial.map((p) => new Date(`${p.month}-01T00:00:00Z`)), { x1: (d: Date) => d, x2: (d: Date) => nextMonth(d), fill: '#888', fillOpacity: 0.18 }),
      Plot.areaY(rows, Plot.stackY({ x: 'month', y: 'count', fill: 'group', order: groups, curve: 'step-after',
        tip: true, title: (d: MonthlyGroupCount) => `${fmt.month(d.month)}\n${d.group}: ${d.count}` })),
      Plot.ruleY([0]),
      ...eventMarks([NIBRS_BREAK, ...events]),
    ],
  })), [rows, events, groups, marked]);
  return (
    <ChartFrame
      title="Addiction-associated offenses per month"
      description={`Reported offenses often linked to substance use, stacked by group (${source}). Dashed lines mark program events and the 2021 change in FBI reporting.`}
      definition="Addiction-associated: burglary (NIBRS 220), larceny (23A-23H, incl. shoplifting 23C and theft from motor vehicle 23F), motor vehicle theft (240), stolen property (280) and drug violations (35A/35B). Counts are reported offenses, not people; a change over time does not by itself show the program caused it."
      rows={marked.rows} columns={columns} render={render} fileName="addiction-associated-offenses"
      note={partialText(marked.partial, 'It is shaded grey')}
      empty="No crime data with addiction-associated offenses is loaded." testId="chart-crime" loading={loading}
    />
  );
}
