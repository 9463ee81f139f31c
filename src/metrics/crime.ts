import { sqlString } from '../db/sql.ts';
import { periodCondition, type Period } from './filters.ts';
import { query } from './query.ts';

export interface MonthlyOffenses extends Record<string, unknown> {
  month: Date;
  group: string;
  count: number;
}

/** Addiction-associated offenses per month and group, from incident records (each incident counted
 *  once under its NIBRS code's group). Offenses without a known code are not counted here. */
export function addictionCrimeFromIncidents(p: Period, series?: string) {
  const where = [periodCondition('i.date', p), series ? `${INCIDENT_SERIES.replace(/\b(agency|source_file)\b/g, 'i.$1')} = ${sqlString(series)}` : 'true'].join(' AND ');
  return query<MonthlyOffenses>(`
    SELECT CAST(date_trunc('month', i.date) AS DATE) AS month, c.grp AS "group", count(*) AS count
    FROM crime_incidents i JOIN offense_codes c ON c.code = i.nibrs_code
    WHERE c.addiction_associated AND ${where}
    GROUP BY ALL ORDER BY month, "group"`);
}

/** The same from monthly counts for one agency. Months an offense was not reported are left out,
 *  never counted as zero. */
export function addictionCrimeFromMonthly(p: Period, agency: string) {
  return query<MonthlyOffenses>(`
    SELECT m.month, c.grp AS "group", sum(m.count) AS count
    FROM crime_monthly m JOIN offense_codes c ON c.code = m.nibrs_code
    WHERE c.addiction_associated AND m.count IS NOT NULL AND m.agency = ${sqlString(agency)}
      AND ${periodCondition('m.month', p)}
    GROUP BY ALL ORDER BY m.month, "group"`);
}

/** Incident files without an agency column form a series of their own, named by the file. */
const INCIDENT_SERIES = 'coalesce(agency, source_file)';

/** The crime series that can be charted: one per agency (or agency-less incident file). */
export function crimeAgencies() {
  return query<{ agency: string; source: 'incidents' | 'monthly'; rows: number }>(`
    SELECT ${INCIDENT_SERIES} AS agency, 'incidents' AS source, count(*) AS rows FROM crime_incidents GROUP BY 1
    UNION ALL
    SELECT agency, 'monthly' AS source, count(*) AS rows FROM crime_monthly WHERE agency IS NOT NULL GROUP BY agency
    ORDER BY source, agency`);
}
