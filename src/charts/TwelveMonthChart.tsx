import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame, type FrameText } from './ChartFrame.tsx';
import { eventMarks, eventsWithin, labelGroups, midMonth, type Annotation } from './marks.ts';

/** A month of a 12-month-ending series: its value, the value a year earlier, and why a value is
 *  missing (suppressed, not reported). */
export interface EndingRow extends Record<string, unknown> {
  month: Date;
  value: number | null;
  yearEarlier: number | null;
  change: number | null;
  status: string | null;
}

/** A 12-month-ending count (each point: the 12 months up to that month) with the same line one
 *  year earlier (dashed) for a year-over-year reading. Missing values are gaps, and suppressed
 *  months are marked along the bottom. */
export function TwelveMonthChart({ rows, label, events, height = 260, ...frame }: Omit<FrameText, 'columns' | 'fileName'> & {
  height?: number;
  rows: EndingRow[];
  label: string;
  events: Annotation[];
  fileName: string;
}) {
  const suppressed = useMemo(() => rows.filter((r) => r.value == null && r.status), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height, marginTop: 28, marginLeft: 52,
    x: { type: 'utc', label: null },
    y: { grid: true, label: `${label}, 12 months ending`, zero: true },
    color: { legend: true, domain: ['12 months ending in the month', 'The same, one year earlier'], range: ['#1f4e79', '#8a949e'] },
    marks: [
      Plot.lineY(rows, { x: (d: EndingRow) => midMonth(d.month), y: 'yearEarlier', stroke: '#8a949e', strokeDasharray: '5,3', strokeWidth: 1.5 }),
      Plot.lineY(rows, { x: (d: EndingRow) => midMonth(d.month), y: 'value', stroke: '#1f4e79', strokeWidth: 2 }),
      Plot.dot(suppressed, { x: (d: EndingRow) => midMonth(d.month), y: 0, symbol: 'times', stroke: '#b3261e', r: 3 }),
      Plot.tip(rows, Plot.pointerX({ x: (d: EndingRow) => midMonth(d.month), y: (d: EndingRow) => d.value ?? 0,
        title: (d: EndingRow) => `12 months ending ${fmt.month(d.month)}: ${d.value == null ? (d.status ?? 'not given') : fmt.int(d.value)}${d.yearEarlier != null ? `\nA year earlier: ${fmt.int(d.yearEarlier)}` : ''}${d.change != null ? `\nChange: ${d.change > 0 ? '+' : ''}${fmt.int(d.change)}` : ''}` })),
      Plot.ruleY([0]),
      ...eventMarks(eventsWithin(events, rows)),
    ],
  })), [rows, label, suppressed, events, height]);
  const show = (v: unknown) => (v == null ? '—' : fmt.int(v as number));
  return (
    <ChartFrame {...frame} rows={rows} render={render}
      definition={<>{frame.definition}{suppressed.length > 0 && <> <strong data-testid="suppressed-note">{suppressed.length} {suppressed.length === 1 ? 'month is' : 'months are'} suppressed or not published (red crosses along the bottom): shown as gaps, never as zero.</strong></>}</>}
      columns={[
        { key: 'month', label: '12 months ending', format: (v) => fmt.month(v as Date) },
        { key: 'value', label, numeric: true, format: (v) => show(v) },
        { key: 'yearEarlier', label: 'A year earlier', numeric: true, format: show },
        { key: 'change', label: 'Change', numeric: true, format: (v) => (v == null ? '—' : `${(v as number) > 0 ? '+' : ''}${fmt.int(v as number)}`) },
        { key: 'status', label: 'Note', format: (v) => (v == null ? '' : String(v)) },
      ]} />
  );
}
