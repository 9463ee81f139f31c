/** A plain result row: dates as `Date`, whole numbers as `number`, text as `string`, NULL as `null`. */
export type Row = Record<string, unknown>;

/** The typed array a numeric result column is read into. */
export type ColumnKind = 'int8' | 'int32' | 'float64';
export type ColumnArray<K extends ColumnKind> = K extends 'int8' ? Int8Array : K extends 'int32' ? Int32Array : Float64Array;
export type Columns<K extends Record<string, ColumnKind>> = { [P in keyof K]: ColumnArray<K[P]> };

const ARRAYS = { int8: Int8Array, int32: Int32Array, float64: Float64Array } as const;

/** Copies result values into the typed array of their kind (NULL is not allowed: the SQL coalesces). */
export function toColumn<K extends ColumnKind>(kind: K, values: ArrayLike<unknown>): ColumnArray<K> {
  const A = ARRAYS[kind];
  if (values instanceof A) return values as ColumnArray<K>;
  const out = new A(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null) throw new Error(`A column read as ${kind} has a NULL at row ${i + 1}.`);
    out[i] = Number(v);
  }
  return out as ColumnArray<K>;
}

/** One DuckDB connection. Each connection has its own transaction. */
export interface Connection {
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** The result's columns as typed arrays (numbers only, no NULLs): for reading many rows at once
   *  without making an object per row. */
  columns<K extends Record<string, ColumnKind>>(sql: string, kinds: K): Promise<Columns<K>>;
  /** Runs a statement. With a signal, aborting it interrupts the statement, which then rejects with
   *  a `Cancelled` error (the statement's effects are undone as DuckDB undoes any failed statement). */
  run(sql: string, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** The in-page database. The browser implementation wraps DuckDB-wasm; tests use native DuckDB. */
export interface Database {
  connect(): Promise<Connection>;
  /** Makes a file readable by SQL and returns the name to use in `read_csv(...)`. */
  registerFile(name: string, file: Blob | string): Promise<string>;
  dropFile(name: string): Promise<void>;
  /** A file given by its path, as a Blob (Node, where files are given by path; the browser is
   *  given Blobs). Used to transcode a Windows-1252 file before registering it. */
  openFile?(path: string): Promise<Blob>;
  /** The rows of a query as a CSV file (header, NULL written \N): to keep a loaded file's rows in
   *  this browser so that a reload restores them without reading the original again. `header`
   *  false leaves the header row out (a slice after the first). Background work: in the browser it
   *  starts only once the page's own queries have been still for a moment (db/activity.ts). */
  exportCsv(sql: string, opts?: { header?: boolean }): Promise<Blob>;
  /** Calls `listener` with the bytes the database has read from registered files since the call,
   *  at most a few times a second, until the returned function is called. Optional: a database
   *  that cannot tell (native DuckDB reading from disk) never calls it. */
  watchReads?(listener: (bytes: number) => void): () => void;
  /** Resolves once the page's own queries have been still for a moment (db/activity.ts): for work
   *  done in the background a statement at a time. Optional: without it, at once. */
  whenQuiet?(): Promise<void>;
  /** A connection whose statements do not count as the page's own (so background work done on it
   *  does not hold back its own next slice). Optional: without it, any connection. */
  backgroundConnection?(): Promise<Connection>;
}

/** What a statement interrupted through its abort signal rejects with. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** Runs `start`, interrupting it with `interrupt` when `signal` aborts; a statement that fails
 *  because of the abort rejects with `Cancelled`. */
export async function interruptible(signal: AbortSignal | undefined, start: () => Promise<unknown>, interrupt: () => unknown): Promise<void> {
  if (!signal) {
    await start();
    return;
  }
  if (signal.aborted) throw new Cancelled();
  const onAbort = () => void Promise.resolve().then(interrupt).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await start();
  } catch (e) {
    if (signal.aborted) throw new Cancelled();
    throw e;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) throw new Cancelled();
}
