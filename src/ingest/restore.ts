import type { Connection, Database } from '../db/database.ts';
import { tableColumnTypes, TABLES, type TableName } from '../db/schema.ts';
import { fileDerivedTables, hasFileDerived, FILE_DERIVED_COLUMNS, FILE_DERIVED_VERSION } from '../db/derived.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { addFileTable, fileRowsSource, newFileTable, plainSelectList, type LoadRecord } from '../db/fileTables.ts';
import { forget, inTransaction, rederive } from './tableChanges.ts';

/** Files restored from their stored form: the rows a load put in the canonical tables, kept as
 *  CSV with the tables' own column names and types (the bundled sample's, data/sample/stored/),
 *  put back with one typed read, without parsing or checking the original again. (Not Parquet:
 *  DuckDB-wasm reads it through an extension, and nothing is downloaded at run time.) All or
 *  nothing: a stored form that does not fit the tables as they are now (a column added since it
 *  was written) changes nothing and says so, and the caller loads the originals instead.
 *
 *  A file kept in this browser is also kept with what was derived from it alone (db/derived.ts:
 *  an incident file's monthly facts and date spans), so that a reload can put those back first
 *  (`restoreDerivedFirst`: the pages' figures are back at once) and the rows after, a slice at a
 *  time while the page is still (`restoreRowsSlice`). */

/** A file's load record (what `_loads` holds of it) with its stored rows. */
export interface StoredLoad extends LoadRecord {
  /** The stored CSV's bytes (a Blob), or its path (Node): every row, or the first slice. */
  data: Blob | string;
  /** The further slices of the rows, without a header (a stored form written a slice at a time). */
  more?: readonly (Blob | string)[];
  /** The tables derived from this file alone, as CSV, and the version of their definitions. */
  derived?: { version: number; tables: Readonly<Record<string, Blob | string>> };
}

/** A file whose derived tables are back and whose rows are still to come, slice by slice. */
export interface PendingRows {
  source_file: string;
  table_name: string;
  dataTable: string;
  slices: readonly (Blob | string)[];
  rows: number;
}

let counter = 0;

/** Restores the loads, all or nothing. `derive: false` leaves the derived tables to the caller
 *  (restoring many files one by one, then deriving once); it returns the tables changed. */
export async function restoreStored(db: Database, conn: Connection, loads: readonly StoredLoad[], { derive = true } = {}): Promise<string[]> {
  const registered: string[] = [];
  try {
    return await inTransaction(conn, async () => {
      const tables = new Set<string>();
      for (const l of loads) {
        if (!(l.table_name in TABLES)) throw new Error(`${l.source_file}: no table ${l.table_name}.`);
        const name = `stored_${++counter}.csv`;
        const ref = await db.registerFile(name, l.data);
        registered.push(name);
        for (const t of await forget(conn, l.source_file)) tables.add(t);
        const types = await storedTypes(db, l);
        const target = newFileTable();
        await conn.run(`CREATE TABLE ${target} AS SELECT * FROM ${typedCsv(ref, types, true)}`);
        for (const [i, part] of (l.more ?? []).entries()) {
          const more = `stored_${++counter}_${i}.csv`;
          registered.push(more);
          await conn.run(`INSERT INTO ${target} SELECT * FROM ${typedCsv(await db.registerFile(more, part), types, false)}`);
        }
        const rows = await addFileTable(conn, l, target, plainSelectList(l.table_name as TableName));
        if (rows !== l.rows) throw new Error(`${l.source_file}: ${rows} rows restored, ${l.rows} stored.`);
        tables.add(l.table_name);
      }
      if (derive) await rederive(conn, [...tables]);
      return [...tables];
    });
  } finally {
    for (const name of registered) await db.dropFile(name).catch(() => undefined);
  }
}

