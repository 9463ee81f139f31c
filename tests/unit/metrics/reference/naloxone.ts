/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { encounterWhere, monthSpine, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { query } from '../../../../src/metrics/query.ts';
import type { MonthlyKits, KitTotals } from '../../../../src/metrics/naloxone.ts';

/** Naloxone kits handed out at program encounters, per month of the encounter. `recorded` counts
 *  encounters where the kit field is filled in at all. */
export function kitsByMonth(f: ProgramFilter) {
  return query<MonthlyKits>(`
    WITH e AS (SELECT CAST(date_trunc('month', encounter_date) AS DATE) AS month, naloxone_kit_given AS kit
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)})
    SELECT m.month, count(*) FILTER (WHERE e.kit) AS kits, count(e.month) AS encounters, count(e.kit) AS recorded
    FROM ${monthSpine(ENCOUNTER_FACTS, 'encounter_date', f)} m LEFT JOIN e ON e.month = m.month
    GROUP BY m.month ORDER BY m.month`);
}

/** Naloxone kits handed out at program encounters in the filter, the distinct people given one,
 *  and how many encounters have the kit field filled in. */
export function kitTotals(f: ProgramFilter) {
  return query<KitTotals>(`
    SELECT count(*) FILTER (WHERE naloxone_kit_given) AS kits,
      count(DISTINCT participant_id) FILTER (WHERE naloxone_kit_given) AS people,
      count(naloxone_kit_given) AS recorded, count(*) AS encounters
    FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}`);
}
