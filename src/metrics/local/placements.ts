import { narrowsBeyondPeriod, type ProgramFilter } from '../filters.ts';
import type { MonthlyPlacements, ProgramKpis } from '../placements.ts';
import { dateOrNull, DistinctPeople, ratio, scratchFloat64, scratchInt32 } from './aggregate.ts';
import { quantilesCont } from './quantiles.ts';
import { NO_DATE, type ProgramIndex } from './programIndex.ts';
import { monthDate, monthSpine, selectCosts, selectEncounters } from './select.ts';

/** metrics/placements.ts `programKpis`, from the index. */
export function programKpis(ix: ProgramIndex, f: ProgramFilter): ProgramKpis[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const people = DistinctPeople.scratch(e.people, 0), peoplePlaced = DistinctPeople.scratch(e.people, 1);
  let nPeople = 0, nPeoplePlaced = 0, eligibleRecorded = 0, eligible = 0, placed = 0;
  let first = Infinity, last = -Infinity;
  const hours = scratchFloat64('hours', rows.length);
  let nHours = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const pid = e.pid[i]!;
    if (people.see(pid)) nPeople++;
    if (e.eligible[i] !== -1) eligibleRecorded++;
    if (e.eligible[i] === 1) eligible++;
    if (e.placed[i] === 1) {
      placed++;
      if (peoplePlaced.see(pid)) nPeoplePlaced++;
      const h = e.hours[i]!;
      if (h === h) hours[nHours++] = h;
    }
    const d = e.date[i]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const totalCost = narrowsBeyondPeriod(f) ? null : costTotal(ix, f);
  const eligibleOrNull = eligibleRecorded > 0 ? eligible : null;
  return [{
    encounters: rows.length, people: nPeople, eligible: eligibleOrNull, placed, peoplePlaced: nPeoplePlaced,
    medianHoursToPlacement: quantilesCont(hours.subarray(0, nHours), [0.5])[0]!,
    firstDate: dateOrNull(first), lastDate: dateOrNull(last),
    totalCost,
    placementBase: eligibleOrNull !== null ? 'eligible encounters' : 'all encounters',
    placementRate: ratio(placed, eligibleOrNull ?? rows.length),
    costPerPersonPlaced: ratio(totalCost, nPeoplePlaced),
  }];
}

/** `CASE WHEN count(*) > 0 THEN sum(amount) END` over the ledger entries in the filter's periods. */
function costTotal(ix: ProgramIndex, f: ProgramFilter): number | null {
  const rows = selectCosts(ix, f);
  if (rows.length === 0) return null;
  let sum = 0, any = false;
  for (let j = 0; j < rows.length; j++) {
    const v = ix.costs.amount[rows[j]!]!;
    if (v === v) { sum += v; any = true; }
  }
  return any ? sum : null;
}

/** metrics/placements.ts `placementsByMonth`, from the index. */
export function placementsByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyPlacements[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const months = new Map<number, MonthlyPlacements>();
  const row = (m: number) => {
    let r = months.get(m);
    if (!r) months.set(m, (r = { month: monthDate(m), encounters: 0, people: 0, placed: 0, peoplePlaced: 0 }));
    return r;
  };
  for (const m of monthSpine(e.monthMin, e.monthMax, f.periods)) row(m);
  // People are counted once per month: the rows grouped by month, one generation of the
  // distinct counters per month.
  const people = DistinctPeople.scratch(e.people, 0), placedPeople = DistinctPeople.scratch(e.people, 1);
  forEachMonth(e.month, rows, e.monthMin, e.monthMax, (m, group, from, to) => {
    const r = row(m);
    people.reset();
    placedPeople.reset();
    for (let j = from; j < to; j++) {
      const i = group[j]!;
      const pid = e.pid[i]!;
      r.encounters++;
      if (people.see(pid)) r.people++;
      if (e.placed[i] === 1) {
        r.placed++;
        if (placedPeople.see(pid)) r.peoplePlaced++;
      }
    }
  });
  return [...months.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** Calls `each(month, group, from, to)` for every month that has rows: `group[from..to)` are its
 *  row numbers. A counting sort by month, in linear time; rows without a month are left out. */
export function forEachMonth(month: Int32Array, rows: Int32Array, first: number, last: number,
  each: (m: number, group: Int32Array, from: number, to: number) => void): void {
  if (first > last) return;
  const span = last - first + 1;
  const start = new Int32Array(span + 1);
  for (let j = 0; j < rows.length; j++) {
    const m = month[rows[j]!]!;
    if (m !== NO_DATE) start[m - first + 1]!++;
  }
  for (let k = 0; k < span; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, span);
  const group = scratchInt32('groups', start[span]!);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const m = month[i]!;
    if (m !== NO_DATE) group[next[m - first]!++] = i;
  }
  for (let k = 0; k < span; k++) if (start[k + 1]! > start[k]!) each(first + k, group, start[k]!, start[k + 1]!);
}
