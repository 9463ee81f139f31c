import { utcMonth } from 'd3-time';
import * as Plot from '@observablehq/plot';
import { partialNote, type PartialMonth } from '../metrics/partialMonths.ts';

export interface Annotation { date: string; label: string }

/** The events that fall within the months shown (from the first month to the end of the last), so
 *  that an event far outside the data does not stretch the time axis. */
export function eventsWithin(events: readonly Annotation[], rows: readonly { month: Date }[]): Annotation[] {
  if (rows.length === 0) return [];
  const lo = rows[0]!.month.getTime(), hi = nextMonth(rows.at(-1)!.month).getTime();
  return events.filter((e) => { const t = Date.parse(`${e.date}T00:00:00Z`); return t >= lo && t <= hi; });
}

/** Vertical rules with labels for events such as the program launch. */
export function eventMarks(events: readonly Annotation[]) {
  const data = events.map((e) => ({ date: new Date(`${e.date}T00:00:00Z`), label: e.label }));
  // Labels are staggered one line apart so that events close in time do not overprint.
  return [
    Plot.ruleX(data, { x: 'date', stroke: '#b3261e', strokeDasharray: '4,3' }),
    ...data.map((d, i) =>
      Plot.text([d], { x: 'date', text: 'label', frameAnchor: 'top', dy: 2 + 13 * i, dx: 4, textAnchor: 'start',
        fill: '#b3261e', fontSize: 11, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })),
  ];
}

/** The y scale of a chart with a projection band (the impact and claim charts). A band far above
 *  the series (a few counts a month, a wide interval) would flatten the line, so the axis then stops
 *  at 1.6 times the largest count or projection and the band is cut there (marks with `clip`), and
 *  the note says how high it reaches. Otherwise the scale is Plot's own. */
export function bandScale(values: readonly (number | null)[], uppers: readonly (number | null)[]): { domain?: [number, number]; note?: string } {
  const top = 1.6 * Math.max(1, ...values.map((v) => v ?? 0));
  const bandTop = Math.max(0, ...uppers.map((v) => v ?? 0));
  if (bandTop <= top) return {};
  return { domain: [0, top], note: `The 95% band reaches ${bandTop.toLocaleString('en-US', { maximumFractionDigits: 1 })}, above the chart: the projection is very uncertain here; the data table gives it in full.` };
}

/** Makes Plot's aria-labelled groups into named groups for assistive technology. */
export function labelGroups(el: SVGSVGElement | HTMLElement): SVGSVGElement | HTMLElement {
  el.querySelectorAll('g[aria-label]').forEach((g) => g.setAttribute('role', 'group'));
  return el;
}

/** The first day of the next month, for bars that span a month. */
export function nextMonth(d: Date): Date {
  return utcMonth.offset(utcMonth.floor(d), 1);
}

/** The middle of a month, where a line's point for that month sits. */
export function midMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 15));
}

/** Long rows (one per month and series) from wide monthly rows. */
export function longMonthly<T extends { month: Date }>(rows: readonly T[], series: readonly { key: keyof T & string; label: string }[]) {
  return rows.flatMap((r) => series.map((s) => ({ month: r.month, series: s.label, value: (r[s.key] as number | null) ?? null })));
}

/** One point of a monthly line; `partial`: the records cover the month only in part (metrics/partialMonths). */
export interface LinePoint { month: Date; series: string; value: number | null; partial: boolean }

/** The marks of one monthly line (points of one series, in month order) that shows its partial
 *  months: solid between whole months (a partial month is a gap in it), dotted into and out of a
 *  partial month, and the partial month's point hollow. Colour by the `series` channel. */
export function monthlyLineMarks(points: readonly LinePoint[], { strokeWidth = 2, strokeDasharray, r = 2.5, wholeDots = true }: {
  strokeWidth?: number; strokeDasharray?: string; r?: number;
  /** false: only the partial months, and a month between two gaps (which the line cannot show),
   *  get a point. */
  wholeDots?: boolean;
} = {}) {
  const x = (d: LinePoint) => midMonth(d.month);
  const solid = points.map((p) => (p.partial ? { ...p, value: null } : p));
  const segments: (LinePoint & { segment: number })[] = [];
  points.forEach((p, i) => {
    if (!p.partial || p.value == null) return;
    const prev = points[i - 1], next = points[i + 1];
    if (prev?.value != null) segments.push({ ...prev, segment: 2 * i }, { ...p, segment: 2 * i });
    if (next?.value != null) segments.push({ ...p, segment: 2 * i + 1 }, { ...next, segment: 2 * i + 1 });
  });
  const partialDots = points.filter((p) => p.value != null && p.partial);
  const dots = points.filter((p, i) => p.value != null && !p.partial
    && (wholeDots || (points[i - 1]?.value == null && points[i + 1]?.value == null)));
  // A mark with nothing to draw still costs Plot its channels and scales: left out (most exports
  // have no partial month).
  return [
    Plot.lineY(solid, { x, y: 'value', stroke: 'series', strokeWidth, ...(strokeDasharray ? { strokeDasharray } : {}) }),
    ...(segments.length ? [Plot.lineY(segments, { x, y: 'value', z: 'segment', stroke: 'series', strokeWidth, strokeDasharray: '1,4', strokeLinecap: 'round' })] : []),
    ...(dots.length ? [Plot.dot(dots, { x, y: 'value', fill: 'series', r })] : []),
    ...(partialDots.length ? [Plot.dot(partialDots, { x, y: 'value', stroke: 'series', fill: 'white', strokeWidth: 1.5, r: r + 1.5 })] : []),
  ];
}

const ym = (d: Date) => d.toISOString().slice(0, 7);

/** A chart's monthly rows with a `note` on each partial month ("Partial month: data end on 12 March
 *  2024") for its data table and CSV, the partial months among them, and the table column. */
export function partialRows<T extends { month: Date }>(rows: T[], partial: ReadonlyMap<string, PartialMonth> | undefined) {
  const shown = partial?.size ? rows.flatMap((r) => { const p = partial.get(ym(r.month)); return p ? [p] : []; }) : [];
  return {
    rows: shown.length ? rows.map((r) => { const p = partial!.get(ym(r.month)); return p ? { ...r, note: `Partial month: ${partialNote(p)}` } : r; }) : rows,
    partial: shown,
    isPartial: (d: Date) => !!partial?.has(ym(d)),
    columns: shown.length ? [NOTE_COLUMN] : [],
  };
}

/** The data table's column for partial-month notes. */
export const NOTE_COLUMN = { key: 'note', label: 'Note', format: (v: unknown) => (v == null ? '' : String(v)) };

/** Said under a chart that shows partial months: which they are, and how they are drawn. */
export function partialText(partial: readonly PartialMonth[], drawn: string): string | undefined {
  if (partial.length === 0) return undefined;
  return `${partial.map((p) => `Partial month: ${partialNote(p)}.`).join(' ')} ${drawn}: the records cover only part of the month, so it is not comparable with whole months.`;
}
