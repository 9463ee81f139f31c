import { sqlString } from '../db/sql.ts';
import { quietDaysSql } from './partialMonths.ts';
import { query } from './query.ts';

/** One month of a local overdose series. Local sources are monthly counts the town keeps
 *  (overdose_monthly) or incident records such as ODIN (overdose_incidents, one row per victim). */
export interface LocalMonth extends Record<string, unknown> {
  series: string;
  month: Date;
  /** All overdoses (fatal and nonfatal); null when the source did not give it for the month. */
  total: number | null;
  fatal: number | null;
  /** Naloxone given at the overdose (incident records only). */
  naloxone: number | null;
}

/** Local overdose series by month: each area of the monthly file, and each incident file (by
 *  county where it has one). Every month from a series' first to its last appears; in incident
 *  records a month without an incident is zero, in monthly counts a missing month is a gap. The
 *  first or last month of an incident file that it covers only in part (the partial-month rule of
 *  metrics/partialMonths: the records start after its 1st or stop before its last day by more than the
 *  file's own daily rate explains) is left as a gap (ODIN's export stops on 15 January 2020). */
export function localOverdosesByMonth() {
  return query<LocalMonth>(`
    WITH m AS (
      SELECT coalesce(area, 'Local') AS series, month, sum(total) AS total, sum(fatal) AS fatal, CAST(NULL AS DOUBLE) AS naloxone, false AS incidents
      FROM overdose_monthly WHERE month IS NOT NULL GROUP BY ALL
      UNION ALL
      SELECT series, month, CASE WHEN NOT incomplete THEN n END, CASE WHEN NOT incomplete THEN fatal END,
        CASE WHEN NOT incomplete THEN nal END, true
      FROM (SELECT series, month, n, fatal, nal,
          -- The file's first or last month is partial (metrics/partialMonths) when its records start or stop
          -- further from the month's edge than the file's daily rate explains as quiet days.
          (month = file_last_month AND date_diff('day', file_last, last_day(month)) > quiet)
            OR (month = file_first_month AND date_diff('day', month, file_first) > quiet) AS incomplete
        FROM (SELECT source_file, coalesce(county || ' County (incident records)', source_file) AS series,
            CAST(date_trunc('month', date) AS DATE) AS month, count(*) AS n, count(*) FILTER (WHERE survived = 'no') AS fatal,
            count(*) FILTER (WHERE naloxone) AS nal
          FROM overdose_incidents WHERE date IS NOT NULL GROUP BY source_file, county, month)
        JOIN (SELECT source_file, min(date) AS file_first, max(date) AS file_last,
            CAST(date_trunc('month', min(date)) AS DATE) AS file_first_month, CAST(date_trunc('month', max(date)) AS DATE) AS file_last_month,
            ${quietDaysSql('count(DISTINCT date)', 'min(date)', 'max(date)')} AS quiet
          FROM overdose_incidents WHERE date IS NOT NULL GROUP BY source_file) USING (source_file))),
    span AS (SELECT series, min(month) AS lo, max(month) AS hi, bool_or(incidents) AS incidents FROM m GROUP BY series),
    spine AS (SELECT series, incidents, CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM span)
    SELECT spine.series, spine.month,
      CASE WHEN m.series IS NULL AND spine.incidents THEN 0 ELSE m.total END AS total,
      CASE WHEN m.series IS NULL AND spine.incidents THEN 0 ELSE m.fatal END AS fatal,
      CASE WHEN m.series IS NULL AND spine.incidents THEN 0 ELSE m.naloxone END AS naloxone
    FROM spine LEFT JOIN m USING (series, month)
    ORDER BY spine.series, spine.month`);
}

export interface EndingMonth extends Record<string, unknown> {
  series: string;
  month: Date;
  /** A 12-month-ending count as published; null when suppressed or not given. */
  value: number | null;
  /** Why the value is missing: 'suppressed' (too few deaths to publish), 'not given', or null. */
  status: string | null;
}

