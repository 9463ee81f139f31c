import { useEffect, useMemo, useState } from 'react';
import type { Row } from '../db/types.ts';
import type { Query } from '../metrics/query.ts';
import { together } from './batch.ts';
import { useData } from './DataContext.tsx';
import { useProgramIndex } from './programIndex.ts';
import { cachedRows, localRows, rowsOf } from './resultCache.ts';

interface Result<T> { sql?: string; version?: number; rows: T[]; error?: string }

/** Runs a metric query on the page's connection, again whenever the loaded data change.
 *  `loading` stays true until the rows belong to the current query and data, so a view never
 *  shows old rows under new filters as if they were current. A query already answered for the
 *  same data is not run again (see resultCache.ts); a new one is sent to the database as soon as
 *  the view renders with it, so the database works while React commits the page's busy state;
 *  the queries of one commit hand over their rows together (see batch.ts).
 *
 *  A program metric with a local form is worked out in the page from the program index, once the
 *  index is read (state/programIndex.ts): at once, in this render, without the database. */
export function useQuery<T extends Row>(q: Query<T> | null): { rows: T[]; loading: boolean; error?: string } {
  const { conn, version } = useData();
  const [state, setState] = useState<Result<T>>({ rows: [] });
  const ix = useProgramIndex(!!q?.local);
  const local = useMemo(() => (q?.local && ix ? localRows(ix, { ...q, local: q.local }) : undefined), [q, ix]);
  const sql = local ? undefined : q?.sql;
  const cached = conn && sql ? cachedRows<T>(conn, version, sql) : undefined;
  // Started here, during render, rather than in the effect below. Rendering twice (or a render
  // React throws away) asks once: the running query is shared.
  if (conn && sql && !cached) void rowsOf<T>(conn, version, sql).catch(() => undefined);
  const hit = !!cached;
  useEffect(() => {
    if (!conn || !sql || hit) return;
    let live = true;
    together(rowsOf<T>(conn, version, sql)).then(
      (rows) => live && setState({ sql, version, rows }),
      (e: unknown) => live && setState({ sql, version, rows: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
    // `hit` is a dependency so that rows evicted from the cache while shown are asked for again.
  }, [conn, sql, version, hit]);
  if (local) return { rows: local, loading: false };
  if (cached) return { rows: cached, loading: false };
  return { rows: state.rows, error: state.error, loading: state.sql !== sql || state.version !== version };
}
