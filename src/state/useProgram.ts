import { useMemo } from 'react';
import type { ProgramData } from '../metrics/records.ts';
import { useData } from './DataContext.tsx';

/** The rows of a program metric (a function of the program's records, metrics/*.ts), worked out
 *  in the page from the records DataContext read when program data last changed: at once, in the
 *  render that needs them. `deps` are what the metric depends on besides the records (the
 *  filter, a breakdown's column), as for `useMemo`. `loading` is true only until the records are
 *  first read. A null metric (a view that does not apply) gives no rows. */
export function useProgram<T>(metric: ((p: ProgramData) => T[] | null) | null, deps: readonly unknown[]): { rows: T[]; loading: boolean; error?: string } {
  const { programData } = useData();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the metric is a fresh closure over `deps`
  const rows = useMemo(() => (metric && programData ? metric(programData) ?? [] : []), [programData, metric === null, ...deps]);
  return { rows, loading: !!metric && !programData };
}
