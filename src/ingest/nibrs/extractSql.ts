import { sqlString } from '../../db/sql.ts';
import type { NibrsRole } from './parts.ts';

/** The SQL that turns an FBI NIBRS state extract into monthly offense counts per agency, the same
 *  in the browser (DuckDB-wasm) and on the command line (`npm run aggregate`, native DuckDB).
 *
 *  Offenses are joined to their incident (for its agency and date) and, in 2016-2020 extracts, to
 *  the offense type table for their code; 2021-on extracts carry the code on the offense. Each
 *  offense counts once in the month of its incident's date. A month counts as reported when
 *  `NIBRS_month` says the agency filed incidents (I) or a zero report (Z) for it; any other status,
 *  or no row, is a month not reported: a gap, never a zero. Without `NIBRS_month`, a month in which
 *  an agency has no offense at all is taken as not reported. */

/** One table of the extract as given to the SQL: the name `read_csv` reads it by and its header as
 *  written (its columns are looked up whatever their letter case). */
export interface ExtractTable { ref: string; header: readonly string[] }

export type ExtractTables = Partial<Record<NibrsRole, ExtractTable>> & { agencies: ExtractTable; incident: ExtractTable; offense: ExtractTable };

/** The working tables of one extract: `${prefix}_agencies`, `_counts`, `_reported`, `_years`. */
export function extractTableNames(prefix: string) {
  return { agencies: `${prefix}_agencies`, counts: `${prefix}_counts`, reported: `${prefix}_reported`, years: `${prefix}_years`, types: `${prefix}_types` };
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The column of `t` named one of `names` (in order of preference, any letter case), as SQL; NULL
 *  when it has none of them. */
function column(t: ExtractTable, ...names: string[]): string {
  const own = namesOf(t);
  const lower = own.map((h) => h.toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n);
    if (i >= 0) return ident(own[i]!);
  }
  return 'NULL';
}

const read = (t: ExtractTable) => `read_csv(${sqlString(t.ref)}, header = true, all_varchar = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columnsOf(t)})`;

/** Every column as text, by the header's own names: `auto_detect` off, so nothing is sniffed and a
 *  late odd value cannot fail the read. A repeated name is read under DuckDB's numbered name
 *  (2016-2020 `NIBRS_month` writes `DATA_YEAR` twice; the second is the incident's data year). */
