import { sqlIdent, sqlString } from '../../../src/db/sql.ts';
import type { ProgramFilter } from '../../../src/domain/filter.ts';

/** Some program figures written a second time, as plain SQL over the canonical tables: the oracle
 *  of the differential test (differential.test.ts) and the native DuckDB reference of the bench's
 *  program repaint. Written independently of metrics/*.ts, from the definitions in their comments;
 *  not used by the app. */

const PLACED = `(placement_date IS NOT NULL AND coalesce(treatment_type, '') <> 'none')`;
const HOURS = `((epoch(placement_date) - epoch(encounter_date)) / 3600.0)`;

function where(f: ProgramFilter, date: string, narrow = true): string {
  const parts = f.periods.flatMap((p) => [
    p.from ? `${date} >= DATE ${sqlString(p.from)}` : null, p.to ? `${date} < DATE ${sqlString(p.to)}` : null]);
  const list = (col: string, vs?: readonly string[]) => (vs?.length ? `${sqlIdent(col)} IN (${vs.map(sqlString).join(', ')})` : null);
  if (narrow) parts.push(list('agency', f.agency), list('pathway', f.pathway), list('treatment_type', f.treatment));
  return parts.filter(Boolean).join(' AND ') || 'true';
}

export const plain = {
  kpis: (f: ProgramFilter) => `SELECT count(*) AS encounters, count(DISTINCT participant_id) AS people,
      CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) END AS eligible,
      count(*) FILTER (WHERE ${PLACED}) AS placed, count(DISTINCT participant_id) FILTER (WHERE ${PLACED}) AS peoplePlaced,
      quantile_cont(${HOURS}, 0.5) FILTER (WHERE ${PLACED}) AS medianHoursToPlacement
    FROM encounters WHERE ${where(f, 'encounter_date')}`,
  /** Months with encounters only (the metric also lists empty months, as zeros). */
  byMonth: (f: ProgramFilter) => `SELECT CAST(date_trunc('month', encounter_date) AS DATE) AS month, count(*) AS encounters,
      count(DISTINCT participant_id) AS people, count(*) FILTER (WHERE ${PLACED}) AS placed
    FROM encounters WHERE ${where(f, 'encounter_date')} GROUP BY 1 ORDER BY 1`,
  byPathway: (f: ProgramFilter) => `SELECT coalesce(pathway, '(not recorded)') AS value, count(*) AS encounters,
      count(DISTINCT participant_id) AS people, count(*) FILTER (WHERE ${PLACED}) AS placed
    FROM encounters WHERE ${where(f, 'encounter_date')} GROUP BY 1 ORDER BY 1`,
  /** The funnel's counts: each step among the encounters of the one before, where the step is recorded. */
  funnel: (f: ProgramFilter) => `WITH e AS (SELECT * FROM encounters WHERE ${where(f, 'encounter_date')}),
    h AS (SELECT count(eligible) > 0 AS he, count(placement_offered) > 0 AS ho,
      count(placement_date) + count(treatment_type) > 0 AS hp, count(engaged_30d) > 0 AS hg FROM e),
    s AS (SELECT (NOT he OR coalesce(eligible, false)) AS a1, (NOT ho OR coalesce(placement_offered, false)) AS a2,
      (NOT hp OR ${PLACED}) AS a3, (NOT hg OR coalesce(engaged_30d = 'yes', false)) AS a4 FROM e, h)
    SELECT count(*) AS n0, count(*) FILTER (WHERE a1) AS n1, count(*) FILTER (WHERE a1 AND a2) AS n2,
      count(*) FILTER (WHERE a1 AND a2 AND a3) AS n3, count(*) FILTER (WHERE a1 AND a2 AND a3 AND a4) AS n4 FROM s`,
  times: (f: ProgramFilter) => `SELECT count(*) AS placed, quantile_cont(h, 0.5) AS medianHours, quantile_cont(h, 0.9) AS p90Hours,
      count(*) FILTER (WHERE h <= 24) AS within24, count(*) FILTER (WHERE h <= 72) AS within72
    FROM (SELECT ${HOURS} AS h FROM encounters WHERE ${where(f, 'encounter_date')} AND ${PLACED})`,
  costsByCategory: (f: ProgramFilter) => `SELECT coalesce(category, '(not recorded)') AS value, sum(amount) AS amount, count(*) AS entries
    FROM costs WHERE ${where(f, 'date', false)} GROUP BY 1 ORDER BY 1`,
  naloxone: (f: ProgramFilter) => `SELECT count(*) AS administrations, coalesce(sum(doses), 0) AS doses,
      count(*) FILTER (WHERE coalesce(outcome, 'unknown') = 'survived') AS survived, count(*) FILTER (WHERE outcome = 'died') AS died
    FROM naloxone WHERE ${where(f, 'date', false)}${f.agency?.length ? ` AND agency IN (${f.agency.map(sqlString).join(', ')})` : ''}`,
};