/** VSRR states and the indicators each one has. */
export function vsrrIndicators() {
  return query<{ state: string; stateName: string | null; indicator: string; months: number }>(`
    SELECT state, any_value(state_name) AS stateName, indicator, count(*) AS months
    FROM overdose_vsrr GROUP BY state, indicator ORDER BY state, indicator`);
}

/** One state's 12-month-ending provisional deaths for one VSRR indicator. CDC publishes blank
 *  values where counts are too small or incomplete; those stay gaps with their status. */
export function vsrrSeries(state: string, indicator: string) {
  return query<EndingMonth>(`
    SELECT ${sqlString(state)} AS series, month, value,
      CASE WHEN value IS NULL THEN coalesce(lower(status), 'not given') END AS status
    FROM overdose_vsrr WHERE state = ${sqlString(state)} AND indicator = ${sqlString(indicator)} ORDER BY month`);
}

/** Counties with provisional 12-month-ending counts (CDC county-level file). */
export function countyList() {
  return query<{ fips: string; county: string; state: string | null; months: number }>(`
    SELECT county_fips AS fips, any_value(county) AS county, any_value(state) AS state, count(*) AS months
    FROM overdose_county GROUP BY county_fips ORDER BY state, county`);
}

/** One county's 12-month-ending provisional deaths; suppressed counts (1–9 deaths) are gaps. */
export function countySeries(fips: string) {
  return query<EndingMonth>(`
    SELECT ${sqlString(fips)} AS series, month, deaths AS value,
      CASE WHEN deaths IS NULL THEN coalesce(lower(deaths_status), 'suppressed') END AS status
    FROM overdose_county WHERE county_fips = ${sqlString(fips)} ORDER BY month`);
}

export interface WonderYear extends Record<string, unknown> { county: string; fips: string | null; year: number; deaths: number | null; status: string | null; population: number | null; rate: number | null; rateStatus: string | null }

/** The key of a WONDER place: a county's FIPS code (5 digits) or name, a state's FIPS code (2
 *  digits) or name. */
const WONDER_PLACE = `CASE WHEN level = 'state' THEN coalesce(state_fips, state) ELSE coalesce(county_fips, county) END`;

/** CDC WONDER places with annual deaths (final data): states (an export grouped by State) first,
 *  then counties. `fips` is the key `wonderSeries` takes, `county` the place's name. */
export function wonderCounties() {
  return query<{ fips: string; county: string; level: 'county' | 'state'; years: number }>(`
    SELECT ${WONDER_PLACE} AS fips, any_value(coalesce(county, state)) AS county, any_value(level) AS level, count(*) AS years
    FROM overdose_wonder GROUP BY 1 ORDER BY any_value(level) = 'county', county`);
}

/** One WONDER place by year. Suppressed and unreliable values keep their status, never a zero. */
export function wonderSeries(fips: string) {
  return query<WonderYear>(`
    SELECT coalesce(county, state) AS county, coalesce(county_fips, state_fips) AS fips, year, deaths,
      CASE WHEN deaths IS NULL THEN lower(deaths_status) END AS status,
      population, crude_rate AS rate, CASE WHEN crude_rate IS NULL THEN lower(crude_rate_status) END AS rateStatus
    FROM overdose_wonder WHERE ${WONDER_PLACE} = ${sqlString(fips)} ORDER BY year`);
}

/** Naloxone administrations by officers per month, from the program's naloxone log. */
export function naloxoneAdministrations() {
  return query<{ month: Date; administrations: number }>(`
    SELECT CAST(date_trunc('month', date) AS DATE) AS month, count(*) AS administrations
    FROM naloxone WHERE date IS NOT NULL GROUP BY 1 ORDER BY 1`);
}

