import type { Connection, Row } from '../db/types.ts';
import type { ProgramIndex } from '../metrics/local/programIndex.ts';
import type { Query } from '../metrics/query.ts';

/** Rows of queries run on a connection for the current data. A metric's SQL names every filter it
 *  applies, so the same SQL over the same data gives the same rows: going back to a filter shown
 *  before (clearing an agency, the previous quarter) is answered at once instead of asking the
 *  database again, and a query asked for twice while it runs is run once. Everything is dropped
 *  when the data change (the `version` of DataContext); past a few hundred entries the least
 *  recently used go first. Failed queries are not kept. */
const LIMIT = 400;

interface Store { version: number; rows: Map<string, Row[]>; running: Map<string, Promise<Row[]>> }
const stores = new WeakMap<Connection, Store>();

function store(conn: Connection, version: number): Store {
  let s = stores.get(conn);
  if (!s || s.version !== version) stores.set(conn, (s = { version, rows: new Map(), running: new Map() }));
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

/** The rows of `sql`: the query already running for it, or a new one. */
export function rowsOf<T extends Row>(conn: Connection, version: number, sql: string): Promise<T[]> {
  const s = store(conn, version);
  let p = s.running.get(sql);
  if (!p) {
    p = conn.query<Row>(sql);
    s.running.set(sql, p);
    p.then((rows) => {
      s.running.delete(sql);
      s.rows.set(sql, rows);
      while (s.rows.size > LIMIT) s.rows.delete(s.rows.keys().next().value!);
    }, () => s.running.delete(sql));
  }
  return p as Promise<T[]>;
}

/** The rows of a metric's local form on an index, kept like the database's rows above: going back
 *  to a view shown before (clearing a filter: the whole program, the heaviest view) is answered at
 *  once. Dropped with the index, when the program's data change. */
const local = new WeakMap<ProgramIndex, Map<string, Row[]>>();

export function localRows<T extends Row>(ix: ProgramIndex, q: Query<T> & { local: (ix: ProgramIndex) => T[] }): T[] {
  let m = local.get(ix);
  if (!m) local.set(ix, (m = new Map()));
  let rows = m.get(q.sql);
  if (rows) {
    m.delete(q.sql);
  } else {
    rows = q.local(ix);
    while (m.size >= LIMIT) m.delete(m.keys().next().value!);
  }
  m.set(q.sql, rows);
  return rows as T[];
}
