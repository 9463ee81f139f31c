import { useEffect, useState } from 'react';
import type { Row } from '../db/types.ts';
import type { Query } from '../metrics/query.ts';
import { together } from './batch.ts';
import { useData } from './DataContext.tsx';
import { cacheRows, cachedRows } from './resultCache.ts';

interface Result<T> { sql?: string; version?: number; rows: T[]; error?: string }

/** Runs a metric query on the page's connection, again whenever the loaded data change.
 *  `loading` stays true until the rows belong to the current query and data, so a view never
 *  shows old rows under new filters as if they were current. Queries started in the same commit
 *  deliver their rows together (see batch.ts); a query already answered for the same data is not
 *  run again (see resultCache.ts). */
export function useQuery<T extends Row>(q: Query<T> | null): { rows: T[]; loading: boolean; error?: string } {
  const { conn, version } = useData();
  const [state, setState] = useState<Result<T>>({ rows: [] });
  const sql = q?.sql;
  const cached = conn && sql ? cachedRows<T>(conn, version, sql) : undefined;
  const hit = !!cached;
  useEffect(() => {
    if (!conn || !sql || hit) return;
    let live = true;
    together(conn.query<T>(sql)).then(
      (rows) => {
        cacheRows(conn, version, sql, rows);
        if (live) setState({ sql, version, rows });
      },
      (e: unknown) => live && setState({ sql, version, rows: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
    // `hit` is a dependency so that rows evicted from the cache while shown are asked for again.
  }, [conn, sql, version, hit]);
  if (cached) return { rows: cached, loading: false };
  return { rows: state.rows, error: state.error, loading: state.sql !== sql || state.version !== version };
}