/** A stored CSV read with the given column names and types. */
function typedCsv(ref: string, types: readonly (readonly [string, string])[], header: boolean): string {
  return `read_csv(${sqlString(ref)}, header = ${header}, auto_detect = false,
    columns = {${types.map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ')}}, delim = ',', quote = '"', escape = '"',
    nullstr = '\\N')`;
}

/** Puts back, all or nothing, each file's load record and what was derived from it alone, with
 *  its rows' table created empty; returns the tables changed and the rows still to restore (by
 *  `restoreRowsSlice`). Only for stored forms with derived tables of the current version
 *  (`hasDerived`); the derived views are left to the caller (restoring many files, then deriving
 *  once). Until a file's rows are back, its canonical table lacks them: the pages read the derived
 *  tables, never an incident file's rows. */
export async function restoreDerivedFirst(db: Database, conn: Connection, loads: readonly StoredLoad[]): Promise<{ tables: string[]; pending: PendingRows[] }> {
  const registered: string[] = [];
  try {
    return await inTransaction(conn, async () => {
      const tables = new Set<string>();
      const pending: PendingRows[] = [];
      for (const l of loads) {
        if (!hasDerived(l)) throw new Error(`${l.source_file}: no derived tables kept.`);
        const types = await storedTypes(db, l);
        for (const t of await forget(conn, l.source_file)) tables.add(t);
        const target = newFileTable();
        await conn.run(`CREATE TABLE ${target} (${types.map(([c, t]) => `${sqlIdent(c)} ${t}`).join(', ')})`);
        const names = fileDerivedTables(target);
        for (const [k, columns] of Object.entries(FILE_DERIVED_COLUMNS)) {
          const name = `stored_${++counter}_${k}.csv`;
          registered.push(name);
          const ref = await db.registerFile(name, l.derived!.tables[k]!);
          await conn.run(`CREATE TABLE ${sqlIdent(names[k as keyof typeof names])} AS SELECT * FROM ${typedCsv(ref, columns, true)}`);
        }
        await addFileTable(conn, l, target, plainSelectList(l.table_name as TableName), { rows: l.rows, derive: false });
        tables.add(l.table_name);
        pending.push({ source_file: l.source_file, table_name: l.table_name, dataTable: target, slices: [l.data, ...(l.more ?? [])], rows: l.rows });
      }
      return { tables: [...tables], pending };
    });
  } finally {
    for (const name of registered) await db.dropFile(name).catch(() => undefined);
  }
}

/** Whether a stored form carries its derived tables, of the definitions in use now. */
export function hasDerived(l: StoredLoad): boolean {
  return l.derived?.version === FILE_DERIVED_VERSION && Object.keys(FILE_DERIVED_COLUMNS).every((k) => l.derived!.tables[k] != null)
    && hasFileDerived(l.table_name);
}

/** Puts back slice `i` of a file's rows (one statement). False, doing nothing, when the file is
 *  no longer loaded with that table (removed, or loaded again, meanwhile). */
export async function restoreRowsSlice(db: Database, conn: Connection, p: PendingRows, i: number): Promise<boolean> {
  const [r] = await conn.query<{ data_table: string }>(`SELECT data_table FROM _loads WHERE source_file = ${sqlString(p.source_file)}`);
  if (r?.data_table !== p.dataTable) return false;
  const name = `stored_${++counter}_rows.csv`;
  try {
    const ref = await db.registerFile(name, p.slices[i]!);
    await conn.run(`INSERT INTO ${p.dataTable} SELECT * FROM ${typedCsv(ref, tableColumnTypes(p.table_name as TableName), i === 0)}`);
  } finally {
    await db.dropFile(name).catch(() => undefined);
  }
  return true;
}

/** The table's own column names and types, which a stored form is read with, its header checked
 *  against them: a stored form with a column more or less, or in another order, is refused rather
 *  than misread. */
