import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame, type FrameText } from './ChartFrame.tsx';
import { labelGroups } from './marks.ts';

export interface YearFigure extends Record<string, unknown> { year: number; deaths: number | null; status: string }

/** A count per year as one bar per year: yearly figures are never spread over months. A year
 *  without a figure (withheld) has no bar and is marked along the bottom. */
export function YearBarsChart({ rows, valueLabel, ...frame }: Omit<FrameText, 'columns'> & { rows: YearFigure[]; valueLabel: string }) {
  const withheld = useMemo(() => rows.filter((r) => r.deaths == null), [rows]);
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 240, marginLeft: 48,
    x: { type: 'band', label: null, domain: rows.map((r) => String(r.year)) },
    y: { grid: true, label: valueLabel, zero: true },
    marks: [
      Plot.barY(rows.filter((r) => r.deaths != null), { x: (d: YearFigure) => String(d.year), y: 'deaths', fill: '#1f4e79', tip: true,
        title: (d: YearFigure) => `${d.year}: ${fmt.int(d.deaths)}` }),
      Plot.text(withheld, { x: (d: YearFigure) => String(d.year), y: 0, text: (d: YearFigure) => d.status, dy: -8, fill: '#b3261e', fontSize: 10 }),
      Plot.ruleY([0]),
    ],
  })), [rows, withheld, valueLabel]);
  return (
    <ChartFrame {...frame} rows={rows} render={render}
      columns={[
        { key: 'year', label: 'Year', format: (v) => String(v) },
        { key: 'deaths', label: valueLabel[0]!.toUpperCase() + valueLabel.slice(1), numeric: true, format: (v) => (v == null ? '—' : fmt.int(v as number)) },
        { key: 'status', label: 'Note', format: (v) => (v === 'reported' ? '' : String(v)) },
      ]} />
  );
}
