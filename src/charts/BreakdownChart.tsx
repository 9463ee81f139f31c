import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { ChartFrame, type FrameText } from './ChartFrame.tsx';
import { labelGroups } from './marks.ts';

export interface BarSeries { key: string; label: string; color: string }

/** Horizontal bars for the values of one field, one bar per series side by side (for example
 *  encounters and people), each labelled with its figure. */
export function BreakdownChart({ rows, tableRows, category, series, format, axisFormat, ...frame }: FrameText & {
  rows: Record<string, unknown>[];
  /** The rows of the data table and CSV when they are more than the bars drawn. */
  tableRows?: Record<string, unknown>[];
  category: string;
  series: readonly BarSeries[];
  format: (v: number) => string;
  /** The value axis' tick format (a d3-format string such as ".0%"); plain numbers otherwise. */
  axisFormat?: string;
}) {
  const render = useCallback((width: number) => {
    const long = rows.flatMap((r) => series.map((s) => ({ category: String(r[category]), series: s.label, value: Number(r[s.key] ?? 0) })));
    const longest = Math.max(...rows.map((r) => String(r[category]).length), 4);
    const categories = rows.map((r) => String(r[category]));
    const bar = { x: 'value', fill: 'series', tip: true, title: (d: (typeof long)[number]) => `${d.category}\n${d.series}: ${format(d.value)}` } as const;
    const label = { x: 'value', text: (d: (typeof long)[number]) => format(d.value), textAnchor: 'start', dx: 4, fontSize: 11 } as const;
    // One series: one bar per category on a band scale. Several: a facet per category, the series
    // side by side in it. Facets cost Plot a group and a pass per category, so one series does
    // without them (a third of the drawing time of a seven-band chart, timed in Chromium).
    const one = series.length === 1;
    return labelGroups(Plot.plot({
      width, marginLeft: Math.min(220, 12 + longest * 6.5), marginRight: 64, ...(one ? { marginTop: 6 } : {}),
      height: 24 + rows.length * (series.length * 16 + 10),
      x: { grid: true, label: null, nice: true, ...(axisFormat ? { tickFormat: axisFormat } : {}) },
      y: one ? { label: null, domain: categories, padding: 0.36, tickSize: 0 } : { label: null, axis: null, domain: series.map((s) => s.label) },
      ...(one ? {} : { fy: { label: null, axis: 'left', domain: categories, padding: 0.2 } }),
      color: { legend: series.length > 1, domain: series.map((s) => s.label), range: series.map((s) => s.color) },
      marks: one
        ? [Plot.barX(long, { ...bar, y: 'category' }), Plot.text(long, { ...label, y: 'category' }), Plot.ruleX([0])]
        : [Plot.barX(long, { ...bar, y: 'series', fy: 'category' }), Plot.text(long, { ...label, y: 'series', fy: 'category' }), Plot.ruleX([0])],
    }));
  }, [rows, category, series, format, axisFormat]);
  return (
    <ChartFrame {...frame} rows={tableRows ?? rows} render={render} />
  );
}
