import { utcDay } from 'd3-time';
/** Reporting periods: parsing the short names used in links, labels, intersection and the list of
 *  periods a data range offers. Pure functions, no DOM, no DuckDB.
 *
 *  A period is half-open: it contains `from` and excludes `to` (ISO dates, YYYY-MM-DD). Either end
 *  may be open. Names:
 *    2024        calendar year            2024-Q1   calendar quarter
 *    2024-H1     January to June          2024-H2   July to December
 *    FY2024      US federal fiscal year, 1 Oct 2023 to 30 Sep 2024
 *    2024-03     a month
 *    2024-01-15..2024-06-30   a custom range, both days included */
export interface Period { from?: string; to?: string }

export type PeriodKind = 'all' | 'year' | 'quarter' | 'half' | 'fiscal' | 'month' | 'custom';

export interface NamedPeriod extends Period { kind: PeriodKind; name: string; label: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const ALL_TIME: NamedPeriod = { kind: 'all', name: '', label: 'All loaded data' };

function iso(y: number, m: number, d = 1): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

function validDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The day after an ISO date. */
export function nextDay(s: string): string {
  return addDays(s, 1);
}

/** The day before an ISO date. */
export function previousDay(s: string): string {
  return addDays(s, -1);
}

function dayLabel(s: string): string {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/** Reads a period name; null when it is not one. */
export function parsePeriod(name: string | null | undefined): NamedPeriod | null {
  const s = (name ?? '').trim();
  if (s === '' || s === 'all') return ALL_TIME;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = +m[1]!;
    return { kind: 'year', name: s, label: `Calendar year ${y}`, from: iso(y, 1), to: iso(y + 1, 1) };
  }
  if ((m = s.match(/^(\d{4})-Q([1-4])$/))) {
    const y = +m[1]!, q = +m[2]!;
    return { kind: 'quarter', name: s, label: `Q${q} ${y} (${MONTHS[3 * q - 3]!.slice(0, 3)}–${MONTHS[3 * q - 1]!.slice(0, 3)})`,
      from: iso(y, 3 * q - 2), to: q === 4 ? iso(y + 1, 1) : iso(y, 3 * q + 1) };
  }
  if ((m = s.match(/^(\d{4})-H([12])$/))) {
    const y = +m[1]!, h = +m[2]!;
    return { kind: 'half', name: s, label: h === 1 ? `January–June ${y}` : `July–December ${y}`,
      from: iso(y, h === 1 ? 1 : 7), to: h === 1 ? iso(y, 7) : iso(y + 1, 1) };
  }
  if ((m = s.match(/^FY(\d{4})$/))) {
    const y = +m[1]!;
    return { kind: 'fiscal', name: s, label: `Federal fiscal year ${y} (Oct ${y - 1}–Sep ${y})`, from: iso(y - 1, 10), to: iso(y, 10) };
  }
  if ((m = s.match(/^(\d{4})-(0[1-9]|1[0-2])$/))) {
    const y = +m[1]!, mo = +m[2]!;
    return { kind: 'month', name: s, label: `${MONTHS[mo - 1]} ${y}`, from: iso(y, mo), to: mo === 12 ? iso(y + 1, 1) : iso(y, mo + 1) };
  }
  if ((m = s.match(/^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/))) {
    const [a, b] = [m[1], m[2]];
    if ((a && !validDay(a)) || (b && !validDay(b)) || (!a && !b)) return null;
    if (a && b && b < a) return null;
    const label = a && b ? `${dayLabel(a)} to ${dayLabel(b)}` : a ? `From ${dayLabel(a)}` : `Up to ${dayLabel(b!)}`;
    return { kind: 'custom', name: s, label, ...(a ? { from: a } : {}), ...(b ? { to: nextDay(b) } : {}) };
  }
  return null;
}

/** The custom-range name for two inclusive days (either may be empty). */
export function customPeriodName(firstDay: string, lastDay: string): string {
  return `${firstDay}..${lastDay}`;
}

/** The part two periods share. It may be empty (from >= to): see `isEmptyPeriod`. */
export function intersect(a: Period, b: Period): Period {
  const from = a.from && b.from ? (a.from > b.from ? a.from : b.from) : (a.from ?? b.from);
  const to = a.to && b.to ? (a.to < b.to ? a.to : b.to) : (a.to ?? b.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function isEmptyPeriod(p: Period): boolean {
  return !!(p.from && p.to && p.from >= p.to);
}

/** The named periods of one kind that overlap the data's first and last dates, newest first. */
export function periodsBetween(kind: Exclude<PeriodKind, 'all' | 'custom'>, first: Date, last: Date): NamedPeriod[] {
  const out: NamedPeriod[] = [];
  const y0 = first.getUTCFullYear(), y1 = last.getUTCFullYear();
  const names: string[] = [];
  for (let y = y1 + (kind === 'fiscal' ? 1 : 0); y >= y0; y--) {
    if (kind === 'year') names.push(`${y}`);
    if (kind === 'fiscal') names.push(`FY${y}`);
    if (kind === 'half') names.push(`${y}-H2`, `${y}-H1`);
    if (kind === 'quarter') names.push(`${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
    if (kind === 'month') for (let m = 12; m >= 1; m--) names.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const lo = first.toISOString().slice(0, 10), hi = last.toISOString().slice(0, 10);
  for (const n of names) {
    const p = parsePeriod(n)!;
    if (p.from! <= hi && p.to! > lo) out.push(p);
  }
  return out;
}

function shiftYears(s: string, years: number): string {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year without it.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return iso(y + years, m, Math.min(d, last));
}

function utc(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

function daysBetween(from: string, to: string): number {
  return utcDay.count(utc(from), utc(to));
}

function addDays(s: string, n: number): string {
  return utcDay.offset(utc(s), n).toISOString().slice(0, 10);
}

/** A custom period from two half-open ends, with its name and label. */
function customFrom(from: string, to: string): NamedPeriod {
  return parsePeriod(customPeriodName(from, previousDay(to)))!;
}

/** The period just before, of the same kind and length: the previous quarter, half, fiscal year,
 *  calendar year or month; for a custom range, the same number of days ending the day before it.
 *  Null for open-ended periods (all data, "from" or "up to"). */
export function previousPeriod(p: NamedPeriod): NamedPeriod | null {
  if (!p.from || !p.to) return null;
  let m: RegExpMatchArray | null;
  if (p.kind === 'year') return parsePeriod(String(+p.name - 1));
  if (p.kind === 'fiscal') return parsePeriod(`FY${+p.name.slice(2) - 1}`);
  if (p.kind === 'quarter' && (m = p.name.match(/^(\d{4})-Q(\d)$/))) {
    const y = +m[1]!, q = +m[2]!;
    return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`);
  }
  if (p.kind === 'half' && (m = p.name.match(/^(\d{4})-H(\d)$/))) return parsePeriod(m[2] === '1' ? `${+m[1]! - 1}-H2` : `${m[1]}-H1`);
  if (p.kind === 'month') {
    const from = p.from.slice(0, 7);
    const [y, mo] = from.split('-').map(Number) as [number, number];
    return parsePeriod(mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`);
  }
  const n = daysBetween(p.from, p.to);
  return customFrom(addDays(p.from, -n), p.from);
}

/** The same period a year earlier (29 February becomes 28 February). Null for open-ended periods. */
export function sameLastYear(p: NamedPeriod): NamedPeriod | null {
  if (!p.from || !p.to) return null;
  if (p.kind === 'year') return parsePeriod(String(+p.name - 1));
  if (p.kind === 'fiscal') return parsePeriod(`FY${+p.name.slice(2) - 1}`);
  if (p.kind === 'quarter' || p.kind === 'half' || p.kind === 'month') return parsePeriod(`${+p.name.slice(0, 4) - 1}${p.name.slice(4)}`);
  // Shift the last day included, not the exclusive end: 1 Jan-28 Feb 2024 becomes 1 Jan-28 Feb 2023.
  return customFrom(shiftYears(p.from, -1), nextDay(shiftYears(previousDay(p.to), -1)));
}

/** The newest period of a kind that the data cover to its last day: the default for a report, so
 *  that a briefing never compares a half-finished quarter with a whole one. Falls back to the
 *  newest period that overlaps the data when none is complete. */
export function latestCompletePeriod(kind: Exclude<PeriodKind, 'all' | 'custom'>, first: Date, last: Date): NamedPeriod | null {
  const all = periodsBetween(kind, first, last);
  // A week's slack: records that stop a few days before a quarter ends (no one came on its last
  // days) still cover that quarter.
  const end = new Date(last.getTime() + 8 * 86_400_000).toISOString().slice(0, 10);
  return all.find((p) => p.to! <= end) ?? all[0] ?? null;
}
