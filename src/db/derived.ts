import { normaliseOffenseSql } from './codes.ts';
import { crimeCodedSql, emptyCrimeCodedSql } from './crimeCoded.ts';
import type { Connection } from './database.ts';
import { sqlIdent, sqlString } from './sql.ts';

/** Tables derived from the canonical ones, for speed. They change inside the same transaction that
 *  changes their source, so they never disagree with it. What depends on one incident file alone
 *  is worked out from that file's own table once, when it is loaded or restored (`fileDerivedSql`),
 *  and kept beside it until it is removed: a load or a removal never reads the other files again. */

/** crime_facts (a view): every crime source as monthly counts, one row per series, month, offense
 *  text and code as the file gave them (incident records summed per month by their count, 1 unless
 *  the file's count column says otherwise, so a -1 for an unfounded or deleted incident nets it out;
 *  monthly counts as given, with NULL kept for "not reported"), and `rows`, the records summed.
 *  Incident files are summed file by file, so two files of one agency give two rows for the same
 *  series, month and offense: every reader sums them. Offenses are matched to NIBRS codes when
 *  queried (metrics/crime), through the editable offense table, so changing a mapping needs no
 *  reload. `offense_key` and `code_key` are the normal forms the offense tables are keyed on,
 *  worked out after counting (once per distinct offense and month, not once per incident). */
export const CRIME_FACTS = 'crime_facts';

/** crime_spans (a view): per incident series and file, the first and last dates and how many
 *  distinct days have a record (metrics/partialMonths.ts). */
export const CRIME_SPANS = 'crime_spans';

/** The monthly-count files' part of crime_facts, rebuilt when one of them changes. */
const MONTHLY_FACTS = '_crime_monthly_facts';

/** The label of an incident-record series: its agency, or the file when the rows name none. */
export const INCIDENT_LABEL = 'coalesce(agency, source_file)';

const key = (e: string) => normaliseOffenseSql(e);

/** The tables kept beside an incident file's own table. */
export function fileDerivedTables(dataTable: string): { facts: string; spans: string } {
  return { facts: `${dataTable}_facts`, spans: `${dataTable}_spans` };
}

/** Their columns and types, as a kept file stores them (ingest/restore.ts). */
export const FILE_DERIVED_COLUMNS: Readonly<Record<'facts' | 'spans', readonly (readonly [string, string])[]>> = {
  facts: [['series', 'VARCHAR'], ['label', 'VARCHAR'], ['source', 'VARCHAR'], ['month', 'DATE'], ['offense', 'VARCHAR'],
    ['raw_code', 'VARCHAR'], ['offense_key', 'VARCHAR'], ['code_key', 'VARCHAR'], ['count', 'DOUBLE'], ['rows', 'BIGINT']],
  spans: [['series', 'VARCHAR'], ['file', 'VARCHAR'], ['first', 'DATE'], ['last', 'DATE'], ['days', 'BIGINT']],
};

/** The version of what `fileDerivedSql` works out: a kept file's derived tables of another version
 *  are worked out again from its rows. Raise it whenever that SQL changes what it gives. */
export const FILE_DERIVED_VERSION = 1;

/** Whether files of the canonical `table` have tables derived from them alone. */
export function hasFileDerived(table: string): boolean {
  return table === 'crime_incidents';
}

/** What is worked out from one loaded file's own table (`list`: its canonical columns, as in its
 *  view), for the canonical `table` it belongs to: incident files only. */
export function fileDerivedSql(table: string, dataTable: string, list: string, file: string): string[] {
  if (!hasFileDerived(table)) return [];
  const rows = `(SELECT ${list}, ${sqlString(file)} AS source_file FROM ${sqlIdent(dataTable)})`;
  const { facts, spans } = fileDerivedTables(dataTable);
  return [
    `CREATE OR REPLACE TABLE ${sqlIdent(facts)} AS
      SELECT 'incidents:' || label AS series, label, 'incidents' AS source, month, offense, raw_code,
        ${key('offense')} AS offense_key, ${key('raw_code')} AS code_key, CAST(n AS DOUBLE) AS count, CAST(rows AS BIGINT) AS rows
      FROM (SELECT ${INCIDENT_LABEL} AS label, CAST(date_trunc('month', date) AS DATE) AS month, offense,
          nibrs_code AS raw_code, sum(count) AS n, count(*) AS rows
        FROM ${rows} WHERE date IS NOT NULL GROUP BY ALL)`,
    // The distinct days as groups of their own, then counted: cheaper than count(DISTINCT date).
    `CREATE OR REPLACE TABLE ${sqlIdent(spans)} AS
      SELECT 'incidents:' || label AS series, ${sqlString(file)} AS file, min(date) AS first, max(date) AS last, CAST(count(*) AS BIGINT) AS days
      FROM (SELECT ${INCIDENT_LABEL} AS label, date FROM ${rows} WHERE date IS NOT NULL GROUP BY ALL) GROUP BY label`,
  ];
}

