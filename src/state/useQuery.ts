import { useEffect, useState } from 'react';
import type { Row } from '../db/types.ts';
import type { Query } from '../metrics/query.ts';
import { useData } from './DataContext.tsx';

/** Runs a metric query on the page's connection, again whenever the loaded data change. */
export function useQuery<T extends Row>(q: Query<T> | null): { rows: T[]; loading: boolean; error?: string } {
  const { conn, version } = useData();
  const [state, setState] = useState<{ rows: T[]; loading: boolean; error?: string }>({ rows: [], loading: true });
  const sql = q?.sql;
  useEffect(() => {
    if (!conn || !sql) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    conn.query<T>(sql).then(
      (rows) => live && setState({ rows, loading: false }),
      (e: unknown) => live && setState({ rows: [], loading: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [conn, sql, version]);
  return state;
}
