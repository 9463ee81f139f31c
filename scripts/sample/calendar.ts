// Calendar arithmetic on plain integers, independent of the machine's time zone and locale.
// A "day" is the number of days since 1970-01-01; a "minute" the number of minutes since then.

export type YearMonth = { year: number; month: number };

const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parse `YYYY-MM-DD` into a day number. */
export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function parts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function formatDay(day: number): string {
  const p = parts(day);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.date, 2)}`;
}

export function formatMinute(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const rest = minute - day * MINUTES_PER_DAY;
  return `${formatDay(day)} ${pad(Math.floor(rest / 60), 2)}:${pad(rest % 60, 2)}`;
}

export function monthOfDay(day: number): YearMonth {
  const p = parts(day);
  return { year: p.year, month: p.month };
}

export function formatMonth(ym: YearMonth): string {
  return `${pad(ym.year, 4)}-${pad(ym.month, 2)}-01`;
}

export function daysInMonth(ym: YearMonth): number {
  return dayOf(ym.year, ym.month + 1, 1) - dayOf(ym.year, ym.month, 1);
}

export function firstDayOfMonth(ym: YearMonth): number {
  return dayOf(ym.year, ym.month, 1);
}

export function lastDayOfMonth(ym: YearMonth): number {
  return dayOf(ym.year, ym.month + 1, 1) - 1;
}

/** Whole months from `a` to `b` (b - a). */
export function monthDiff(a: YearMonth, b: YearMonth): number {
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Every month from `start` to `end`, both inclusive. */
export function monthRange(start: YearMonth, end: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = 0; i <= monthDiff(start, end); i++) {
    const index = start.year * 12 + (start.month - 1) + i;
    out.push({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }
  return out;
}

/** Smooth annual cycle: +amplitude at the peak month, -amplitude six months away. */
export function seasonal(month: number, amplitude: number, peakMonth = 7): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (month - peakMonth)) / 12);
}
