import type { Connection } from '../db/database.ts';
import { dropFileTable } from '../db/fileTables.ts';

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

/** Removes a loaded file: its table, its record and its part of its canonical view. */
export const forget = dropFileTable;

/** Rebuilds what is derived from the tables just changed (inside the caller's transaction). */
export { rederive } from '../db/derived.ts';

