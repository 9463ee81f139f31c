import { narrowsBeyondPeriod, type ProgramFilter } from '../filters.ts';
import type { MonthlyPlacements, ProgramKpis } from '../placements.ts';
import { dateOrNull, DistinctPeople, quantileCont, ratio, sortedValues } from './aggregate.ts';
import { NO_DATE, type ProgramIndex } from './programIndex.ts';
import { monthDate, monthSpine, selectCosts, selectEncounters } from './select.ts';

/** metrics/placements.ts `programKpis`, from the index. */
export function programKpis(ix: ProgramIndex, f: ProgramFilter): ProgramKpis[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const people = new DistinctPeople(e.people), peoplePlaced = new DistinctPeople(e.people);
  let nPeople = 0, nPeoplePlaced = 0, eligibleRecorded = 0, eligible = 0, placed = 0;
  let first = Infinity, last = -Infinity;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const pid = e.pid[i]!;
    if (people.see(pid)) nPeople++;
    if (e.eligible[i] !== -1) eligibleRecorded++;
    if (e.eligible[i] === 1) eligible++;
    if (e.placed[i] === 1) {
      placed++;
      if (peoplePlaced.see(pid)) nPeoplePlaced++;
    }
    const d = e.date[i]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const hours = sortedValues(e.hours, rows, (i) => e.placed[i] === 1);
  const totalCost = narrowsBeyondPeriod(f) ? null : costTotal(ix, f);
  const eligibleOrNull = eligibleRecorded > 0 ? eligible : null;
  return [{
    encounters: rows.length, people: nPeople, eligible: eligibleOrNull, placed, peoplePlaced: nPeoplePlaced,
    medianHoursToPlacement: quantileCont(hours, 0.5),
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
  const months = monthSpine(e.monthMin, e.monthMax, f.periods);
  const at = new Map<number, MonthlyPlacements>();
  // Rows with a month outside the spine still form their own month, as the SQL union does.
  const row = (m: number) => {
    let r = at.get(m);
    if (!r) at.set(m, (r = { month: monthDate(m), encounters: 0, people: 0, placed: 0, peoplePlaced: 0 }));
    return r;
  };
  for (const m of months) row(m);
  // People are counted once per month: one generation of the distinct counter per month.
  const byMonth = new Map<number, number[]>();
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const m = e.month[i]!;
    if (m === NO_DATE) continue;
    let list = byMonth.get(m);
    if (!list) byMonth.set(m, (list = []));
    list.push(i);
  }
  const people = new DistinctPeople(e.people), placedPeople = new DistinctPeople(e.people);
  for (const [m, list] of byMonth) {
    const r = row(m);
    people.reset();
    placedPeople.reset();
    for (const i of list) {
      const pid = e.pid[i]!;
      r.encounters++;
      if (people.see(pid)) r.people++;
      if (e.placed[i] === 1) {
        r.placed++;
        if (placedPeople.see(pid)) r.peoplePlaced++;
      }
    }
  }
  return [...at.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}
