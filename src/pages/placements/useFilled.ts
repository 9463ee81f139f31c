import { useProgram } from '../../state/useProgram.ts';
import { encounterColumnsFilled } from '../../metrics/programCoverage.ts';

/** Which encounter columns hold any value (over all loaded encounters), for hiding what an export
 *  cannot show. Undefined while loading. */
export function useFilled(): Record<string, number> | undefined {
  const q = useProgram(encounterColumnsFilled);
  return q.loading ? undefined : Object.fromEntries(q.rows.map((r) => [r.column, r.filled]));
}
