import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { costWhere, encounterWhere, monthSpine, narrowsBeyondPeriod, type ProgramFilter } from './filters.ts';
import * as local from './local/placements.ts';
import { query } from './query.ts';

/** What a placement is, and the hours to it: defined with the derived columns that hold them. */
export { HOURS, PLACED } from '../db/derived.ts';

/** Headline figures of the program under a filter (encounters by encounter date). */
export interface ProgramKpis extends Record<string, unknown> {
  encounters: number;
  people: number;
  /** Encounters screened eligible; null when the export has no eligibility column. */
  eligible: number | null;
  placed: number;
  peoplePlaced: number;
  /** placed / eligible (or placed / encounters when eligibility is not recorded). */
  placementRate: number | null;
  placementBase: 'eligible encounters' | 'all encounters';
  medianHoursToPlacement: number | null;
  /** Ledger costs dated in the period; null without a ledger, or when the filter narrows by
   *  agency, pathway or treatment, which the ledger does not record. */
  totalCost: number | null;
  costPerPersonPlaced: number | null;
  firstDate: Date | null;
  lastDate: Date | null;
}


export function programKpis(f: ProgramFilter) {
  const costs = narrowsBeyondPeriod(f)
    ? 'SELECT CAST(NULL AS DOUBLE) AS totalCost'
    : `SELECT CASE WHEN count(*) > 0 THEN sum(amount) END AS totalCost FROM costs WHERE ${costWhere(f)}`;
  return query<ProgramKpis>(`
    WITH e AS (SELECT participant_id, encounter_date, eligible, placed, hours FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}),
    k AS (
      SELECT count(*) AS encounters,
        count(DISTINCT participant_id) AS people,
        CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) END AS eligible,
        count(*) FILTER (WHERE placed) AS placed,
        count(DISTINCT participant_id) FILTER (WHERE placed) AS peoplePlaced,
        quantile_cont(hours, 0.5) FILTER (WHERE placed) AS medianHoursToPlacement,
        min(encounter_date) AS firstDate, max(encounter_date) AS lastDate
      FROM e),
    c AS (${costs})
    SELECT k.*, c.totalCost,
      CASE WHEN k.eligible IS NOT NULL THEN 'eligible encounters' ELSE 'all encounters' END AS placementBase,
      k.placed / NULLIF(coalesce(k.eligible, k.encounters), 0) AS placementRate,
      c.totalCost / NULLIF(k.peoplePlaced, 0) AS costPerPersonPlaced
    FROM k, c`, (ix) => local.programKpis(ix, f));
}

export interface MonthlyPlacements extends Record<string, unknown> {
  month: Date;
  encounters: number;
  people: number;
  placed: number;
  peoplePlaced: number;
}

/** Encounters, distinct people and placements per calendar month of the encounter date. Every
 *  month of the loaded data inside the filter's period appears, with zeros where nothing happened.
 *  People are counted once per month: the months' people do not add up to the period's people. */
export function placementsByMonth(f: ProgramFilter) {
  return query<MonthlyPlacements>(`
    WITH e AS (SELECT month, participant_id, placed, 1 AS one
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND month IS NOT NULL),
    -- The empty months come in as rows that count nothing (a union, not a join: cheaper to plan and run).
    m AS (SELECT month, NULL, NULL, NULL FROM ${monthSpine(ENCOUNTER_FACTS, 'month', f)})
    SELECT month, count(one) AS encounters, count(DISTINCT participant_id) AS people,
      count(one) FILTER (WHERE placed) AS placed,
      count(DISTINCT participant_id) FILTER (WHERE placed) AS peoplePlaced
    FROM (SELECT * FROM e UNION ALL SELECT * FROM m)
    GROUP BY month ORDER BY month`, (ix) => local.placementsByMonth(ix, f));
}
