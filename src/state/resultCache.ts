import type { Connection, Row } from '../db/types.ts';

/** Rows of queries already run on a connection for the current data. A metric's SQL names every
 *  filter it applies, so the same SQL over the same data gives the same rows: going back to a
 *  filter shown before (clearing an agency, the previous quarter) is answered at once instead of
 *  asking the database again. Everything is dropped when the data change (the `version` of
 *  DataContext), and the oldest entries go first past a few hundred. */
const LIMIT = 400;

interface Store { version: number; rows: Map<string, Row[]> }
const stores = new WeakMap<Connection, Store>();

function store(conn: Connection, version: number): Store {
  let s = stores.get(conn);
  if (!s || s.version !== version) stores.set(conn, (s = { version, rows: new Map() }));
  return s;
}

export function cachedRows<T extends Row>(conn: Connection, version: number, sql: string): T[] | undefined {
  const s = store(conn, version);
  const rows = s.rows.get(sql);
  if (rows) {
    // Most recently used last.
    s.rows.delete(sql);
    s.rows.set(sql, rows);
  }
  return rows as T[] | undefined;
}

export function cacheRows(conn: Connection, version: number, sql: string, rows: readonly Row[]): void {
  const s = store(conn, version);
  s.rows.set(sql, rows as Row[]);
  while (s.rows.size > LIMIT) s.rows.delete(s.rows.keys().next().value!);
}
