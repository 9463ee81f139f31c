import { CRIME_SPANS } from '../db/derived.ts';
import { query } from './query.ts';

/* ------------------------------------------------------------------------------------------------
 * Partial months. The one rule every chart and the impact model read.
 *
 * A month is partial when the records of a series cover it only in part: the records start after
 * the month's first day, or end before its last day. Only incident-level sources (one row per
 * incident or encounter, with a date) can be partial; monthly-count files report whole months by
 * definition (they carry no column that says otherwise), so they have no spans here.
 *
 * "End before its last day" needs care: a file's last record is on the last day it had something
 * to record, and a quiet small town may simply have had no incident on the 30th and 31st. So the
 * gap between the records' last date and the month's end is compared with what the file's own
 * daily rate makes likely. With p = the share of the file's days (first to last date) that have at
 * least one record, a run of k days without a record happens by chance with probability about
 * (1 − p)^k. A gap is put down to quiet while that probability is at least 5%, i.e. for up to
 * QUIET = floor(ln 0.05 / ln(1 − p)) days; a longer gap means the file stops (or starts) there and
 * the month is partial. A city file with records every day (p = 1) has no tolerance: ending on the
 * 30th of a 31-day month is partial. A small town with records on 40% of days tolerates 5 days, so
 * a file ending on the 29th is whole; one ending on the 12th is partial. The same applies to the
 * first month (records starting after the 1st).
 *
 * Spans are per series and source file (a series can be fed by several files, e.g. one per year):
 * a month is whole when the files' spans, each widened by its own tolerance, together cover every
 * day of it. Gaps inside one file are not looked for.
 * ---------------------------------------------------------------------------------------------- */

/** The records of one series in one file: first and last date, and how many distinct days have a record. */
export interface Span { first: Date; last: Date; days: number }
export interface SpanRow extends Record<string, unknown>, Span { series: string; file: string }

/** A month the records cover only in part: `from` and `to` are the first and last covered days in it. */
export interface PartialMonth {
  /** 'YYYY-MM' */
  month: string;
  from: Date;
  to: Date;
  /** The records start after the month's first day. */
  start: boolean;
  /** The records end before the month's last day. */
  end: boolean;
}

/** The chance below which a run of empty days is not put down to a quiet spell. */
export const QUIET_CHANCE = 0.05;
const DAY = 86_400_000;

const dayNo = (d: Date) => Math.floor(d.getTime() / DAY);
const dateOf = (n: number) => new Date(n * DAY);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** Days without a record that the span's own daily rate explains as quiet (see the module comment). */
export function quietDays(span: Span): number {
  const length = dayNo(span.last) - dayNo(span.first) + 1;
  const p = length > 0 ? Math.min(1, span.days / length) : 1;
  if (p >= 1) return 0;
  if (p <= 0) return Infinity;
  return Math.floor(Math.log(QUIET_CHANCE) / Math.log(1 - p));
}

/** quietDays in SQL, for a query that works out its spans itself (e.g. over a window): `days`
 *  distinct days with a record from `first` to `last` (DATE expressions). The same rule. */
export function quietDaysSql(days: string, first: string, last: string): string {
  const p = `(CAST(${days} AS DOUBLE) / (date_diff('day', ${first}, ${last}) + 1))`;
  return `(CASE WHEN ${p} >= 1 THEN 0 WHEN ${p} <= 0 THEN 1000000 ELSE CAST(floor(ln(${QUIET_CHANCE}) / ln(1 - ${p})) AS INTEGER) END)`;
}

/** The partial months of one series, given its spans (one per source file), in month order. */
export function partialMonths(spans: readonly Span[]): PartialMonth[] {
  if (spans.length === 0) return [];
  // Each span widened by its tolerance, then merged where they overlap or touch.
  const wide = spans.map((s) => { const q = quietDays(s); return [dayNo(s.first) - q, dayNo(s.last) + q] as [number, number]; })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of wide) {
    const cur = merged.at(-1);
    if (cur && a <= cur[1] + 1) cur[1] = Math.max(cur[1], b);
    else merged.push([a, b]);
  }
  const lo = Math.min(...spans.map((s) => dayNo(s.first))), hi = Math.max(...spans.map((s) => dayNo(s.last)));
  const out: PartialMonth[] = [];
  const d0 = dateOf(lo);
  for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth(); ; m++) {
    const mStart = dayNo(new Date(Date.UTC(y, m, 1)));
    if (mStart > hi) break;
    const mEnd = dayNo(new Date(Date.UTC(y, m + 1, 1))) - 1;
    if (!merged.some(([a, b]) => a <= mStart && b >= mEnd)) {
      const inside = spans.filter((s) => dayNo(s.first) <= mEnd && dayNo(s.last) >= mStart);
      const from = Math.max(mStart, Math.min(...inside.map((s) => dayNo(s.first))));
      const to = Math.min(mEnd, Math.max(...inside.map((s) => dayNo(s.last))));
      out.push({ month: monthKey(dateOf(mStart)), from: dateOf(from), to: dateOf(to), start: from > mStart, end: to < mEnd });
    }
  }
  return out;
}

/** Partial months of every series in `rows`, keyed by series, then by month 'YYYY-MM'. */
export function partialMonthsBySeries(rows: readonly SpanRow[]): Map<string, Map<string, PartialMonth>> {
  const bySeries = new Map<string, SpanRow[]>();
  for (const r of rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r]);
  return new Map([...bySeries].map(([s, spans]) => [s, new Map(partialMonths(spans).map((p) => [p.month, p]))]));
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

/** What a chart says of a partial month: "data end on 12 March 2024". */
export function partialNote(p: PartialMonth): string {
  if (p.end && !p.start) return `data end on ${dayMonth.format(p.to)}`;
  if (p.start && !p.end) return `data start on ${dayMonth.format(p.from)}`;
  return `data cover only ${p.from.getUTCDate()} to ${dayMonth.format(p.to)}`;
}

/** What the impact model says of a month it leaves out: "March 2024 left out: the file covers it only to the 12th". */
export function leftOutNote(p: PartialMonth): string {
  const span = p.end && !p.start ? `to the ${ordinal(p.to.getUTCDate())}`
    : p.start && !p.end ? `from the ${ordinal(p.from.getUTCDate())}`
      : `from the ${ordinal(p.from.getUTCDate())} to the ${ordinal(p.to.getUTCDate())}`;
  return `${monthYear.format(new Date(`${p.month}-01T00:00:00Z`))} left out: the file covers it only ${span}`;
}

/** A monthly series with its partial months set to null (left out of a model, never counted as
 *  low), and the partial months that were set aside, in order. */
export function withoutPartial(months: readonly string[], counts: readonly (number | null)[], partial: ReadonlyMap<string, PartialMonth> | undefined) {
  const left: PartialMonth[] = [];
  const kept = counts.map((c, i) => {
    const p = partial?.get(months[i]!);
    if (!p) return c;
    if (c !== null) left.push(p);
    return null;
  });
  return { counts: kept, left };
}

/** The spans of every incident-record crime series, by source file (the series as in crime_facts). */
export function crimeSpans() {
  return query<SpanRow>(`SELECT series, file, first, last, days FROM ${CRIME_SPANS}`);
}
