import type { Connection, Row } from '../db/types.ts';
import type { ProgramIndex } from './local/programIndex.ts';

/** A metric: the SQL text and the type of the rows it returns. Builders are pure functions.
 *  A program metric may also say how to work out the same rows from the program index held in
 *  the page (`local`), which the program pages use for speed; tests require both to agree. */
export interface Query<T extends Row> { sql: string; local?: (ix: ProgramIndex) => T[]; _row?: T }

export function query<T extends Row>(sql: string, local?: (ix: ProgramIndex) => T[]): Query<T> {
  return local ? { sql, local } : { sql };
}

export function runQuery<T extends Row>(conn: Connection, q: Query<T>): Promise<T[]> {
  return conn.query<T>(q.sql);
}
