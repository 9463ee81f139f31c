import { periodCondition, type Period } from './filters.ts';
import { query } from './query.ts';

/** Headline figures of the program, for one period (by encounter date). */
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
  totalCost: number | null;
  costPerPersonPlaced: number | null;
  firstDate: Date | null;
  lastDate: Date | null;
}

/** A placement is an encounter with a placement date and a treatment type other than "none". */
export const PLACED = `(placement_date IS NOT NULL AND coalesce(treatment_type, '') <> 'none')`;
const HOURS = `(epoch(placement_date) - epoch(encounter_date)) / 3600.0`;

export function programKpis(p: Period) {
  const enc = periodCondition('encounter_date', p);
  const cost = periodCondition('date', p);
  return query<ProgramKpis>(`
    WITH e AS (SELECT * FROM encounters WHERE ${enc}),
    k AS (
      SELECT count(*) AS encounters,
        count(DISTINCT participant_id) AS people,
        CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) END AS eligible,
        count(*) FILTER (WHERE ${PLACED}) AS placed,
        count(DISTINCT participant_id) FILTER (WHERE ${PLACED}) AS peoplePlaced,
        quantile_cont(${HOURS}, 0.5) FILTER (WHERE ${PLACED}) AS medianHoursToPlacement,
        min(encounter_date) AS firstDate, max(encounter_date) AS lastDate
      FROM e),
    c AS (SELECT CASE WHEN count(*) > 0 THEN sum(amount) END AS totalCost FROM costs WHERE ${cost})
    SELECT k.*, c.totalCost,
      CASE WHEN k.eligible IS NOT NULL THEN 'eligible encounters' ELSE 'all encounters' END AS placementBase,
      k.placed / NULLIF(coalesce(k.eligible, k.encounters), 0) AS placementRate,
      c.totalCost / NULLIF(k.peoplePlaced, 0) AS costPerPersonPlaced
    FROM k, c`);
}

export interface MonthlyPlacements extends Record<string, unknown> {
  month: Date;
  encounters: number;
  people: number;
  placed: number;
}

/** Encounters, distinct people and placements per calendar month of the encounter date. Months
 *  without encounters inside the data's range appear with zeros. */
export function placementsByMonth(p: Period) {
  const enc = periodCondition('encounter_date', p);
  return query<MonthlyPlacements>(`
    WITH e AS (SELECT *, CAST(date_trunc('month', encounter_date) AS DATE) AS month FROM encounters WHERE ${enc}),
    months AS (SELECT CAST(unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS DATE) AS month FROM e)
    SELECT m.month, count(e.month) AS encounters, count(DISTINCT e.participant_id) AS people,
      count(e.month) FILTER (WHERE ${PLACED.replace(/placement_date|treatment_type/g, (c) => `e.${c}`)}) AS placed
    FROM months m LEFT JOIN e ON e.month = m.month
    GROUP BY m.month ORDER BY m.month`);
}
