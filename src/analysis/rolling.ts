/** 12-month-ending sums and year-over-year comparisons of monthly series. Pure functions.
 *
 *  Overdose counts swing from month to month and by season, so a month is never compared with the
 *  month before: a 12-month-ending count (the sum of the 12 months up to and including a month) is
 *  compared with the 12-month-ending count one year earlier, two windows that do not overlap. */

export interface MonthValue { month: string; value: number | null }

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function index(month: string): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The sum of the 12 months ending at each month. A window with any month missing or unreported
 *  (null) has no sum (null): a gap is never filled with zero. The first 11 months have none. */
export function twelveMonthEnding(series: readonly MonthValue[]): MonthValue[] {
  const byIndex = new Map(series.map((s) => [index(s.month), s.value]));
  return series.map((s) => {
    const end = index(s.month);
    let sum = 0;
    for (let i = end - 11; i <= end; i++) {
      const v = byIndex.get(i);
      if (v == null) return { month: s.month, value: null };
      sum += v;
    }
    return { month: s.month, value: sum };
  });
}

export interface YearOverYear {
  month: string;
  value: number | null;
  yearEarlier: number | null;
  /** value − yearEarlier; null when either is missing. */
  change: number | null;
  /** change ÷ yearEarlier; null when either is missing or the year earlier is zero. */
  ratioChange: number | null;
}

/** Each 12-month-ending value beside the one 12 months earlier. */
export function yearOverYear(ending: readonly MonthValue[]): YearOverYear[] {
  const byIndex = new Map(ending.map((s) => [index(s.month), s.value]));
  return ending.map((s) => {
    const before = byIndex.get(index(s.month) - 12) ?? null;
    const change = s.value != null && before != null ? s.value - before : null;
    return { month: s.month, value: s.value, yearEarlier: before, change, ratioChange: change != null && before ? change / before : null };
  });
}

/** The latest month with a value and its year-over-year comparison, or null. */
export function latestComparison(ending: readonly MonthValue[]): YearOverYear | null {
  const yoy = yearOverYear(ending).filter((r) => r.value != null);
  return yoy.at(-1) ?? null;
}
