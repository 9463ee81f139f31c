import { periodOnly, type CostPart, type CostSummary, type MonthlyCost } from '../costs.ts';
import type { ProgramFilter } from '../filters.ts';
import { DistinctPeople, ratio } from './aggregate.ts';
import { DaySlots } from './daySlots.ts';
import type { ProgramIndex } from './programIndex.ts';
import { monthDate, monthSpine, selectCosts, selectEncounters } from './select.ts';

/** The cost metrics narrow the ledger, and the encounters they divide by, by period only
 *  (`periodOnly`). `sum(amount)` skips blank amounts (NaN in the index) and is NULL without any. */

/** metrics/costs.ts `costSummary`, from the index: count(*), sum(amount) and sum(amount) of the
 *  entries naming an encounter, over the ledger in the periods; count(*) and the distinct people
 *  placed over the encounters in the periods; the ratios as `x / NULLIF(y, 0)`. */
export function costSummary(ix: ProgramIndex, f: ProgramFilter): CostSummary[] {
  const p = periodOnly(f);
  const { amount, linked: isLinked } = ix.costs;
  const rows = selectCosts(ix, p);
  let total = 0, anyTotal = false, linked = 0, anyLinked = false;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const v = amount[i]!;
    if (v !== v) continue;
    total += v;
    anyTotal = true;
    if (isLinked[i] === 1) { linked += v; anyLinked = true; }
  }
  const { placed, pid } = ix.encounters;
  const enc = selectEncounters(ix, p);
  const people = DistinctPeople.scratch(ix.encounters.people, 0);
  let peoplePlaced = 0;
  for (let j = 0; j < enc.length; j++) {
    const i = enc[j]!;
    if (placed[i] === 1 && people.see(pid[i]!)) peoplePlaced++;
  }
  const totalOrNull = anyTotal ? total : null;
  return [{
    entries: rows.length, total: totalOrNull, encounters: enc.length, peoplePlaced,
    perEncounter: ratio(totalOrNull, enc.length), perPersonPlaced: ratio(totalOrNull, peoplePlaced),
    linkedToEncounter: ratio(anyLinked ? linked : null, totalOrNull),
  }];
}

/** What `coalesce(column, '(not recorded)')` makes of a blank cell. */
const NOT_RECORDED = '(not recorded)';

/** DuckDB's text order: by UTF-8 bytes, which is code point order. JS compares UTF-16 code
 *  units, which differs only where a surrogate (a code point above U+FFFF) meets U+E000..U+FFFF. */
function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** metrics/costs.ts `costsBy`, from the index: the ledger in the periods grouped by
 *  coalesce(column, '(not recorded)') (a recorded value spelled the same joins that group), with
 *  sum(amount), count(*) and the share of the sum of the groups' sums; ordered with
 *  '(not recorded)' last, then amount DESC (NULLS LAST, DuckDB's default), then value. */
export function costsBy(ix: ProgramIndex, column: 'category' | 'funding_source', f: ProgramFilter): CostPart[] {
  const c = ix.costs;
  const key = column === 'category' ? 'category' : 'fundingSource';
  const codes = c[key], dict = c.dict[key];
  // Each code's group, by the value it shows as.
  const values: string[] = [];
  const groupOf = new Int32Array(dict.length);
  const byValue = new Map<string, number>();
  for (let k = 0; k < dict.length; k++) {
    const v = dict[k] ?? NOT_RECORDED;
    let g = byValue.get(v);
    if (g === undefined) byValue.set(v, (g = values.push(v) - 1));
    groupOf[k] = g;
  }
  const sums = new Float64Array(values.length), summed = new Uint8Array(values.length), entries = new Int32Array(values.length);
  const rows = selectCosts(ix, periodOnly(f));
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const g = groupOf[codes[i]!]!;
    entries[g]!++;
    const v = c.amount[i]!;
    if (v === v) { sums[g]! += v; summed[g] = 1; }
  }
  // sum(sum(amount)) OVER (): the groups' sums, NULL ones skipped.
  let total = 0, anyTotal = false;
  for (let g = 0; g < values.length; g++) if (entries[g] && summed[g]) { total += sums[g]!; anyTotal = true; }
  const out: CostPart[] = [];
  for (let g = 0; g < values.length; g++) {
    if (!entries[g]) continue;
    const amount = summed[g] ? sums[g]! : null;
    // amount is typed number, but sum(amount) is NULL for a group of blank amounts only.
    out.push({ value: values[g]!, amount: amount as number, entries: entries[g]!, share: ratio(amount, anyTotal ? total : null) });
  }
  return out.sort((a, b) => {
    const na = a.value === NOT_RECORDED ? 1 : 0, nb = b.value === NOT_RECORDED ? 1 : 0;
    if (na !== nb) return na - nb;
    if (a.amount !== b.amount) {
      if (a.amount === null) return 1;
      if (b.amount === null) return -1;
      return a.amount > b.amount ? -1 : 1;
    }
    return compareText(a.value, b.value);
  });
}

/** metrics/costs.ts `costsByMonth`, from the index: the month spine of the ledger's dates clipped
 *  to the periods, LEFT JOINed to sum(amount) per month of the ledger in the periods; a month
 *  without entries (or with blank amounts only) shows 0, and `cumulative` is the running sum. */
export function costsByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyCost[] {
  const p = periodOnly(f);
  const c = ix.costs;
  const months = monthSpine(c.monthMin, c.monthMax, p.periods);
  const slots = new DaySlots(months);
  const amounts = new Float64Array(months.length);
  const rows = selectCosts(ix, p);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = slots.slot(c.day[i]!);
    const v = c.amount[i]!;
    if (k >= 0 && v === v) amounts[k]! += v;
  }
  const out: MonthlyCost[] = new Array(months.length);
  let cumulative = 0;
  for (let k = 0; k < months.length; k++) {
    cumulative += amounts[k]!;
    out[k] = { month: monthDate(months[k]!), amount: amounts[k]!, cumulative };
  }
  return out;
}
