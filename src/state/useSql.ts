import { useEffect, useState } from 'react';
import type { Row } from '../db/database.ts';
import type { Query } from '../metrics/query.ts';
import { useData } from './DataContext.tsx';

interface Answer<T> { key: string; rows: T[]; error?: string }

/** The rows of a crime or overdose metric (metrics/query.ts), asked of the database when the view
 *  first shows it and again whenever the loaded data change (DataContext's `version`) or the query
 *  does. A query already answered for the same data is not asked again: going back to a view shown
 *  before (another offense group, then the first) shows at once. A new query is asked as the view
 *  renders (state/sqlAnswers.ts), not after React has committed and drawn it: on the crime page
 *  that was 10-23 ms later. `loading` stays true until the rows belong to the current query and
 *  data, so a view never shows old rows under new filters as if they were current. */
export function useSql<T extends Row>(q: Query<T> | null): { rows: T[]; loading: boolean; error?: string } {
  const { conn, version, answers } = useData();
  const [answer, setAnswer] = useState<Answer<T>>({ key: '', rows: [] });
  const key = q && conn ? `${version}\u0000${q.sql}` : '';
  const known = q && conn ? answers.get<T>(q.sql) : undefined;
  if (key && q && !known) void answers.ask<T>(q.sql);
  useEffect(() => {
    if (!key || !q || known) return;
    let live = true;
    answers.ask<T>(q.sql).then((rows) => live && setAnswer({ key, rows }),
      (e: unknown) => live && setAnswer({ key, rows: [], error: e instanceof Error ? e.message : String(e) }));
    return () => { live = false; };
  }, [key, !!known]); // eslint-disable-line react-hooks/exhaustive-deps -- the key names the connection's data and the query
  if (!q) return { rows: [], loading: false };
  if (known) return { rows: known, loading: false };
  // The rows shown before stay, marked as loading, until the new ones come.
  if (answer.key !== key) return { rows: answer.rows, loading: true };
  return { rows: answer.rows, loading: false, error: answer.error };
}
