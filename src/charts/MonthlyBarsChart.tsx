import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { fmt } from '../components/format.ts';
import { ChartFrame, type FrameText } from './ChartFrame.tsx';
import { labelGroups, nextMonth } from './marks.ts';

/** One figure per month as bars (spend per month, naloxone kits handed out). */
export function MonthlyBarsChart<T extends { month: Date }>({ rows, valueKey, valueLabel, format, color = '#1f4e79', ...frame }: FrameText & {
  rows: T[];
  valueKey: keyof T & string;
  valueLabel: string;
  format: (v: number) => string;
  color?: string;
}) {
  const render = useCallback((width: number) => labelGroups(Plot.plot({
    width, height: 240, marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { grid: true, label: valueLabel, tickFormat: (v: number) => format(v) },
    marks: [
      Plot.rectY(rows, { x1: 'month', x2: (d: T) => nextMonth(d.month), y: valueKey, fill: color, inset: 0.5,
        tip: true, title: (d: T) => `${fmt.month(d.month)}\n${valueLabel}: ${format(Number(d[valueKey] ?? 0))}` }),
      Plot.ruleY([0]),
    ],
  })), [rows, valueKey, valueLabel, format, color]);
  return (
    <ChartFrame {...frame} rows={rows} render={render} />
  );
}
