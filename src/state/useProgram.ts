import { useMemo } from 'react';
import type { ProgramData } from '../metrics/records.ts';
import { useData } from './DataContext.tsx';

/** A program metric: a function of the program's records and of its arguments (metrics/*.ts). */
export type ProgramMetric<A extends unknown[], T> = (p: ProgramData, ...args: A) => T[] | null;

/** The rows of a program metric for these arguments, worked out in the page from the records
 *  DataContext read when program data last changed: at once, in the render that needs them. Rows
 *  worked out before for the same metric and arguments (compared by value) are kept with the
 *  records (DataContext's `programAnswers`, a new map whenever the records change), so a view shown
 *  before comes back at once. `loading` is true only until the records are first read. A null
 *  metric (a view that does not apply) gives no rows. */
export function useProgram<A extends unknown[], T>(metric: ProgramMetric<A, T> | null, ...args: A): { rows: T[]; loading: boolean } {
  const { programData, programAnswers } = useData();
  const key = JSON.stringify(args);
  const rows = useMemo(() => {
    if (!metric || !programData) return [];
    let byArgs = programAnswers.get(metric);
    if (!byArgs) programAnswers.set(metric, (byArgs = new Map()));
    let answer = byArgs.get(key) as T[] | undefined;
    if (!answer) byArgs.set(key, (answer = metric(programData, ...args) ?? []));
    return answer;
  }, [programData, programAnswers, metric, key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` is the arguments
  return { rows, loading: !!metric && !programData };
}
