import type { Connection } from '../db/database.ts';
import type { Problem } from './problems.ts';

/** How much database memory loading a CSV file needs, as a multiple of its size: the staged text,
 *  the typed rows and the summaries, measured on the benchmark's 5,000,000-row crime file (472 MB:
 *  the browser's resident memory grew by 1.3 GB, 2.7 times the file, of which the database's part
 *  is less). */
export const MEMORY_PER_FILE_BYTE = 2.5;

/** Below this estimated need (bytes) the check is skipped. */
const SMALL_NEED = 32e6;

const UNITS: Record<string, number> = { b: 1, bytes: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4 };

/** DuckDB's memory_limit setting ("3.1 GiB") in bytes; null when it cannot be read. */
export function parseMemoryLimit(text: string): number | null {
  const m = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m && UNITS[m[2]!.toLowerCase()];
  return m && unit ? Number(m[1]) * unit : null;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;

/** A file the database's memory cannot hold beside what is loaded already is refused before
 *  anything is read, so nothing loaded earlier is put at risk. Null when it fits (or the database
 *  cannot say). */
export async function memoryProblem(conn: Connection, file: string, size: number): Promise<Problem | null> {
  // A small file is not worth a round trip to the database (the sample program loads nine at start).
  if (size * MEMORY_PER_FILE_BYTE < SMALL_NEED) return null;
  const [m] = await conn.query<{ used: number | null; lim: string }>(
    "SELECT (SELECT sum(memory_usage_bytes) FROM duckdb_memory()) AS used, current_setting('memory_limit') AS lim");
  const limit = m ? parseMemoryLimit(m.lim) : null;
  if (!m || limit == null) return null;
  const free = limit - Number(m.used ?? 0);
  const need = size * MEMORY_PER_FILE_BYTE;
  if (need <= free) return null;
  return { severity: 'error', file, code: 'too-big-for-memory',
    message: `The file is too big for the memory this browser tab has left: loading its ${mb(size)} needs about ${mb(need)}, and ${mb(Math.max(0, free))} of the database's ${mb(limit)} are free.`,
    fix: 'Remove files you no longer need on this page, or load a smaller extract (for example a range of years). Data loaded earlier is unchanged.' };
}
