import { normaliseOffenseSql } from './codes.ts';
import { crimeCodedSql } from './crimeCoded.ts';

/** Tables derived from the canonical ones, for speed. They are rebuilt inside the same transaction
 *  that changes their source, so they never disagree with it. */

/** crime_facts: every crime source as monthly counts, one row per series, month, offense text and
 *  code as the file gave them (incident records summed per month by their count, 1 unless the
 *  file's count column says otherwise, so a -1 for an unfounded or deleted incident nets it out;
 *  monthly counts as given, with NULL kept for "not reported"). Offenses are matched to NIBRS codes
 *  when queried (metrics/crime), through the editable offense table, so changing a mapping needs
 *  no reload. `offense_key` and
 *  `code_key` are the normal forms the offense tables are keyed on, worked out after counting (once
 *  per distinct offense and month, not once per incident). */
export const CRIME_FACTS = 'crime_facts';

/** The label of an incident-record series: its agency, or the file when the rows name none. */
export const INCIDENT_LABEL = 'coalesce(agency, source_file)';

export function crimeFactsSql(): string {
  const key = (e: string) => normaliseOffenseSql(e);
  return `CREATE OR REPLACE TABLE ${CRIME_FACTS} AS
    SELECT 'incidents:' || label AS series, label, 'incidents' AS source, month, offense, raw_code,
      ${key('offense')} AS offense_key, ${key('raw_code')} AS code_key, CAST(n AS DOUBLE) AS count
    FROM (SELECT ${INCIDENT_LABEL} AS label, CAST(date_trunc('month', date) AS DATE) AS month, offense,
        nibrs_code AS raw_code, sum(count) AS n
      FROM crime_incidents WHERE date IS NOT NULL GROUP BY ALL)
    UNION ALL
    SELECT 'monthly:' || agency, any_value(coalesce(agency_name || CASE WHEN state IS NOT NULL THEN ', ' || state ELSE '' END, agency)),
      'monthly', month, offense, nibrs_code, ${key('offense')}, ${key('nibrs_code')},
      CASE WHEN count(count) = count(*) THEN sum(count) END
    FROM crime_monthly WHERE agency IS NOT NULL AND month IS NOT NULL GROUP BY agency, month, offense, nibrs_code`;
}

/** The derived tables that depend on a canonical table. */
export function derivedSqlFor(table: string): string[] {
  if (table === 'crime_incidents' || table === 'crime_monthly') return [crimeFactsSql(), crimeCodedSql()];
  return [];
}
