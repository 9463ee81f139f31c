import type { ProgramFilter } from '../filters.ts';
import { HOUR_BANDS, type MonthlyPlacementTimes, type PlacementTimeBand, type PlacementTimes } from '../timeToPlacement.ts';
import { ratio, scratchFloat64 } from './aggregate.ts';
import type { ProgramIndex } from './programIndex.ts';
import { quantilesCont } from './quantiles.ts';
import { monthDate, monthSpine, selectEncounters } from './select.ts';

/** metrics/timeToPlacement.ts `placementTimes`, from the index: over the placed encounters,
 *  `count(*)` (a placement without hours, which only a blank encounter date gives, still counts),
 *  the quantiles of the hours (NULL hours skipped), and the counts with hours <= 24 and <= 72. */
export function placementTimes(ix: ProgramIndex, f: ProgramFilter): PlacementTimes[] {
  const { placed: isPlaced, hours: col } = ix.encounters;
  const rows = selectEncounters(ix, f);
  const hours = scratchFloat64('hours', rows.length);
  let placed = 0, n = 0, within24 = 0, within72 = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (isPlaced[i] !== 1) continue;
    placed++;
    const h = col[i]!;
    if (h !== h) continue;
    hours[n++] = h;
    if (h <= 24) within24++;
    if (h <= 72) within72++;
  }
  const [medianHours, p90Hours] = quantilesCont(hours.subarray(0, n), [0.5, 0.9]);
  return [{
    placed, medianHours: medianHours ?? null, p90Hours: p90Hours ?? null,
    within24, within72, share24: ratio(within24, placed), share72: ratio(within72, placed),
  }];
}

/** metrics/timeToPlacement.ts `placementTimeBands`, from the index: the bands LEFT JOINed to the
 *  placed encounters on lower <= h < upper (no upper for the last band; NULL hours, and negative
 *  ones, fall in no band), each band's count over the count of all placed encounters. */
export function placementTimeBands(ix: ProgramIndex, f: ProgramFilter): PlacementTimeBand[] {
  const { placed: isPlaced, hours } = ix.encounters;
  const rows = selectEncounters(ix, f);
  const nb = HOUR_BANDS.length;
  const lower = Float64Array.from(HOUR_BANDS, (b) => b[0]), upper = Float64Array.from(HOUR_BANDS, (b) => b[1]);
  const search = (h: number) => {
    for (let b = 0; b < nb; b++) if (h >= lower[b]! && h < upper[b]!) return b;
    return -1;
  };
  // The band of each whole hour from the first lower bound to the last (a search per row costs
  // more than the rest of the pass): bounds being whole hours, h is in the band of floor(h). The
  // band found is checked, so that bounds that are not whole hours would only be slower.
  const first = lower[0]!, last = lower[nb - 1]!;
  const byHour = new Int8Array(Math.max(0, Math.ceil(last - first)));
  for (let x = 0; x < byHour.length; x++) byHour[x] = search(first + x);
  const counts = new Int32Array(nb);
  let placed = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (isPlaced[i] !== 1) continue;
    placed++;
    const h = hours[i]!;
    // NaN, and hours below every band, are in none.
    let b = h >= last ? nb - 1 : h >= first ? byHour[Math.floor(h - first)]! : -1;
    if (b >= 0 && !(h >= lower[b]! && h < upper[b]!)) b = search(h);
    if (b >= 0) counts[b]!++;
  }
  return HOUR_BANDS.map(([lo, , band], b) => ({ band, lower: lo, placed: counts[b]!, share: ratio(counts[b]!, placed) }));
}

/** metrics/timeToPlacement.ts `placementTimesByMonth`, from the index: the month spine of the
 *  encounter dates clipped to the filter's periods, LEFT JOINed to the placed encounters by month.
 *  Per month: count(h), the quantiles of h, and the share with h <= 24; null times without any. */
export function placementTimesByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyPlacementTimes[] {
  const { placed: isPlaced, hours: col, month } = ix.encounters;
  const rows = selectEncounters(ix, f);
  const months = monthSpine(ix.encounters.monthMin, ix.encounters.monthMax, f.periods);
  const nm = months.length;
  // The spine is a run of consecutive months: month m is slot m - first. Encounters outside it
  // (none in the filter's periods are, save those without a date: NO_DATE) join no month.
  const first = months[0] ?? 0;
  // The hours grouped by month slot (a counting sort): slot k's are hours[start[k] .. start[k + 1]).
  const start = new Int32Array(nm + 1), within24 = new Int32Array(nm);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = month[i]! - first;
    const h = col[i]!;
    if (isPlaced[i] !== 1 || h !== h || k < 0 || k >= nm) continue;
    start[k + 1]!++;
    if (h <= 24) within24[k]!++;
  }
  for (let k = 0; k < nm; k++) start[k + 1]! += start[k]!;
  const hours = scratchFloat64('hours', start[nm]!);
  const next = start.slice(0, nm);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = month[i]! - first;
    const h = col[i]!;
    if (isPlaced[i] !== 1 || h !== h || k < 0 || k >= nm) continue;
    hours[next[k]!++] = h;
  }
  return months.map((m, k) => {
    const n = start[k + 1]! - start[k]!;
    const [medianHours, p90Hours] = quantilesCont(hours.subarray(start[k]!, start[k + 1]!), [0.5, 0.9]);
    return { month: monthDate(m), placed: n, medianHours: medianHours ?? null, p90Hours: p90Hours ?? null, share24: ratio(within24[k]!, n) };
  });
}