/** Death records (overdose_deaths): count by the decedent's residence or by the place of death. */
export type DeathPlaceBy = 'residence' | 'death';
/** A place of death records: a city or a county, as the file writes it (matched regardless of case). */
export interface DeathPlace extends Record<string, unknown> { level: 'city' | 'county'; place: string; deaths: number }

const DEATH_GROUP_SQL = ['opioid', 'fentanyl', 'heroin', 'cocaine', 'methamphetamine', 'benzodiazepine', 'alcohol', 'other'] as const;

function placeColumn(by: DeathPlaceBy, level: 'city' | 'county'): string {
  return `${by === 'residence' ? 'residence' : 'death'}_${level}`;
}

/** The cities and counties of the death records, by residence or by place of death, most deaths
 *  first (deaths with a date: rows without one are never loaded). */
export function deathPlaces(by: DeathPlaceBy) {
  const part = (level: 'city' | 'county') => `SELECT '${level}' AS level, upper(trim(${placeColumn(by, level)})) AS place, count(*)::INTEGER AS deaths
    FROM overdose_deaths WHERE date IS NOT NULL AND nullif(trim(${placeColumn(by, level)}), '') IS NOT NULL GROUP BY 2`;
  return query<DeathPlace>(`SELECT * FROM (${part('city')} UNION ALL ${part('county')}) ORDER BY level = 'county', deaths DESC, place`);
}

/** Substance groups the death records have a column for (a group no file marks is NULL). */
export function deathGroups() {
  return query<{ grp: string }>(`SELECT grp FROM (SELECT ${DEATH_GROUP_SQL.map((g) => `count(${g}) AS ${g}`).join(', ')} FROM overdose_deaths)
    UNPIVOT (n FOR grp IN (${DEATH_GROUP_SQL.join(', ')})) WHERE n > 0`);
}

export interface DeathMonth extends Record<string, unknown> {
  month: Date;
  deaths: number;
  opioid: number; fentanyl: number; heroin: number; cocaine: number;
  methamphetamine: number; benzodiazepine: number; alcohol: number; other: number;
}

/** Deaths per month in one place (by residence or by place of death), and how many involved each
 *  substance group. Every month from the records' first to their last (over all places) appears:
 *  a month without a death in the place is zero. A death can involve several groups, so the
 *  group counts add up to more than the deaths. */
export function deathsByMonth(by: DeathPlaceBy, level: 'city' | 'county', place: string) {
  const col = placeColumn(by, level);
  return query<DeathMonth>(`
    WITH span AS (SELECT CAST(date_trunc('month', min(date)) AS DATE) AS lo, CAST(date_trunc('month', max(date)) AS DATE) AS hi
        FROM overdose_deaths WHERE date IS NOT NULL),
      spine AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM span WHERE lo IS NOT NULL),
      m AS (SELECT CAST(date_trunc('month', date) AS DATE) AS month, count(*)::INTEGER AS deaths,
          ${DEATH_GROUP_SQL.map((g) => `(count(*) FILTER (WHERE ${g}))::INTEGER AS ${g}`).join(', ')}
        FROM overdose_deaths WHERE date IS NOT NULL AND upper(trim(${col})) = ${sqlString(place.toUpperCase().trim())} GROUP BY 1)
    SELECT spine.month, coalesce(m.deaths, 0) AS deaths, ${DEATH_GROUP_SQL.map((g) => `coalesce(m.${g}, 0) AS ${g}`).join(', ')}
    FROM spine LEFT JOIN m USING (month) ORDER BY spine.month`);
}

/** Plain names of the death records' substance groups, for charts and tables. */
export const DEATH_GROUP_LABELS: Record<string, string> = {
  opioid: 'Any opioid', fentanyl: 'Fentanyl (incl. analogues)', heroin: 'Heroin', cocaine: 'Cocaine',
  methamphetamine: 'Methamphetamine or amphetamine', benzodiazepine: 'Benzodiazepines', alcohol: 'Alcohol', other: 'Other substances',
};
