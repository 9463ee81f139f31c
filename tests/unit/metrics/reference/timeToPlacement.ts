/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { encounterWhere, monthSpine, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { HOURS, PLACED } from './placements.ts';
import { query } from '../../../../src/metrics/query.ts';
import type { PlacementTimes, PlacementTimeBand, MonthlyPlacementTimes } from '../../../../src/metrics/timeToPlacement.ts';

/** Hours from encounter to placement, among placed encounters (by encounter date): the median,
 *  the 90th percentile (interpolated between the two nearest placements), and how many were
 *  placed within 24 and 72 hours (inclusive). */
export function placementTimes(f: ProgramFilter) {
  return query<PlacementTimes>(`
    WITH t AS (SELECT ${HOURS} AS h FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND ${PLACED})
    SELECT count(*) AS placed, quantile_cont(h, 0.5) AS medianHours, quantile_cont(h, 0.9) AS p90Hours,
      count(*) FILTER (WHERE h <= 24) AS within24, count(*) FILTER (WHERE h <= 72) AS within72,
      count(*) FILTER (WHERE h <= 24) / NULLIF(count(*), 0) AS share24,
      count(*) FILTER (WHERE h <= 72) / NULLIF(count(*), 0) AS share72
    FROM t`);
}

/** The bands of the distribution, in hours: [lower, upper). */
export const HOUR_BANDS: readonly [number, number, string][] = [
  [0, 6, 'under 6 h'], [6, 12, '6–12 h'], [12, 24, '12–24 h'], [24, 48, '1–2 days'],
  [48, 72, '2–3 days'], [72, 168, '3–7 days'], [168, Infinity, '7 days or more'],
];

/** Placed encounters by the time it took, in the bands above (every band appears). */
export function placementTimeBands(f: ProgramFilter) {
  const bands = HOUR_BANDS.map(([lo, hi, label], i) =>
    `(${i}, ${lo}, ${Number.isFinite(hi) ? hi : 'NULL'}, '${label}')`).join(', ');
  return query<PlacementTimeBand>(`
    WITH t AS (SELECT ${HOURS} AS h FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND ${PLACED}),
    b AS (SELECT * FROM (VALUES ${bands}) AS v(ord, lower, upper, band))
    SELECT b.band, b.lower, count(t.h) AS placed, count(t.h) / NULLIF((SELECT count(*) FROM t), 0) AS share
    FROM b LEFT JOIN t ON t.h >= b.lower AND (b.upper IS NULL OR t.h < b.upper)
    GROUP BY b.ord, b.band, b.lower ORDER BY b.ord`);
}

/** The same by month of the encounter; months without placements have null times. */
export function placementTimesByMonth(f: ProgramFilter) {
  return query<MonthlyPlacementTimes>(`
    WITH t AS (SELECT CAST(date_trunc('month', encounter_date) AS DATE) AS month, ${HOURS} AS h
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND ${PLACED})
    SELECT m.month, count(t.h) AS placed, quantile_cont(t.h, 0.5) AS medianHours, quantile_cont(t.h, 0.9) AS p90Hours,
      count(t.h) FILTER (WHERE t.h <= 24) / NULLIF(count(t.h), 0) AS share24
    FROM ${monthSpine(ENCOUNTER_FACTS, 'encounter_date', f)} m LEFT JOIN t ON t.month = m.month
    GROUP BY m.month ORDER BY m.month`);
}
