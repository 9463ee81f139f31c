import { derivedSqlFor } from '../db/derived.ts';
import type { Connection } from '../db/database.ts';
import { sqlString } from '../db/sql.ts';

/** The steps every change to the loaded tables takes (a load, a removal, a restore), all inside one
 *  transaction so that a failure leaves the tables as they were. */

/** Runs `work` in one transaction; any failure rolls everything back and is rethrown. */
export async function inTransaction<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await work();
    await conn.run('COMMIT');
    return out;
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Deletes a loaded file's rows and its load record. */
export async function forget(conn: Connection, file: string): Promise<string[]> {
  const f = sqlString(file);
  const previous = await conn.query<{ table_name: string }>(`SELECT table_name FROM _loads WHERE source_file = ${f}`);
  for (const p of previous) await conn.run(`DELETE FROM ${p.table_name} WHERE source_file = ${f}`);
  await conn.run(`DELETE FROM _loads WHERE source_file = ${f}`);
  return previous.map((p) => p.table_name);
}

/** Rebuilds what is derived from the tables just changed (inside the caller's transaction). */
export async function rederive(conn: Connection, tables: readonly string[], signal?: AbortSignal): Promise<void> {
  for (const sql of new Set(tables.flatMap(derivedSqlFor))) await conn.run(sql, signal);
}

