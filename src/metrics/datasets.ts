import { CRIME_FACTS } from '../db/derived.ts';
import type { TableName } from '../db/schema.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { NO_FILTER } from '../domain/filter.ts';
import { placementsByMonth } from './placements.ts';
import type { ProgramData } from './records.ts';
import { query } from './query.ts';

/** "Check the numbers": for each loaded table, a monthly (or yearly) summary that a user can hold
 *  against the original file, narrowed by one or two of its own columns. */
export interface DatasetView {
  table: TableName;
  label: string;
  /** Columns to narrow by; the first value of each is chosen by default. */
  filters: { column: string; label: string }[];
  /** Columns of the summary, in order. */
  columns: { key: string; label: string; numeric?: boolean }[];
  sql?: (where: string) => string;
  /** Where the filters' values are counted, when not the table itself: a relation with the
   *  filter columns and `rows`, the records each row stands for. */
  counted?: string;
  /** For a program table: the summary from the program's own definitions (metrics/placements.ts),
   *  used instead of `sql`. */
  program?: (p: ProgramData) => Record<string, unknown>[];
}

const month = (c: string) => `CAST(date_trunc('month', ${c}) AS DATE)`;

/** Incident records by month and offense (every record has a date: the load requires one). */
const INCIDENT_RECORDS = `(SELECT month, offense, rows FROM ${CRIME_FACTS} WHERE source = 'incidents')`;

