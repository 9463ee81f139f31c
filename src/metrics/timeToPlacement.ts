import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { encounterWhere, monthSpine, type ProgramFilter } from './filters.ts';
import * as local from './local/timeToPlacement.ts';
import { query } from './query.ts';

export interface PlacementTimes extends Record<string, unknown> {
  placed: number;
  medianHours: number | null;
  p90Hours: number | null;
  within24: number;
  within72: number;
  share24: number | null;
  share72: number | null;
}

/** Hours from encounter to placement, among placed encounters (by encounter date): the median,
 *  the 90th percentile (interpolated between the two nearest placements), and how many were
 *  placed within 24 and 72 hours (inclusive). */
export function placementTimes(f: ProgramFilter) {
  return query<PlacementTimes>(`
    WITH t AS (SELECT hours AS h FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND placed)
    SELECT count(*) AS placed, quantile_cont(h, 0.5) AS medianHours, quantile_cont(h, 0.9) AS p90Hours,
      count(*) FILTER (WHERE h <= 24) AS within24, count(*) FILTER (WHERE h <= 72) AS within72,
      count(*) FILTER (WHERE h <= 24) / NULLIF(count(*), 0) AS share24,
      count(*) FILTER (WHERE h <= 72) / NULLIF(count(*), 0) AS share72
    FROM t`, (ix) => local.placementTimes(ix, f));
}

/** The bands of the distribution, in hours: [lower, upper). */
export const HOUR_BANDS: readonly [number, number, string][] = [
  [0, 6, 'under 6 h'], [6, 12, '6–12 h'], [12, 24, '12–24 h'], [24, 48, '1–2 days'],
  [48, 72, '2–3 days'], [72, 168, '3–7 days'], [168, Infinity, '7 days or more'],
];

export interface PlacementTimeBand extends Record<string, unknown> { band: string; lower: number; placed: number; share: number | null }

/** Placed encounters by the time it took, in the bands above (every band appears). */
export function placementTimeBands(f: ProgramFilter) {
  const bands = HOUR_BANDS.map(([lo, hi, label], i) =>
    `(${i}, ${lo}, ${Number.isFinite(hi) ? hi : 'NULL'}, '${label}')`).join(', ');
  return query<PlacementTimeBand>(`
    WITH t AS (SELECT hours AS h FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND placed),
    b AS (SELECT * FROM (VALUES ${bands}) AS v(ord, lower, upper, band))
    SELECT b.band, b.lower, count(t.h) AS placed, count(t.h) / NULLIF((SELECT count(*) FROM t), 0) AS share
    FROM b LEFT JOIN t ON t.h >= b.lower AND (b.upper IS NULL OR t.h < b.upper)
    GROUP BY b.ord, b.band, b.lower ORDER BY b.ord`, (ix) => local.placementTimeBands(ix, f));
}

export interface MonthlyPlacementTimes extends Record<string, unknown> {
  month: Date;
  placed: number;
  medianHours: number | null;
  p90Hours: number | null;
  share24: number | null;
}

/** The same by month of the encounter; months without placements have null times. */
export function placementTimesByMonth(f: ProgramFilter) {
  return query<MonthlyPlacementTimes>(`
    WITH t AS (SELECT month, hours AS h
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND placed)
    SELECT m.month, count(t.h) AS placed, quantile_cont(t.h, 0.5) AS medianHours, quantile_cont(t.h, 0.9) AS p90Hours,
      count(t.h) FILTER (WHERE t.h <= 24) / NULLIF(count(t.h), 0) AS share24
    FROM ${monthSpine(ENCOUNTER_FACTS, 'encounter_date', f)} m LEFT JOIN t ON t.month = m.month
    GROUP BY m.month ORDER BY m.month`, (ix) => local.placementTimesByMonth(ix, f));
}
