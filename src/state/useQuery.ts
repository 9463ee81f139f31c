import { useEffect, useState } from 'react';
import type { Row } from '../db/types.ts';
import type { Query } from '../metrics/query.ts';
import { together } from './batch.ts';
import { useData } from './DataContext.tsx';

interface Result<T> { sql?: string; version?: number; rows: T[]; error?: string }

/** Runs a metric query on the page's connection, again whenever the loaded data change.
 *  `loading` stays true until the rows belong to the current query and data, so a view never
 *  shows old rows under new filters as if they were current. Queries started in the same commit
 *  deliver their rows together (see batch.ts). */
export function useQuery<T extends Row>(q: Query<T> | null): { rows: T[]; loading: boolean; error?: string } {
  const { conn, version } = useData();
  const [state, setState] = useState<Result<T>>({ rows: [] });
  const sql = q?.sql;
  useEffect(() => {
    if (!conn || !sql) return;
    let live = true;
    together(conn.query<T>(sql)).then(
      (rows) => live && setState({ sql, version, rows }),
      (e: unknown) => live && setState({ sql, version, rows: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [conn, sql, version]);
  return { rows: state.rows, error: state.error, loading: state.sql !== sql || state.version !== version };
}