export const DATASET_VIEWS: DatasetView[] = [
  { table: 'encounters', label: 'Program encounters', filters: [],
    columns: [{ key: 'month', label: 'Month' }, { key: 'encounters', label: 'Encounters', numeric: true },
      { key: 'people', label: 'People', numeric: true }, { key: 'placed', label: 'Placed', numeric: true }],
    program: (p) => placementsByMonth(p, NO_FILTER).filter((r) => r.encounters > 0) },
  { table: 'costs', label: 'Cost ledger', filters: [{ column: 'funding_source', label: 'Funding source' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'rows', label: 'Entries', numeric: true }, { key: 'amount', label: 'Amount (USD)', numeric: true }],
    sql: (w) => `SELECT ${month('date')} AS month, count(*) AS rows, round(sum(amount), 2) AS amount FROM costs WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'naloxone', label: 'Naloxone log', filters: [],
    columns: [{ key: 'month', label: 'Month' }, { key: 'administrations', label: 'Administrations', numeric: true }, { key: 'doses', label: 'Doses', numeric: true }],
    sql: (w) => `SELECT ${month('date')} AS month, count(*) AS administrations, sum(doses) AS doses FROM naloxone WHERE ${w} GROUP BY 1 ORDER BY 1` },
  // The records per month, counted from crime_facts (records per file, agency, month and offense,
  // db/derived.ts), which a load works out anyway: a city's million rows are not read again.
  { table: 'crime_incidents', label: 'Crime incidents', filters: [{ column: 'offense', label: 'Offense' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'incidents', label: 'Incidents', numeric: true }],
    counted: INCIDENT_RECORDS,
    sql: (w) => `SELECT month, sum(rows) AS incidents FROM ${INCIDENT_RECORDS} WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'crime_monthly', label: 'Crime monthly counts',
    filters: [{ column: 'agency', label: 'Agency' }, { column: 'offense', label: 'Offense' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'count', label: 'Count', numeric: true }],
    sql: (w) => `SELECT month, sum(count) AS count FROM crime_monthly WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'crime_annual', label: 'Crime counts or rates by year',
    filters: [{ column: 'place', label: 'Place' }, { column: 'offense', label: 'Offense' }, { column: 'measure', label: 'Count or rate' }],
    columns: [{ key: 'year', label: 'Year' }, { key: 'value', label: 'Value', numeric: true }, { key: 'rows', label: 'Rows', numeric: true }],
    sql: (w) => `SELECT CAST(year AS VARCHAR) AS year, sum(value) AS value, count(*) AS rows FROM crime_annual WHERE ${w} GROUP BY year ORDER BY year` },
  { table: 'overdose_vsrr', label: 'CDC VSRR (12-month-ending counts)',
    filters: [{ column: 'state', label: 'State' }, { column: 'indicator', label: 'Indicator' }],
    columns: [{ key: 'month', label: '12 months ending' }, { key: 'value', label: 'Value', numeric: true }, { key: 'status', label: 'Status' }],
    sql: (w) => `SELECT month, value, status FROM overdose_vsrr WHERE ${w} ORDER BY 1` },
  { table: 'overdose_wonder', label: 'CDC WONDER', filters: [{ column: 'county', label: 'County' }, { column: 'state', label: 'State' }],
    columns: [{ key: 'year', label: 'Year' }, { key: 'deaths', label: 'Deaths', numeric: true }, { key: 'deaths_status', label: 'Deaths status' },
      { key: 'population', label: 'Population', numeric: true }, { key: 'crude_rate', label: 'Crude rate', numeric: true }, { key: 'crude_rate_status', label: 'Rate status' }],
    sql: (w) => `SELECT CAST(year AS VARCHAR) AS year, deaths, deaths_status, population, crude_rate, crude_rate_status FROM overdose_wonder WHERE ${w} ORDER BY year` },
  { table: 'overdose_monthly', label: 'Local overdose counts', filters: [{ column: 'area', label: 'Area' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'fatal', label: 'Fatal', numeric: true }, { key: 'nonfatal', label: 'Nonfatal', numeric: true }, { key: 'total', label: 'Total', numeric: true }],
    sql: (w) => `SELECT month, sum(fatal) AS fatal, sum(nonfatal) AS nonfatal, sum(total) AS total FROM overdose_monthly WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'overdose_incidents', label: 'Overdose incidents', filters: [{ column: 'county', label: 'County' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'victims', label: 'Victims', numeric: true },
      { key: 'naloxone', label: 'Naloxone administered', numeric: true }, { key: 'survived', label: 'Survived', numeric: true }],
    sql: (w) => `SELECT ${month('date')} AS month, count(*) AS victims, count(*) FILTER (WHERE naloxone) AS naloxone,
      count(*) FILTER (WHERE survived = 'yes') AS survived FROM overdose_incidents WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'overdose_deaths', label: 'Overdose death records',
    filters: [{ column: 'residence_city', label: 'City of residence' }, { column: 'death_city', label: 'City of death' }],
    columns: [{ key: 'month', label: 'Month' }, { key: 'deaths', label: 'Deaths', numeric: true },
      { key: 'opioid', label: 'Any opioid', numeric: true }, { key: 'fentanyl', label: 'Fentanyl', numeric: true }],
    sql: (w) => `SELECT ${month('date')} AS month, count(*) AS deaths, count(*) FILTER (WHERE opioid) AS opioid,
      count(*) FILTER (WHERE fentanyl) AS fentanyl FROM overdose_deaths WHERE ${w} GROUP BY 1 ORDER BY 1` },
  { table: 'overdose_town_years', label: 'Overdose deaths by town and year', filters: [{ column: 'place', label: 'Town' }],
    columns: [{ key: 'year', label: 'Year' }, { key: 'deaths', label: 'Deaths', numeric: true }, { key: 'withheld', label: 'Towns withheld', numeric: true }],
    sql: (w) => `SELECT CAST(year AS VARCHAR) AS year, sum(count) AS deaths, count(*) FILTER (WHERE count IS NULL) AS withheld
      FROM overdose_town_years WHERE ${w} GROUP BY year ORDER BY year` },
  { table: 'overdose_ed', label: 'Nonfatal overdoses (CDC DOSE)',
    filters: [{ column: 'state', label: 'State' }, { column: 'drug', label: 'Drug' }, { column: 'measure', label: 'Measure' }],
    columns: [{ key: 'source', label: 'Source' }, { key: 'setting', label: 'Setting' }, { key: 'period', label: 'Period' },
      { key: 'first', label: 'First' }, { key: 'last', label: 'Last' }, { key: 'figures', label: 'Figures', numeric: true },
      { key: 'withheld', label: 'Withheld', numeric: true }],
    sql: (w) => `SELECT source, setting, period, min(month) AS first, max(month) AS last, count(*) AS figures,
      count(*) FILTER (WHERE value IS NULL) AS withheld FROM overdose_ed WHERE ${w} GROUP BY ALL ORDER BY ALL` },
];

export const ALL = '(all)';

/** The summary of a table answered by the database (null for a program table). */
export function datasetSummary(view: DatasetView, chosen: Record<string, string>) {
  if (!view.sql) return null;
  const where = view.filters
    .filter((f) => chosen[f.column] && chosen[f.column] !== ALL)
    .map((f) => `${sqlIdent(f.column)} = ${sqlString(chosen[f.column]!)}`)
    .join(' AND ') || 'true';
  return query<Record<string, unknown>>(view.sql(where));
}

/** The values of a filter column, each with the records that have it. */
export function distinctValues(view: DatasetView, column: string) {
  return query<{ v: string; n: number }>(`SELECT ${sqlIdent(column)} AS v, ${view.counted ? 'sum(rows)' : 'count(*)'} AS n
    FROM ${view.counted ?? view.table} WHERE ${sqlIdent(column)} IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 2000`);
}
