import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlString } from '../db/sql.ts';
import { TREATMENT_TYPES } from '../ingest/kinds/program.ts';
import { HOURS, PLACED } from '../metrics/placements.ts';
import { query } from '../metrics/query.ts';

/** The aggregate inputs of the public snapshot, as SQL builders (pure functions). Every query
 *  returns counts over groups; none returns a pseudonym, a provider, a date of an encounter or any
 *  other record-level field. Suppression happens after, in TypeScript (analysis/suppression.ts). */

const YEAR = `CAST(year(encounter_date) AS INTEGER)`;

export interface YearPeople extends Record<string, unknown> { year: number; people: number; encounters: number; peoplePlaced: number }

/** Per calendar year of the encounter: distinct people, encounters, distinct people placed. */
export function peopleByYear() {
  return query<YearPeople>(`
    SELECT ${YEAR} AS year, count(DISTINCT participant_id) AS people, count(*) AS encounters,
      count(DISTINCT participant_id) FILTER (WHERE ${PLACED}) AS peoplePlaced
    FROM ${ENCOUNTER_FACTS} GROUP BY 1 ORDER BY 1`);
}

export interface Totals extends Record<string, unknown> { people: number; encounters: number }

export function overallTotals() {
  return query<Totals>(`SELECT count(DISTINCT participant_id) AS people, count(*) AS encounters FROM ${ENCOUNTER_FACTS}`);
}

export interface TreatmentYear extends Record<string, unknown> { treatment: string; year: number; placements: number }

/** Placements by treatment type and year: every standard type and every year with encounters
 *  appears (zeros included), so the grid is complete and additive. */
export function placementsByTreatmentAndYear() {
  // Placements with no treatment type recorded are a row of their own, so the grid's year totals
  // are all the year's placements.
  const types = [...TREATMENT_TYPES.filter((t) => t !== 'none'), 'not recorded'];
  return query<TreatmentYear>(`
    WITH y AS (SELECT DISTINCT ${YEAR} AS year FROM ${ENCOUNTER_FACTS}),
    t AS (SELECT unnest([${types.map(sqlString).join(', ')}]) AS treatment, generate_subscripts([${types.map(sqlString).join(', ')}], 1) AS ord),
    p AS (SELECT coalesce(treatment_type, 'not recorded') AS treatment, ${YEAR} AS year, count(*) AS n FROM ${ENCOUNTER_FACTS} WHERE ${PLACED} GROUP BY 1, 2)
    SELECT t.treatment, y.year, coalesce(p.n, 0) AS placements
    FROM t CROSS JOIN y LEFT JOIN p ON p.treatment = t.treatment AND p.year = y.year
    ORDER BY t.ord, y.year`);
}

export interface YearTimes extends Record<string, unknown> { year: number; placed: number; medianHours: number | null; within24: number }

export function placementTimesByYear() {
  return query<YearTimes>(`
    SELECT ${YEAR} AS year, count(*) AS placed, quantile_cont(${HOURS}, 0.5) AS medianHours,
      count(*) FILTER (WHERE ${HOURS} <= 24) AS within24
    FROM ${ENCOUNTER_FACTS} WHERE ${PLACED} GROUP BY 1 ORDER BY 1`);
}

export interface YearSpend extends Record<string, unknown> { year: number; spend: number }

export function spendByYear() {
  return query<YearSpend>(`SELECT CAST(year(date) AS INTEGER) AS year, sum(amount) AS spend FROM costs GROUP BY 1 ORDER BY 1`);
}

export interface PersonGroup extends Record<string, unknown> { value: string | null; people: number }

/** Distinct people by the value on their most recent encounter (one value per person, so the
 *  groups add up to all people). `expr` is a SQL expression over encounter columns. */
export function peopleByLatest(expr: string) {
  return query<PersonGroup>(`
    WITH last AS (SELECT participant_id, arg_max(${expr}, encounter_date) AS value FROM ${ENCOUNTER_FACTS} GROUP BY participant_id)
    SELECT value, count(*) AS people FROM last GROUP BY value ORDER BY value NULLS LAST`);
}

export interface CoverageRow extends Record<string, unknown> { first: Date | null; last: Date | null }

export function encounterCoverage() {
  return query<CoverageRow>(`SELECT CAST(min(encounter_date) AS DATE) AS first, CAST(max(encounter_date) AS DATE) AS last FROM ${ENCOUNTER_FACTS}`);
}
