import type { Connection, Row } from '../db/database.ts';

/** A crime or overdose metric (tables of up to millions of rows, answered by the database): the
 *  SQL text and the type of the rows it returns. Builders are pure functions. Program metrics
 *  are TypeScript functions instead (metrics/records.ts). */
export interface Query<T extends Row> { sql: string; _row?: T }

export function query<T extends Row>(sql: string): Query<T> {
  return { sql };
}

export function runQuery<T extends Row>(conn: Connection, q: Query<T>): Promise<T[]> {
  return conn.query<T>(q.sql);
}
