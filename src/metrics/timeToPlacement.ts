import type { ProgramFilter } from '../domain/filter.ts';
import type { Encounter, ProgramData } from './records.ts';
import { encountersByMonth, encountersIn } from './selection.ts';
import { quantilesOf, ratio } from './tally.ts';

export interface PlacementTimes extends Record<string, unknown> {
  placed: number;
  medianHours: number | null;
  p90Hours: number | null;
  within24: number;
  within72: number;
  share24: number | null;
  share72: number | null;
}

/** A placement made within so many hours (inclusive). */
const within = (hours: number) => (e: Encounter) => e.placed && e.hours !== null && e.hours <= hours;

/** Hours from encounter to placement, among placements (by encounter date): the median, the 90th
 *  percentile (interpolated between the two nearest placements), and how many were placed within
 *  24 and 72 hours (inclusive), of all placements. */
export function placementTimes(p: ProgramData, f: ProgramFilter): PlacementTimes[] {
  const es = encountersIn(p, f);
  const in24 = within(24), in72 = within(72);
  let placed = 0, within24 = 0, within72 = 0;
  for (const e of es) {
    if (!e.placed) continue;
    placed++;
    if (in24(e)) within24++;
    if (in72(e)) within72++;
  }
  const [medianHours, p90Hours] = quantilesOf(es, [0.5, 0.9], (e) => (e.placed ? e.hours : null));
  return [{
    placed, medianHours: medianHours ?? null, p90Hours: p90Hours ?? null,
    within24, within72, share24: ratio(within24, placed), share72: ratio(within72, placed),
  }];
}

/** The bands of the distribution, in hours: [lower, upper). */
export const HOUR_BANDS: readonly [number, number, string][] = [
  [0, 6, 'under 6 h'], [6, 12, '6–12 h'], [12, 24, '12–24 h'], [24, 48, '1–2 days'],
  [48, 72, '2–3 days'], [72, 168, '3–7 days'], [168, Infinity, '7 days or more'],
];

export interface PlacementTimeBand extends Record<string, unknown> { band: string; lower: number; placed: number; share: number | null }

/** Placements by the time they took, in the bands above (every band appears); share of all
 *  placements. */
export function placementTimeBands(p: ProgramData, f: ProgramFilter): PlacementTimeBand[] {
  const es = encountersIn(p, f);
  // One pass: each placement with a time counted in its band.
  const inBand = HOUR_BANDS.map(() => 0);
  let placed = 0;
  for (const e of es) {
    if (!e.placed) continue;
    placed++;
    const h = e.hours;
    if (h === null) continue;
    for (let b = 0; b < HOUR_BANDS.length; b++) {
      if (h >= HOUR_BANDS[b]![0] && h < HOUR_BANDS[b]![1]) { inBand[b]!++; break; }
    }
  }
  return HOUR_BANDS.map(([lower, , band], i) => ({ band, lower, placed: inBand[i]!, share: ratio(inBand[i]!, placed) }));
}

export interface MonthlyPlacementTimes extends Record<string, unknown> {
  month: Date;
  /** Placements with a time (both dates recorded). */
  placed: number;
  medianHours: number | null;
  p90Hours: number | null;
  share24: number | null;
}

/** The same by month of the encounter; months without placements have null times. */
export function placementTimesByMonth(p: ProgramData, f: ProgramFilter): MonthlyPlacementTimes[] {
  const in24 = within(24);
  return encountersByMonth(p, f).map(([month, es]) => {
    let timed = 0, within24 = 0;
    for (const e of es) {
      if (!e.placed || e.hours === null) continue;
      timed++;
      if (in24(e)) within24++;
    }
    const [medianHours, p90Hours] = quantilesOf(es, [0.5, 0.9], (e) => (e.placed ? e.hours : null));
    return { month, placed: timed, medianHours: medianHours ?? null, p90Hours: p90Hours ?? null, share24: ratio(within24, timed) };
  });
}
