/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { costWhere, encounterWhere, monthSpine, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { PLACED } from './placements.ts';
import { query } from '../../../../src/metrics/query.ts';
import type { CostSummary, MonthlyCost } from '../../../../src/metrics/costs.ts';

/** Costs are narrowed by their date only: the ledger records no agency, pathway or treatment.
 *  The per-person and per-encounter figures therefore divide by the whole program's counts in
 *  the period, whatever other filter is chosen (see `periodOnly`). */
export function periodOnly(f: ProgramFilter): ProgramFilter {
  return { periods: f.periods };
}

/** Total spend in the period, per encounter and per person placed in the same period (program
 *  wide), and the share of spend that the ledger ties to a single encounter. */
export function costSummary(f: ProgramFilter) {
  const p = periodOnly(f);
  return query<CostSummary>(`
    WITH c AS (SELECT count(*) AS entries, sum(amount) AS total,
        sum(amount) FILTER (WHERE encounter_id IS NOT NULL) AS linked FROM costs WHERE ${costWhere(p)}),
      e AS (SELECT count(*) AS encounters, count(DISTINCT participant_id) FILTER (WHERE ${PLACED}) AS peoplePlaced
        FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(p)})
    SELECT c.entries, c.total, e.encounters, e.peoplePlaced,
      c.total / NULLIF(e.encounters, 0) AS perEncounter, c.total / NULLIF(e.peoplePlaced, 0) AS perPersonPlaced,
      c.linked / NULLIF(c.total, 0) AS linkedToEncounter
    FROM c, e`);
}

/** Spend per month and the running total from the start of the period (months without entries
 *  show zero). */
export function costsByMonth(f: ProgramFilter) {
  const p = periodOnly(f);
  return query<MonthlyCost>(`
    WITH c AS (SELECT CAST(date_trunc('month', date) AS DATE) AS month, sum(amount) AS amount
      FROM costs WHERE ${costWhere(p)} GROUP BY 1)
    SELECT m.month, coalesce(c.amount, 0) AS amount,
      sum(coalesce(c.amount, 0)) OVER (ORDER BY m.month) AS cumulative
    FROM ${monthSpine('costs', 'date', p)} m LEFT JOIN c ON c.month = m.month
    ORDER BY m.month`);
}

