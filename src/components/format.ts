const nf = new Intl.NumberFormat('en-US');
const nf1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export const fmt = {
  int: (v: number | null | undefined) => (v == null ? '—' : nf.format(Math.round(v))),
  num1: (v: number | null | undefined) => (v == null ? '—' : nf1.format(v)),
  usd: (v: number | null | undefined) => (v == null ? '—' : usd.format(v)),
  pct: (v: number | null | undefined) => (v == null ? '—' : pct.format(v)),
  month: (d: Date | null | undefined) => (d == null ? '—' : month.format(d)),
  day: (d: Date | null | undefined) => (d == null ? '—' : day.format(d)),
  /** A table cell: numbers with separators, dates as ISO, null as a dash. */
  cell: (v: unknown) => (v == null ? '—' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? nf.format(v) : String(v)),
};
