import type { Cell } from '../snapshot/snapshotFormat.ts';

/** How a value column is read, from its id: money (USD), a share (a percentage, 0 to 100), hours,
 *  or a count. */
export type ColumnKind = 'usd' | 'share' | 'hours' | 'count';

export function columnKind(column: string): ColumnKind {
  if (/usd|spend|cost/.test(column)) return 'usd';
  if (/share|rate|pct|percent/.test(column)) return 'share';
  if (/hours/.test(column)) return 'hours';
  return 'count';
}

/** A date from the snapshot: "2025-06-30" (a day) or a full ISO timestamp. */
export function parseDate(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(s);
}

/** Number and date formatting for one locale (en-US or es-US), all through Intl. Dates are shown
 *  in UTC: the snapshot's days are calendar days, not instants in the reader's time zone. */
export function formatters(locale: string) {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    count: (v: number) => count.format(v),
    /** A value of a column, formatted by what the column holds. */
    value: (column: string, v: number) => {
      switch (columnKind(column)) {
        case 'usd': return usd.format(v);
        case 'share': return pct.format(v / 100);
        case 'hours': return one.format(v);
        default: return count.format(v);
      }
    },
    day: (iso: string) => day.format(parseDate(iso)),
    month: (iso: string) => month.format(parseDate(iso)),
    monthName: (iso: string) => monthOnly.format(parseDate(iso)),
    list: (items: string[]) => list.format(items),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** The numbers of a cell, or null for "suppressed" and "n/a". */
export const numeric = (c: Cell | undefined): number | null => (typeof c === 'number' && Number.isFinite(c) ? c : null);
