import type { Period, ProgramFilter } from '../filters.ts';
import { monthOfDay, NO_DATE, type Dictionary, type ProgramIndex } from './programIndex.ts';

/** The rows of the index a filter keeps, as the SQL `WHERE` clauses of metrics/filters.ts keep
 *  them: every period (from inclusive, to exclusive, compared with the row's date), then agency,
 *  pathway and treatment type among those listed (a blank value is never among them). */

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Milliseconds bounds of the periods' overlap: [from, to). */
function bounds(periods: readonly Period[]): [number, number] {
  let lo = -Infinity, hi = Infinity;
  for (const p of periods) {
    if (p.from) lo = Math.max(lo, dayOf(p.from) * DAY);
    if (p.to) hi = Math.min(hi, dayOf(p.to) * DAY);
  }
  return [lo, hi];
}

/** codes[k] = 1 when the value with code k is listed; null when the list does not narrow. */
function allowed(dict: Dictionary, values: readonly string[] | undefined): Uint8Array | null {
  if (!values || values.length === 0) return null;
  const wanted = new Set(values);
  const out = new Uint8Array(dict.length);
  for (let k = 1; k < dict.length; k++) if (wanted.has(dict[k]!)) out[k] = 1;
  return out;
}

/** The last selection made on each index: a page's metrics all narrow by the same filter, so the
 *  encounters are scanned once per filter change, not once per metric. */
const lastSelection = new WeakMap<ProgramIndex, { key: string; rows: Int32Array }>();

/** Row numbers of the encounters the filter keeps, in index order. Treat as read-only. */
export function selectEncounters(ix: ProgramIndex, f: ProgramFilter): Int32Array {
  const key = JSON.stringify([f.periods, f.agency, f.pathway, f.treatment]);
  const last = lastSelection.get(ix);
  if (last?.key === key) return last.rows;
  const rows = scanEncounters(ix, f);
  lastSelection.set(ix, { key, rows });
  return rows;
}

function scanEncounters(ix: ProgramIndex, f: ProgramFilter): Int32Array {
  const e = ix.encounters;
  const [lo, hi] = bounds(f.periods);
  const dated = f.periods.some((p) => p.from || p.to);
  const a = allowed(e.dict.agency, f.agency), p = allowed(e.dict.pathway, f.pathway), t = allowed(e.dict.treatment, f.treatment);
  const out = new Int32Array(e.n);
  let n = 0;
  for (let i = 0; i < e.n; i++) {
    if (dated) {
      const d = e.date[i]!;
      // NaN (no date) fails both tests, as NULL fails a SQL comparison.
      if (!(d >= lo && d < hi)) continue;
    }
    if (a && !a[e.agency[i]!]) continue;
    if (p && !p[e.pathway[i]!]) continue;
    if (t && !t[e.treatment[i]!]) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

function selectDays(days: Int32Array, periods: readonly Period[], keep: (i: number) => boolean): Int32Array {
  const [lo, hi] = bounds(periods);
  const dated = periods.some((p) => p.from || p.to);
  const out = new Int32Array(days.length);
  let n = 0;
  for (let i = 0; i < days.length; i++) {
    if (dated) {
      const d = days[i]!;
      if (d === NO_DATE || !(d * DAY >= lo && d * DAY < hi)) continue;
    }
    if (!keep(i)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Cost entries: by their date only (the ledger records no agency, pathway or treatment). */
export function selectCosts(ix: ProgramIndex, f: ProgramFilter): Int32Array {
  return selectDays(ix.costs.day, f.periods, () => true);
}

/** Naloxone log rows: their date and their agency. */
export function selectNaloxone(ix: ProgramIndex, f: ProgramFilter): Int32Array {
  const a = allowed(ix.naloxone.dict.agency, f.agency);
  return selectDays(ix.naloxone.day, f.periods, a ? (i) => !!a[ix.naloxone.agency[i]!] : () => true);
}

/** The months a monthly series shows: every month from `first` to `last` (months since 1970) that
 *  lies inside the filter's periods, as metrics/filters.ts `monthSpine` clips them (a month is
 *  kept when its first day is on or after the first day of the month a period starts in, and
 *  before the period's end). Empty when the table has no dated row (first > last). */
export function monthSpine(first: number, last: number, periods: readonly Period[]): number[] {
  if (first > last) return [];
  let lo = first, hiExclusiveDay = Infinity;
  for (const p of periods) {
    if (p.from) lo = Math.max(lo, monthOfDay(dayOf(p.from)));
    if (p.to) hiExclusiveDay = Math.min(hiExclusiveDay, dayOf(p.to));
  }
  const out: number[] = [];
  for (let m = lo; m <= last; m++) if (monthStartDay(m) < hiExclusiveDay) out.push(m);
  return out;
}

/** The first day (days since 1970) of a month number. */
export function monthStartDay(m: number): number {
  return Date.UTC(1970 + Math.floor(m / 12), ((m % 12) + 12) % 12, 1) / DAY;
}

/** The date DuckDB returns for a month number (its first day, midnight UTC). */
export function monthDate(m: number): Date {
  return new Date(monthStartDay(m) * DAY);
}
