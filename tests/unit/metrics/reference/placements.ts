/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { costWhere, encounterWhere, monthSpine, narrowsBeyondPeriod, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { query } from '../../../../src/metrics/query.ts';
import type { ProgramKpis, MonthlyPlacements } from '../../../../src/metrics/placements.ts';

/** A placement is an encounter with a placement date and a treatment type other than "none". */
export const PLACED = `(placement_date IS NOT NULL AND coalesce(treatment_type, '') <> 'none')`;
/** Hours from the encounter to the placement. */
export const HOURS = `((epoch(placement_date) - epoch(encounter_date)) / 3600.0)`;

export function programKpis(f: ProgramFilter) {
  const costs = narrowsBeyondPeriod(f)
    ? 'SELECT CAST(NULL AS DOUBLE) AS totalCost'
    : `SELECT CASE WHEN count(*) > 0 THEN sum(amount) END AS totalCost FROM costs WHERE ${costWhere(f)}`;
  return query<ProgramKpis>(`
    WITH e AS (SELECT * FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}),
    k AS (
      SELECT count(*) AS encounters,
        count(DISTINCT participant_id) AS people,
        CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) END AS eligible,
        count(*) FILTER (WHERE ${PLACED}) AS placed,
        count(DISTINCT participant_id) FILTER (WHERE ${PLACED}) AS peoplePlaced,
        quantile_cont(${HOURS}, 0.5) FILTER (WHERE ${PLACED}) AS medianHoursToPlacement,
        min(encounter_date) AS firstDate, max(encounter_date) AS lastDate
      FROM e),
    c AS (${costs})
    SELECT k.*, c.totalCost,
      CASE WHEN k.eligible IS NOT NULL THEN 'eligible encounters' ELSE 'all encounters' END AS placementBase,
      k.placed / NULLIF(coalesce(k.eligible, k.encounters), 0) AS placementRate,
      c.totalCost / NULLIF(k.peoplePlaced, 0) AS costPerPersonPlaced
    FROM k, c`);
}

/** Encounters, distinct people and placements per calendar month of the encounter date. Every
 *  month of the loaded data inside the filter's period appears, with zeros where nothing happened.
 *  People are counted once per month: the months' people do not add up to the period's people. */
export function placementsByMonth(f: ProgramFilter) {
  return query<MonthlyPlacements>(`
    WITH e AS (SELECT CAST(date_trunc('month', encounter_date) AS DATE) AS month, participant_id, ${PLACED} AS placed
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)})
    SELECT m.month, count(e.month) AS encounters, count(DISTINCT e.participant_id) AS people,
      count(e.month) FILTER (WHERE e.placed) AS placed,
      count(DISTINCT e.participant_id) FILTER (WHERE e.placed) AS peoplePlaced
    FROM ${monthSpine(ENCOUNTER_FACTS, 'encounter_date', f)} m LEFT JOIN e ON e.month = m.month
    GROUP BY m.month ORDER BY m.month`);
}