function columnsOf(t: ExtractTable): string {
  return `{${namesOf(t).map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
}

/** The header's names, a repeated one numbered as DuckDB numbers it (`DATA_YEAR_1`). */
function namesOf(t: ExtractTable): string[] {
  const seen = new Map<string, number>();
  return t.header.map((h) => {
    const k = h.trim().toLowerCase();
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n ? `${h.trim()}_${n}` : h.trim();
  });
}

/** A date as the extract writes it: ISO (2021 on; some with a time after it) or Oracle's
 *  `05-JAN-21` (2016-2020). Anything else is NULL, counted as an offense without a date. */
export function extractDateSql(expr: string): string {
  return `CASE WHEN regexp_matches(${expr}, '^\\d{4}-\\d{2}-\\d{2}') THEN try_cast(left(${expr}, 10) AS DATE)
    ELSE CAST(try_strptime(trim(${expr}), '%d-%b-%y') AS DATE) END`;
}

/** Statements that read the extract into its working tables. */
export function extractSql(tables: ExtractTables, prefix: string): string[] {
  const n = extractTableNames(prefix);
  const { agencies: ag, incident: inc, offense: off } = tables;
  const byType = column(off, 'offense_code') === 'NULL';
  const types = tables.offense_type;
  const out: string[] = [];
  out.push(types
    ? `CREATE OR REPLACE TEMP TABLE ${n.types} AS SELECT upper(trim(${column(types, 'offense_code')})) AS code,
        any_value(trim(${column(types, 'offense_name')})) AS name, try_cast(${column(types, 'offense_type_id')} AS INTEGER) AS type_id
      FROM ${read(types)} GROUP BY ALL`
    : `CREATE OR REPLACE TEMP TABLE ${n.types} (code VARCHAR, name VARCHAR, type_id INTEGER)`);
  // One row per agency: the latest year's, when the file holds several.
  const name = `trim(coalesce(nullif(trim(${column(ag, 'pub_agency_name')}), '') || coalesce(' ' || nullif(trim(${column(ag, 'pub_agency_unit')}), ''), ''),
    nullif(trim(${column(ag, 'ncic_agency_name')}), ''), nullif(trim(${column(ag, 'ucr_agency_name')}), ''), ${column(ag, 'ori')}))`;
  // Two agencies of one name (Yuma's city police and its county sheriff) are told apart by their type,
  // then by their ORI.
  out.push(`CREATE OR REPLACE TEMP TABLE ${n.agencies} AS
    SELECT agency_id, ori, CASE WHEN count(*) OVER (PARTITION BY name) = 1 THEN name
        WHEN type IS NOT NULL AND count(*) OVER (PARTITION BY name, type) = 1 THEN name || ' (' || type || ')'
        ELSE name || ' (' || ori || ')' END AS name, state, county, type, population
    FROM (SELECT agency_id, arg_max(ori, year) AS ori, arg_max(name, year) AS name, arg_max(state, year) AS state,
      arg_max(county, year) AS county, arg_max(type, year) AS type, arg_max(population, year) AS population
    FROM (SELECT try_cast(${column(ag, 'agency_id')} AS BIGINT) AS agency_id, coalesce(try_cast(${column(ag, 'data_year')} AS INTEGER), 0) AS year,
        trim(${column(ag, 'ori')}) AS ori, ${name} AS name,
        nullif(trim(coalesce(nullif(trim(${column(ag, 'state_postal_abbr')}), ''), ${column(ag, 'state_abbr')})), '') AS state,
        nullif(trim(${column(ag, 'county_name')}), '') AS county, nullif(trim(${column(ag, 'agency_type_name')}), '') AS type,
        try_cast(${column(ag, 'population')} AS BIGINT) AS population
      FROM ${read(ag)})
    WHERE agency_id IS NOT NULL GROUP BY agency_id)`);
  // Offenses per agency, data year, month and code. The offense's code comes through its type
  // (2016-2020) or is on it (2021 on); an offense whose incident or type the extract lacks is kept
  // with a NULL agency or code, to be counted in the report.
  const code = byType ? 't.code' : `upper(trim(o.code))`;
  out.push(`CREATE OR REPLACE TEMP TABLE ${n.counts} AS
    SELECT i.agency_id, i.data_year, CAST(date_trunc('month', i.date) AS DATE) AS month, ${code} AS code,
      i.incident_id IS NOT NULL AS matched, count(*) AS n
    FROM (SELECT try_cast(${column(off, 'incident_id')} AS BIGINT) AS incident_id,
        ${byType ? `try_cast(${column(off, 'offense_type_id')} AS INTEGER)` : column(off, 'offense_code')} AS code
      FROM ${read(off)}) o
    LEFT JOIN (SELECT try_cast(${column(inc, 'incident_id')} AS BIGINT) AS incident_id, try_cast(${column(inc, 'agency_id')} AS BIGINT) AS agency_id,
        try_cast(${column(inc, 'data_year')} AS INTEGER) AS data_year, ${extractDateSql(column(inc, 'incident_date'))} AS date
      FROM ${read(inc)}) i ON i.incident_id = o.incident_id
    ${byType ? `LEFT JOIN ${n.types} t ON t.type_id = o.code` : ''}
    GROUP BY ALL`);
  // The years the extract covers: its incidents' data years (and its month table's).
  const month = tables.month;
  const monthYear = month ? column(month, 'inc_data_year', 'data_year_1', 'data_year') : 'NULL';
  out.push(`CREATE OR REPLACE TEMP TABLE ${n.years} AS
    SELECT DISTINCT data_year AS year FROM ${n.counts} WHERE data_year BETWEEN 1900 AND 2100
    ${month ? `UNION SELECT DISTINCT try_cast(${monthYear} AS INTEGER) FROM ${read(month)} WHERE try_cast(${monthYear} AS INTEGER) BETWEEN 1900 AND 2100` : ''}`);
  out.push(month
    ? `CREATE OR REPLACE TEMP TABLE ${n.reported} AS
      SELECT DISTINCT try_cast(${column(month, 'agency_id')} AS BIGINT) AS agency_id,
        make_date(try_cast(${monthYear} AS INTEGER), try_cast(${column(month, 'month_num')} AS INTEGER), 1) AS month
      FROM ${read(month)}
      WHERE upper(trim(${column(month, 'reported_status')})) IN ('I', 'Z') AND try_cast(${column(month, 'month_num')} AS INTEGER) BETWEEN 1 AND 12
        AND try_cast(${monthYear} AS INTEGER) BETWEEN 1900 AND 2100`
    : `CREATE OR REPLACE TEMP TABLE ${n.reported} AS SELECT DISTINCT agency_id, month FROM ${n.counts}
      WHERE agency_id IS NOT NULL AND month IS NOT NULL AND n > 0`);
  return out;
}

/** Months of the years the extract covers. */
const coveredMonths = (n: ReturnType<typeof extractTableNames>) =>
  `SELECT CAST(unnest(generate_series(make_date(year, 1, 1), make_date(year, 12, 1), INTERVAL 1 MONTH)) AS DATE) AS month FROM ${n.years}`;

/** One row per agency, for picking: its offenses in the covered years, the addiction-associated
 *  ones among them (by the shipped code table), and the months it reported. */
export function extractAgenciesSql(prefix: string): string {
  const n = extractTableNames(prefix);
  return `WITH m AS (${coveredMonths(n)}),
    c AS (SELECT agency_id, sum(n) AS offenses, sum(n) FILTER (WHERE code IN (SELECT code FROM offense_codes WHERE addiction_associated)) AS associated
      FROM ${n.counts} WHERE month IN (SELECT month FROM m) GROUP BY agency_id),
    r AS (SELECT agency_id, count(*) AS reported FROM ${n.reported} WHERE month IN (SELECT month FROM m) GROUP BY agency_id)
    SELECT a.agency_id AS id, a.ori, a.name, a.state, a.county, a.type, a.population,
      coalesce(c.offenses, 0) AS offenses, coalesce(c.associated, 0) AS associated, coalesce(r.reported, 0) AS reported,
      (SELECT count(*) FROM m) AS months
    FROM ${n.agencies} a LEFT JOIN c USING (agency_id) LEFT JOIN r USING (agency_id)
    ORDER BY a.name, a.ori`;
}

/** What the extract holds that the counts leave out, for the report. */
export function extractTalliesSql(prefix: string): string {
  const n = extractTableNames(prefix);
  return `WITH m AS (${coveredMonths(n)})
    SELECT coalesce(sum(n), 0) AS offenses,
      coalesce(sum(n) FILTER (WHERE NOT matched), 0) AS noIncident,
      coalesce(sum(n) FILTER (WHERE matched AND code IS NULL), 0) AS noCode,
      coalesce(sum(n) FILTER (WHERE matched AND month IS NULL), 0) AS noDate,
      coalesce(sum(n) FILTER (WHERE month < (SELECT min(month) FROM m)), 0) AS before,
      coalesce(sum(n) FILTER (WHERE month > (SELECT max(month) FROM m)), 0) AS after,
      coalesce(sum(n) FILTER (WHERE month IN (SELECT month FROM m) AND code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${n.reported} r WHERE r.agency_id = c.agency_id AND r.month = c.month)), 0) AS unreported,
      (SELECT string_agg(year, ', ' ORDER BY year) FROM ${n.years}) AS years,
      (SELECT count(*) FROM ${n.agencies}) AS agencies
    FROM ${n.counts} c`;
}

/** The monthly counts of the chosen agencies (all when `agencyIds` is null), in the layout of a
 *  monthly-counts file: one row per agency, month of the covered years and offense code the agency
 *  has offenses of, the count blank for a month it did not report and 0 for a reported month
 *  without such offenses. */
export function extractCountsSql(prefix: string, agencyIds: readonly number[] | null): string {
  const n = extractTableNames(prefix);
  const chosen = agencyIds ? `WHERE agency_id IN (${agencyIds.length ? agencyIds.map((x) => Math.trunc(x)).join(', ') : 'NULL'})` : '';
  return `WITH m AS (${coveredMonths(n)}),
    a AS (SELECT * FROM ${n.agencies} ${chosen}),
    x AS (SELECT agency_id, month, code, sum(n) AS n FROM ${n.counts}
      WHERE code IS NOT NULL AND month IN (SELECT month FROM m) AND agency_id IN (SELECT agency_id FROM a) GROUP BY ALL),
    codes AS (SELECT DISTINCT agency_id, code FROM x),
    names AS (SELECT code, any_value(name) AS name FROM ${n.types} GROUP BY code)
    SELECT strftime(m.month, '%Y-%m') AS month, a.ori, a.name AS agency_name, a.state AS state_abbr, codes.code AS offense_code,
      coalesce(names.name, oc.name, codes.code) AS offense,
      CASE WHEN r.agency_id IS NOT NULL THEN coalesce(x.n, 0) END AS count
    FROM a JOIN codes USING (agency_id) CROSS JOIN m
    LEFT JOIN ${n.reported} r ON r.agency_id = a.agency_id AND r.month = m.month
    LEFT JOIN x ON x.agency_id = a.agency_id AND x.month = m.month AND x.code = codes.code
    LEFT JOIN names ON names.code = codes.code
    LEFT JOIN offense_codes oc ON oc.code = codes.code
    ORDER BY a.ori, m.month, codes.code`;
}

/** Drops the working tables. */
export function dropExtractSql(prefix: string): string[] {
  return Object.values(extractTableNames(prefix)).map((t) => `DROP TABLE IF EXISTS ${t}`);
}
