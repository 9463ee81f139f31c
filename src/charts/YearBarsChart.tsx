import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame, type FrameText } from './ChartFrame.tsx';
import { labelGroups } from './marks.ts';

export interface YearFigure extends Record<string, unknown> { year: number; value: number | null; status: string }

/** A figure per year as one bar per year: yearly figures are never spread over months. A year
 *  without a figure (withheld, not given) has no bar and is marked along the bottom. `format`:
 *  how a value is written (whole numbers by default; a rate with one decimal). `mark`: a year to
 *  outline (the program's launch year), with what to call it. */
export function YearBarsChart({ rows, valueLabel, format = fmt.int, mark, ...frame }: Omit<FrameText, 'columns'> & {
  rows: YearFigure[]; valueLabel: string; format?: (v: number) => string; mark?: { year: number; label: string };
}) {
  const missing = useMemo(() => rows.filter((r) => r.value == null), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 240, marginLeft: 56,
    x: { type: 'band', label: null, domain: rows.map((r) => String(r.year)) },
    y: { grid: true, label: valueLabel, zero: true },
    marks: [
      Plot.barY(rows.filter((r) => r.value != null), { x: (d: YearFigure) => String(d.year), y: 'value', fill: '#1f4e79', tip: true,
        title: (d: YearFigure) => `${d.year}: ${format(d.value!)}` }),
      ...(mark && rows.some((r) => r.year === mark.year)
        ? [Plot.text([mark], { x: (d: { year: number }) => String(d.year), frameAnchor: 'top', text: 'label', dy: 4, fill: '#b3261e', fontSize: 10 })]
        : []),
      Plot.text(missing, { x: (d: YearFigure) => String(d.year), y: 0, text: (d: YearFigure) => d.status, dy: -8, fill: '#b3261e', fontSize: 10 }),
      Plot.ruleY([0]),
    ],
  })), [rows, missing, valueLabel, format, mark]);
  return (
    <ChartFrame {...frame} rows={rows} render={render}
      columns={[
        { key: 'year', label: 'Year', format: (v) => String(v) },
        { key: 'value', label: valueLabel[0]!.toUpperCase() + valueLabel.slice(1), numeric: true, format: (v) => (v == null ? '—' : format(v as number)) },
        { key: 'status', label: 'Note', format: (v) => (v === 'reported' ? '' : String(v)) },
      ]} />
  );
}
