/** The canonical tables (DESIGN.md, "Canonical data v1"). Each is a view over its loaded files'
 *  own tables (db/fileTables.ts), every row with its file in `source_file`, so re-loading a file
 *  replaces its rows instead of doubling them. */
export const TABLES = {
  encounters: `encounter_id VARCHAR, participant_id VARCHAR, encounter_date TIMESTAMP, agency VARCHAR,
    pathway VARCHAR, age_band VARCHAR, sex VARCHAR, race_ethnicity VARCHAR, residence VARCHAR,
    primary_substance VARCHAR, eligible BOOLEAN, ineligible_reason VARCHAR, placement_offered BOOLEAN,
    placement_date TIMESTAMP, treatment_type VARCHAR, provider VARCHAR, engaged_30d VARCHAR,
    naloxone_kit_given BOOLEAN`,
  costs: `date DATE, amount DOUBLE, category VARCHAR, funding_source VARCHAR, encounter_id VARCHAR`,
  naloxone: `date DATE, agency VARCHAR, doses INTEGER, outcome VARCHAR`,
  /** `count`: what the incident row counts for, 1 unless the file says otherwise (-1: unfounded or deleted). */
  crime_incidents: `date DATE, offense VARCHAR, nibrs_code VARCHAR, agency VARCHAR, incident_id VARCHAR, count DOUBLE`,
  crime_monthly: `month DATE, agency VARCHAR, agency_name VARCHAR, state VARCHAR, offense VARCHAR,
    nibrs_code VARCHAR, count DOUBLE`,
  overdose_vsrr: `state VARCHAR, state_name VARCHAR, month DATE, indicator VARCHAR, value DOUBLE,
    status VARCHAR, percent_complete DOUBLE, predicted_value DOUBLE`,
  /** CDC WONDER: `level` is 'county' (county and county_fips set) or 'state' (an export grouped by
   *  State alone: county and county_fips NULL). A county export without a State column has state NULL
   *  and state_fips from its county code. */
  overdose_wonder: `county VARCHAR, county_fips VARCHAR, year INTEGER, deaths DOUBLE, deaths_status VARCHAR,
    population DOUBLE, crude_rate DOUBLE, crude_rate_status VARCHAR, state VARCHAR, state_fips VARCHAR, level VARCHAR`,
  /** CDC VSRR county provisional counts: `month` is the month the 12 months end in. */
  overdose_county: `county_fips VARCHAR, county VARCHAR, state VARCHAR, month DATE, deaths DOUBLE, deaths_status VARCHAR,
    percent_pending DOUBLE`,
  overdose_monthly: `month DATE, area VARCHAR, fatal DOUBLE, nonfatal DOUBLE, total DOUBLE`,
  overdose_incidents: `date DATE, incident_id VARCHAR, victim_id VARCHAR, county VARCHAR, county_fips VARCHAR,
    naloxone BOOLEAN, survived VARCHAR`,
  /** Death records (a medical examiner's export), one row per death with a date; `age_band` a
   *  10-year band (never the exact age). Substance groups: true when a flag column marking the group
   *  says present; NULL when the file has no column for that group. A death can involve several. */
  overdose_deaths: `date DATE, age_band VARCHAR, sex VARCHAR, race VARCHAR, residence_city VARCHAR, residence_county VARCHAR,
    death_city VARCHAR, death_county VARCHAR, opioid BOOLEAN, fentanyl BOOLEAN, heroin BOOLEAN, cocaine BOOLEAN,
    methamphetamine BOOLEAN, benzodiazepine BOOLEAN, alcohol BOOLEAN, other BOOLEAN`,
  /** Yearly crime figures by place (ingest/kinds/annualFiles.ts): `measure` 'count' or 'rate' (never
   *  added together), `per` a rate's base (100000) when its measure type says it; `offense` as the
   *  file writes it, matched to NIBRS codes when queried. */
  crime_annual: `place VARCHAR, year INTEGER, offense VARCHAR, measure VARCHAR, per DOUBLE, value DOUBLE`,
  /** A state's overdose deaths by town and year (ingest/kinds/townYearFiles.ts): `place` as the
   *  table writes it; `basis` residence or death (the place of death) when the place column's
   *  header says which, else NULL; a withheld count is NULL with its `status`. */
  overdose_town_years: `place VARCHAR, year INTEGER, count DOUBLE, status VARCHAR, basis VARCHAR`,
  /** CDC DOSE nonfatal overdoses (ingest/kinds/doseFiles.ts), one row per place, period, drug and
   *  measure. `source`: DOSE-SyS or DOSE-DX; `setting`: ED (emergency-department visits) or HOSP
   *  (inpatient stays); `level`: state, or county (county_fips set); `period`: month, '12 months'
   *  (ending in `month`) or year (`month` is its January); `measure`: DOSE_MEASURES. A value the
   *  source withholds is NULL with its `status` (suppressed, not shared, not participating, not
   *  available). */
  overdose_ed: `source VARCHAR, setting VARCHAR, level VARCHAR, state VARCHAR, county VARCHAR, county_fips VARCHAR,
    period VARCHAR, month DATE, drug VARCHAR, measure VARCHAR, value DOUBLE, status VARCHAR`,
} as const;

export type TableName = keyof typeof TABLES;

/** The database's own tables (the canonical ones are views: db/fileTables.ts, emptyViewsSql).
 *  `_loads`: one row per loaded file; `table_name` the canonical table it adds to, `data_table`
 *  its own table, `select_list` the canonical columns from it (db/fileTables.ts). */
export function schemaSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS _loads (source_file VARCHAR PRIMARY KEY, kind VARCHAR, table_name VARCHAR,
      rows BIGINT, bytes BIGINT, loaded_at TIMESTAMP, mapping VARCHAR, data_table VARCHAR, select_list VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS offense_codes (code VARCHAR PRIMARY KEY, name VARCHAR, grp VARCHAR,
      addiction_associated BOOLEAN)`,
    `CREATE TABLE IF NOT EXISTS offense_aliases (alias VARCHAR PRIMARY KEY, code VARCHAR)`,
    // The user's own offense assignments (kept in this browser), consulted before the shipped aliases.
    `CREATE TABLE IF NOT EXISTS offense_user_aliases (alias VARCHAR PRIMARY KEY, code VARCHAR)`,
  ];
}

/** Column names of a canonical table, in order (without `source_file`). */
export function tableColumns(table: TableName): string[] {
  return tableColumnTypes(table).map(([c]) => c);
}

/** Column names and types of a canonical table, in order (without `source_file`). */
export function tableColumnTypes(table: TableName): [string, string][] {
  return TABLES[table].split(',').map((c) => {
    const [name, type] = c.trim().split(/\s+/);
    return [name!, type!];
  });
}
