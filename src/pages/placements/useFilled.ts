import { useMemo } from 'react';
import { encounterColumnsFilled } from '../../metrics/coverage.ts';
import { useQuery } from '../../state/useQuery.ts';

/** Which encounter columns hold any value (over all loaded encounters), for hiding what an export
 *  cannot show. Undefined while loading. */
export function useFilled(): Record<string, number> | undefined {
  const q = useQuery(useMemo(() => encounterColumnsFilled(), []));
  return q.loading ? undefined : Object.fromEntries(q.rows.map((r) => [r.column, r.filled]));
}
