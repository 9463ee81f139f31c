/** How a headline figure changed against another period, in words a council reads at a glance.
 *  Counts: the difference, and the percentage only when the earlier count is at least 20 (a
 *  percentage of a handful is noise dressed as a finding). Rates: percentage points. Hours and
 *  dollars: the difference in their unit. Pure functions. */
export type FigureKind = 'count' | 'rate' | 'hours' | 'usd';

const nf = new Intl.NumberFormat('en-US');
const nf1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** Smallest earlier count that a percentage change is given for. */
export const MIN_BASE_FOR_PERCENT = 20;

const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');

export function describeChange(kind: FigureKind, now: number | null, then: number | null): string {
  if (now == null || then == null) return 'no figure to compare';
  const d = now - then;
  switch (kind) {
    case 'count': {
      if (d === 0) return 'no change';
      const pct = then >= MIN_BASE_FOR_PERCENT ? ` (${sign(d)}${Math.round(Math.abs(d / then) * 100)}%)` : '';
      return `${sign(d)}${nf.format(Math.abs(d))}${pct}`;
    }
    case 'rate': {
      const pts = Math.round(d * 1000) / 10;
      return pts === 0 ? 'no change' : `${sign(pts)}${nf1.format(Math.abs(pts))} pts`;
    }
    case 'hours': {
      const h = Math.round(d * 10) / 10;
      return h === 0 ? 'no change' : `${sign(h)}${nf1.format(Math.abs(h))} h`;
    }
    case 'usd': {
      const v = Math.round(d);
      return v === 0 ? 'no change' : `${sign(v)}${usd.format(Math.abs(v))}`;
    }
  }
}

export function formatFigure(kind: FigureKind, v: number | null): string {
  if (v == null) return '—';
  if (kind === 'count') return nf.format(v);
  if (kind === 'rate') return `${nf1.format(v * 100)}%`;
  if (kind === 'hours') return `${nf1.format(v)} h`;
  return usd.format(v);
}
