import type { Connection } from './database.ts';
import { fileDerivedSql, fileDerivedTables } from './derived.ts';
import { tableColumnTypes, TABLES, type TableName } from './schema.ts';
import { sqlIdent, sqlString } from './sql.ts';

/** A table per loaded file. Each file's rows live in a table of their own (`_file_<n>`), and each
 *  canonical table (schema.ts) is a view: the union of its files' tables, each file's columns named
 *  and typed as the canonical table's, with the file's name as `source_file`. So a load keeps the
 *  table it read the file into (ingest/load.ts), a removal drops one table, and no row is copied
 *  from one table into another. `_loads` records, per file, its table and the SELECT list that
 *  turns the table's columns into the canonical ones. */

let counter = 0;

/** A name for a new file table, unique for this database's life. */
export function newFileTable(): string {
  return `_file_${++counter}`;
}

/** What `_loads` records about a loaded file. */
export interface LoadRecord {
  source_file: string;
  kind: string;
  table_name: string;
  rows: number;
  bytes: number;
  mapping: string;
}

/** The SELECT list for a table already in the canonical columns, under their own names. */
export function plainSelectList(table: TableName): string {
  return tableColumnTypes(table).map(([c]) => sqlIdent(c)).join(', ');
}

/** `exprs`: per canonical column, an expression over the file table's columns (NULL when the file
 *  has no such column); each is cast to the column's type (a no-op where it has it already). */
export function selectList(table: TableName, exprs: ReadonlyMap<string, string>): string {
  return tableColumnTypes(table).map(([c, t]) => `CAST(${exprs.get(c) ?? 'NULL'} AS ${t}) AS ${sqlIdent(c)}`).join(', ');
}

/** The view with no file: the canonical columns, no rows. */
function emptySelect(table: TableName): string {
  return `SELECT ${tableColumnTypes(table).map(([c, t]) => `NULL::${t} AS ${sqlIdent(c)}`).join(', ')}, NULL::VARCHAR AS source_file WHERE false`;
}

/** The canonical tables as views with no file in them (the database's start). */
export function emptyViewsSql(): string[] {
  return (Object.keys(TABLES) as TableName[]).map((t) => `CREATE OR REPLACE VIEW ${t} AS ${emptySelect(t)}`);
}

/** Makes `table`'s view the union of its files' tables, as `_loads` lists them. */
export async function rebuildView(conn: Connection, table: string): Promise<void> {
  if (!(table in TABLES)) throw new Error(`No canonical table ${table}.`);
  const files = await conn.query<{ source_file: string; data_table: string; select_list: string }>(
    `SELECT source_file, data_table, select_list FROM _loads WHERE table_name = ${sqlString(table)} ORDER BY loaded_at, source_file`);
  const parts = files.map((f) => `SELECT ${f.select_list}, ${sqlString(f.source_file)} AS source_file FROM ${sqlIdent(f.data_table)}`);
  await conn.run(`CREATE OR REPLACE VIEW ${table} AS ${[...parts, emptySelect(table as TableName)].join('\nUNION ALL ')}`);
}

/** Records `dataTable` as the loaded file `load` (its rows counted there, unless `rows` says how
 *  many it will hold), adds it to its canonical table's view and works out what is derived from it
 *  alone (db/derived.ts; `derive: false` when those tables were restored). Inside the caller's
 *  transaction. Returns the rows. */
export async function addFileTable(conn: Connection, load: Omit<LoadRecord, 'rows'>, dataTable: string, list: string,
  opts: { rows?: number; derive?: boolean } = {}): Promise<number> {
  const rows = opts.rows ?? Number((await conn.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${sqlIdent(dataTable)}`))[0]?.n ?? 0);
  await conn.run(`INSERT INTO _loads VALUES (${sqlString(load.source_file)}, ${sqlString(load.kind)}, ${sqlString(load.table_name)},
    ${rows}, ${load.bytes}, now()::TIMESTAMP, ${sqlString(load.mapping)}, ${sqlString(dataTable)}, ${sqlString(list)})`);
  await rebuildView(conn, load.table_name);
  if (opts.derive !== false) for (const sql of fileDerivedSql(load.table_name, dataTable, list, load.source_file)) await conn.run(sql);
  return rows;
}

/** Removes a loaded file: its record, its table and those derived from it, and its part of the view. Returns the canonical
 *  tables changed (none when no such file is loaded). Inside the caller's transaction. */
export async function dropFileTable(conn: Connection, file: string): Promise<string[]> {
  const f = sqlString(file);
  const previous = await conn.query<{ table_name: string; data_table: string }>(`SELECT table_name, data_table FROM _loads WHERE source_file = ${f}`);
  await conn.run(`DELETE FROM _loads WHERE source_file = ${f}`);
  for (const p of previous) {
    await rebuildView(conn, p.table_name);
    for (const t of [p.data_table, ...Object.values(fileDerivedTables(p.data_table))]) await conn.run(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
  }
  return previous.map((p) => p.table_name);
}

/** A loaded file's own rows in the canonical columns (without `source_file`), from its table:
 *  `rowid` there is the row's position in the table. */
export async function fileRowsSource(conn: Connection, file: string): Promise<{ dataTable: string; list: string } | undefined> {
  const [r] = await conn.query<{ data_table: string; select_list: string }>(`SELECT data_table, select_list FROM _loads WHERE source_file = ${sqlString(file)}`);
  return r && { dataTable: r.data_table, list: r.select_list };
}
