import type { ProgramFilter } from '../filters.ts';
import { HOUR_BANDS, type MonthlyPlacementTimes, type PlacementTimeBand, type PlacementTimes } from '../timeToPlacement.ts';
import { quantileCont, ratio, sortedValues } from './aggregate.ts';
import type { ProgramIndex } from './programIndex.ts';
import { monthDate, monthSpine, selectEncounters } from './select.ts';

/** How many of the ascending `sorted` are <= x (binary search). */
function atMost(sorted: Float64Array, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** metrics/timeToPlacement.ts `placementTimes`, from the index: over the placed encounters,
 *  `count(*)` (a placement without hours, which only a blank encounter date gives, still counts),
 *  the quantiles of the hours (NULL hours skipped), and the counts with hours <= 24 and <= 72. */
export function placementTimes(ix: ProgramIndex, f: ProgramFilter): PlacementTimes[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  let placed = 0;
  for (let j = 0; j < rows.length; j++) if (e.placed[rows[j]!] === 1) placed++;
  const hours = sortedValues(e.hours, rows, (i) => e.placed[i] === 1);
  const within24 = atMost(hours, 24), within72 = atMost(hours, 72);
  return [{
    placed, medianHours: quantileCont(hours, 0.5), p90Hours: quantileCont(hours, 0.9),
    within24, within72, share24: ratio(within24, placed), share72: ratio(within72, placed),
  }];
}

/** metrics/timeToPlacement.ts `placementTimeBands`, from the index: the bands LEFT JOINed to the
 *  placed encounters on lower <= h < upper (no upper for the last band; NULL hours, and negative
 *  ones, fall in no band), each band's count over the count of all placed encounters. */
export function placementTimeBands(ix: ProgramIndex, f: ProgramFilter): PlacementTimeBand[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const nb = HOUR_BANDS.length;
  const counts = new Array<number>(nb).fill(0);
  let placed = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (e.placed[i] !== 1) continue;
    placed++;
    const h = e.hours[i]!;
    // Bands are ascending and adjacent: the last whose lower bound h reaches, if h is below its upper.
    for (let b = nb - 1; b >= 0; b--) {
      if (h >= HOUR_BANDS[b]![0]) {
        if (h < HOUR_BANDS[b]![1]) counts[b]!++;
        break;
      }
    }
  }
  return HOUR_BANDS.map(([lower, , band], b) => ({ band, lower, placed: counts[b]!, share: ratio(counts[b]!, placed) }));
}

/** metrics/timeToPlacement.ts `placementTimesByMonth`, from the index: the month spine of the
 *  encounter dates clipped to the filter's periods, LEFT JOINed to the placed encounters by month.
 *  Per month: count(h), the quantiles of h, and the share with h <= 24; null times without any. */
export function placementTimesByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyPlacementTimes[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const months = monthSpine(e.monthMin, e.monthMax, f.periods);
  const nm = months.length;
  if (nm === 0) return [];
  // The spine is a run of consecutive months: month m is slot m - first. Encounters outside it
  // (none in the filter's periods are, save those without a date) join no month.
  const first = months[0]!;
  // The hours grouped by month slot (a counting sort): slot k's are hours[start[k] .. start[k + 1]).
  const start = new Int32Array(nm + 1);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = e.month[i]! - first;
    if (e.placed[i] === 1 && e.hours[i] === e.hours[i] && k >= 0 && k < nm) start[k + 1]!++;
  }
  for (let k = 0; k < nm; k++) start[k + 1]! += start[k]!;
  const hours = new Float64Array(start[nm]!);
  const next = start.slice(0, nm);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = e.month[i]! - first;
    if (e.placed[i] === 1 && e.hours[i] === e.hours[i] && k >= 0 && k < nm) hours[next[k]!++] = e.hours[i]!;
  }
  const out: MonthlyPlacementTimes[] = new Array(nm);
  for (let k = 0; k < nm; k++) {
    const h = hours.subarray(start[k]!, start[k + 1]!).sort();
    out[k] = {
      month: monthDate(months[k]!), placed: h.length,
      medianHours: quantileCont(h, 0.5), p90Hours: quantileCont(h, 0.9), share24: ratio(atMost(h, 24), h.length),
    };
  }
  return out;
}