async function storedTypes(db: Database, l: StoredLoad): Promise<[string, string][]> {
  const types = tableColumnTypes(l.table_name as TableName);
  if (await headerOf(db, l.data) !== types.map(([c]) => c).join(',')) throw new Error(`${l.source_file}: the stored columns are not the table's.`);
  return types;
}

/** The stored CSV's first line, read from its first bytes (asking DuckDB for it reads far more). */
async function headerOf(db: Database, data: Blob | string): Promise<string> {
  const blob = typeof data === 'string' ? await db.openFile!(data) : data;
  return (await blob.slice(0, 64 * 1024).text()).split(/\r?\n/, 1)[0]!;
}

/** Past this many rows a file's rows are not kept beside it, and it is read again on a reload: the
 *  kept rows take about 60 bytes a row of this browser's storage beside the file itself (a city's
 *  5,000,000 incidents: 300 MB beside its 470 MB). Up to it, a crime file's figures come back at
 *  once (its derived tables) and its rows in the background. */
export const MAX_KEPT_ROWS = 10_000_000;

/** Rows per slice when a file's rows are written out (and put back after a reload): each slice is
 *  one request to the database, started when the page's queries are still, so a query the user
 *  starts meanwhile waits for one slice, not for the whole file. 10,000 crime incidents take about
 *  35 ms here (a million rows written in 3.5 s, against 2.6 s in slices of 50,000, whose 130-190 ms
 *  each showed in the crime page's repaint while a file was being kept). */
export const EXPORT_SLICE_ROWS = 10_000;

/** A loaded file's rows as its table holds them, with its load record: what `restoreStored` puts
 *  back. Undefined for a file with more rows than MAX_KEPT_ROWS. Written a slice of row positions
 *  at a time (EXPORT_SLICE_ROWS), in the table's order, each slice a CSV of its own (the first with
 *  the header), so that a reload can put them back a slice at a time too. */
export async function storedFormOf(db: Database, conn: Connection, sourceFile: string, sliceRows = EXPORT_SLICE_ROWS): Promise<StoredLoad | undefined> {
  const f = sqlString(sourceFile);
  const [l] = await conn.query<{ kind: string; table_name: string; rows: number; bytes: number; mapping: string }>(
    `SELECT kind, table_name, rows::DOUBLE AS rows, bytes::DOUBLE AS bytes, mapping FROM _loads WHERE source_file = ${f}`);
  if (!l || !(l.table_name in TABLES) || Number(l.rows) > MAX_KEPT_ROWS) return undefined;
  const source = await fileRowsSource(conn, sourceFile);
  if (!source) return undefined;
  const [span] = await conn.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(rowid)::DOUBLE AS lo, max(rowid)::DOUBLE AS hi FROM ${source.dataTable}`);
  const lo = Number(span?.lo ?? 0), hi = Number(span?.hi ?? -1);
  const parts: Blob[] = [];
  for (let from = lo; parts.length === 0 || from <= hi; from += sliceRows) {
    parts.push(await db.exportCsv(`SELECT ${source.list} FROM ${source.dataTable}
      WHERE rowid >= ${from} AND rowid < ${from + sliceRows} ORDER BY rowid`, { header: parts.length === 0 }));
  }
  // What was derived from the file alone, kept too (restoreDerivedFirst).
  const derivedTables = fileDerivedTables(source.dataTable);
  const derived = hasFileDerived(l.table_name) ? {
    version: FILE_DERIVED_VERSION,
    tables: Object.fromEntries(await Promise.all(Object.keys(FILE_DERIVED_COLUMNS).map(async (k) =>
      [k, await db.exportCsv(`SELECT * FROM ${sqlIdent(derivedTables[k as keyof typeof derivedTables])}`)] as const))),
  } : undefined;
  return { data: parts[0]!, more: parts.slice(1), derived, source_file: sourceFile, kind: l.kind, table_name: l.table_name,
    rows: Number(l.rows), bytes: Number(l.bytes), mapping: l.mapping };
}
