import type { Connection, Row } from '../db/types.ts';

/** A metric: the SQL text and the type of the rows it returns. Builders are pure functions. */
export interface Query<T extends Row> { sql: string; _row?: T }

export function query<T extends Row>(sql: string): Query<T> {
  return { sql };
}

export function runQuery<T extends Row>(conn: Connection, q: Query<T>): Promise<T[]> {
  return conn.query<T>(q.sql);
}
