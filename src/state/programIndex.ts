import { useMemo, useSyncExternalStore } from 'react';
import type { Connection } from '../db/types.ts';
import { readProgramIndex, type ProgramIndex } from '../metrics/local/programIndex.ts';
import { useData, type LoadedFile } from './DataContext.tsx';

/** The program index (metrics/local/programIndex.ts) of the loaded program, read from the database
 *  the first time a program page asks for it, and again only when a file of the program's tables
 *  (encounters, costs, naloxone) is loaded or removed: loading crime or overdose files does not
 *  read it again. Until it is read (a few hundred milliseconds at 100,000 encounters), and for a
 *  program too large to hold twice, the pages ask the database instead. */

/** Above this many encounters the index is not built: the database answers every filter change. */
export const INDEX_LIMIT = 2_000_000;

const PROGRAM_TABLES = new Set(['encounters', 'costs', 'naloxone']);

/** What identifies the program's data: its files, their rows and when they were loaded. */
export function programKey(loads: readonly LoadedFile[]): string {
  return loads.filter((l) => PROGRAM_TABLES.has(l.table_name))
    .map((l) => `${l.source_file}\u0000${l.rows}\u0000${new Date(l.loaded_at).getTime()}`).join('\u0001');
}

interface Entry { key: string; index: ProgramIndex | null }
const entries = new WeakMap<Connection, Entry>();
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

/** The index for `key` if read; otherwise starts reading it (once) and returns null. */
function indexFor(conn: Connection, key: string): ProgramIndex | null {
  const had = entries.get(conn);
  if (had?.key === key) return had.index;
  const entry: Entry = { key, index: null };
  entries.set(conn, entry);
  readProgramIndex(conn).then((ix) => {
    if (entries.get(conn) !== entry) return;
    entry.index = ix;
    for (const l of listeners) l();
  }, (e: unknown) => {
    // The pages keep asking the database, which will say what is wrong.
    console.warn('The program index could not be read; the program pages query the database instead.', e);
  });
  return null;
}

/** The index, when `wanted` and read; null otherwise. */
export function useProgramIndex(wanted: boolean): ProgramIndex | null {
  const { conn, loads, status, opening } = useData();
  const key = useMemo(() => programKey(loads), [loads]);
  const encounters = useMemo(() => loads.filter((l) => l.table_name === 'encounters').reduce((n, l) => n + Number(l.rows), 0), [loads]);
  // Not while the workspace's files are still coming in (the sample at start, a restore): the
  // index would be read half-way, and again after each file.
  const usable = wanted && status === 'ready' && !opening && !!conn && encounters <= INDEX_LIMIT;
  return useSyncExternalStore(subscribe, () => (usable ? indexFor(conn!, key) : null));
}