function monthlyFactsSql(): string {
  return `CREATE OR REPLACE TABLE ${MONTHLY_FACTS} AS
    SELECT 'monthly:' || agency AS series, any_value(coalesce(agency_name || CASE WHEN state IS NOT NULL THEN ', ' || state ELSE '' END, agency)) AS label,
      'monthly' AS source, month, offense, nibrs_code AS raw_code, ${key('offense')} AS offense_key, ${key('nibrs_code')} AS code_key,
      CASE WHEN count(count) = count(*) THEN sum(count) END AS count, count(*) AS rows
    FROM crime_monthly WHERE agency IS NOT NULL AND month IS NOT NULL GROUP BY agency, month, offense, nibrs_code`;
}

const names = (cols: readonly (readonly [string, string])[]) => cols.map(([c]) => sqlIdent(c)).join(', ');
const FACT_COLUMNS = names(FILE_DERIVED_COLUMNS.facts);

/** The two views over the incident files' derived tables (`dataTables`: those files' own tables). */
function crimeViewsSql(dataTables: readonly string[]): string[] {
  const facts = dataTables.map((t) => `SELECT ${FACT_COLUMNS} FROM ${sqlIdent(fileDerivedTables(t).facts)}`);
  const spans = dataTables.map((t) => `SELECT ${names(FILE_DERIVED_COLUMNS.spans)} FROM ${sqlIdent(fileDerivedTables(t).spans)}`);
  const noSpans = `SELECT ${FILE_DERIVED_COLUMNS.spans.map(([c, t]) => `NULL::${t} AS ${sqlIdent(c)}`).join(', ')} WHERE false`;
  return [
    `CREATE OR REPLACE VIEW ${CRIME_FACTS} AS ${[...facts, `SELECT ${FACT_COLUMNS} FROM ${MONTHLY_FACTS}`].join('\nUNION ALL ')}`,
    `CREATE OR REPLACE VIEW ${CRIME_SPANS} AS ${[...spans, noSpans].join('\nUNION ALL ')}`,
  ];
}

/** The derived tables with no file loaded (the database's start, after the canonical views):
 *  created empty with their columns' types, not worked out from empty tables (which costs the
 *  start a fifth of a second, DuckDB-wasm running each query's code for the first time). */
export function emptyDerivedSql(): string[] {
  const facts = FILE_DERIVED_COLUMNS.facts.map(([c, t]) => `${sqlIdent(c)} ${t}`).join(', ');
  return [`CREATE OR REPLACE TABLE ${MONTHLY_FACTS} (${facts})`, ...crimeViewsSql([]), emptyCrimeCodedSql()];
}

/** Rebuilds what is derived across files from the canonical tables just changed (inside the
 *  caller's transaction); each file's own derived tables are already there (fileTables.ts). */
export async function rederive(conn: Connection, tables: readonly string[], signal?: AbortSignal): Promise<void> {
  const changed = new Set(tables);
  if (!changed.has('crime_incidents') && !changed.has('crime_monthly')) return;
  if (changed.has('crime_monthly')) await conn.run(monthlyFactsSql(), signal);
  const files = await conn.query<{ data_table: string }>(
    `SELECT data_table FROM _loads WHERE table_name = 'crime_incidents' ORDER BY loaded_at, source_file`);
  for (const sql of crimeViewsSql(files.map((f) => f.data_table))) await conn.run(sql, signal);
  await conn.run(crimeCodedSql(), signal);
}
