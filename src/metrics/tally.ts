import { quickselect } from 'd3-array';
import type { Encounter } from './records.ts';

/** Counting helpers of the program metrics: distinct people, counts, sums, quantiles, ratios, as
 *  the database would give them (a blank is never a zero). */

/** How many distinct people the encounters are (those that pass `test`, when given). */
export function people(es: readonly Encounter[], test?: (e: Encounter) => boolean): number {
  return peopleCounts(es, test)[1];
}

// Distinct people are counted by marking each person number with the count it was last seen in
// (and last seen passing in): one pass, nothing allocated per count. A page counts people dozens
// of times per filter change (per month, per group), and sets of person numbers were the largest
// cost of a repaint in a profile at 21,500 encounters.
let seenIn = new Int32Array(0), passedIn = new Int32Array(0), counting = 0;

/** How many distinct people the encounters are, how many of them have an encounter that passes
 *  `test` (all of them without one), and how many encounters pass it: [people, people passing,
 *  encounters passing]. One pass. */
export function peopleCounts(es: readonly Encounter[], test: (e: Encounter) => boolean = () => true): [number, number, number] {
  if (++counting === 0x7fffffff) { counting = 1; seenIn.fill(0); passedIn.fill(0); }
  let all = 0, passing = 0, encounters = 0;
  for (const e of es) {
    const k = e.person;
    if (k >= seenIn.length) grow(k);
    if (seenIn[k] !== counting) { seenIn[k] = counting; all++; }
    if (!test(e)) continue;
    encounters++;
    if (passedIn[k] !== counting) { passedIn[k] = counting; passing++; }
  }
  return [all, passing, encounters];
}

function grow(person: number) {
  const size = Math.max(person + 1, seenIn.length * 2, 1024);
  const seen = new Int32Array(size), passed = new Int32Array(size);
  seen.set(seenIn);
  passed.set(passedIn);
  seenIn = seen;
  passedIn = passed;
}

/** The rows by a text key (blank included), in order of first appearance. d3-array's `group` does
 *  the same for any key, but interns each one (for dates), which a profile at 21,500 encounters
 *  put at 3 ms of every filter change; it is kept for the month groups of the small ledger and log. */
export function groupBy<T, K extends string | null>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r), g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export function count<T>(rows: readonly T[], test: (r: T) => boolean): number {
  let n = 0;
  for (const r of rows) if (test(r)) n++;
  return n;
}

/** The sum of the values that are not blank; null when every one is (as SQL's `sum`). */
export function sumOrNull<T>(rows: readonly T[], value: (r: T) => number | null): number | null {
  let s: number | null = null;
  for (const r of rows) {
    const v = value(r);
    if (v !== null && !Number.isNaN(v)) s = (s ?? 0) + v;
  }
  return s;
}

/** The q-quantile of the values that are not blank, interpolated between the two nearest (R-7,
 *  as DuckDB's `quantile_cont`); null without values. */
export function quantileOf<T>(rows: readonly T[], q: number, value: (r: T) => number | null): number | null {
  return quantilesOf(rows, [q], value)[0]!;
}

/** Several quantiles of the same values. Each is found as d3-array's `quantile` finds it (its
 *  `quickselect` puts the value of rank ⌊(n − 1)q⌋ in place, the next one up is the least of the
 *  rest), on a typed array filled directly: `quantile` itself walks a generator, and sorting is
 *  several times slower than selecting at the tens of thousands of placements a network has. */
export function quantilesOf<T>(rows: readonly T[], qs: readonly number[], value: (r: T) => number | null): (number | null)[] {
  const all = new Float64Array(rows.length);
  let n = 0;
  for (const r of rows) {
    const v = value(r);
    if (v !== null && !Number.isNaN(v)) all[n++] = v;
  }
  const xs = all.subarray(0, n);
  return qs.map((q) => {
    if (n === 0) return null;
    const i = (n - 1) * q, i0 = Math.floor(i);
    quickselect(xs as unknown as number[], i0);
    const lower = xs[i0]!;
    if (i0 === i) return lower;
    let upper = Infinity;
    for (let j = i0 + 1; j < n; j++) if (xs[j]! < upper) upper = xs[j]!;
    return lower + (upper - lower) * (i - i0);
  });
}

/** a / b, null when either is null or b is 0 (as SQL's `a / NULLIF(b, 0)`). */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** The first and last date of the rows; null when none is dated. */
export function dateRange<T>(rows: readonly T[], date: (r: T) => Date | null): { first: Date | null; last: Date | null } {
  let first: Date | null = null, last: Date | null = null;
  for (const r of rows) {
    const d = date(r);
    if (!d) continue;
    if (!first || d.getTime() < first.getTime()) first = d;
    if (!last || d.getTime() > last.getTime()) last = d;
  }
  return { first, last };
}

/** Text order as the database sorts it (by code point). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
