import { CRIME_FACTS } from '../db/derived.ts';

/** The monthly-counts file the dashboard writes (from an FBI NIBRS extract, in the browser and in
 *  `npm run aggregate`) and reads back as "Crime monthly counts (one row per offense)"
 *  (ingest/kinds/crimeFiles.ts): one row per agency, month and offense, `count` blank for a month
 *  the agency did not report. */
export const COUNTS_COLUMNS = ['month', 'ori', 'agency_name', 'state_abbr', 'offense_code', 'offense', 'count'] as const;

/** Incident records loaded (crime_incidents, through crime_facts) as monthly counts: every month
 *  from a series' first to its last, and every offense and code it has, with 0 where no incident
 *  of that offense fell in the month, so that the counts file charts exactly as the incidents do
 *  (an incident series has no unreported months; a monthly-counts row missing would be one). An
 *  incident without an offense is written as "(no offense given)": counted nowhere unless its
 *  code says where, as in the incident file. */
export function incidentCountsSql(): string {
  // Summed: crime_facts has a row per file, and one agency's incidents can come in several files.
  return `WITH f AS (SELECT label, month, offense, raw_code, sum(count) AS count FROM ${CRIME_FACTS} WHERE source = 'incidents' GROUP BY ALL),
    span AS (SELECT label, min(month) AS lo, max(month) AS hi FROM f GROUP BY label),
    months AS (SELECT label, CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM span),
    combos AS (SELECT DISTINCT label, offense, raw_code FROM f)
    SELECT strftime(months.month, '%Y-%m') AS month, combos.label AS ori, combos.label AS agency_name, CAST(NULL AS VARCHAR) AS state_abbr,
      combos.raw_code AS offense_code, coalesce(combos.offense, '(no offense given)') AS offense, coalesce(f.count, 0) AS count
    FROM combos JOIN months USING (label)
    LEFT JOIN f ON f.label = combos.label AND f.month = months.month AND f.offense IS NOT DISTINCT FROM combos.offense
      AND f.raw_code IS NOT DISTINCT FROM combos.raw_code`;
}

/** Monthly counts loaded (crime_monthly) as they are. */
export function monthlyCountsSql(): string {
  return `SELECT strftime(month, '%Y-%m') AS month, agency AS ori, agency_name, state AS state_abbr, nibrs_code AS offense_code, offense, count
    FROM crime_monthly WHERE month IS NOT NULL AND agency IS NOT NULL`;
}
