/** A plain result row: dates as `Date`, whole numbers as `number`, text as `string`, NULL as `null`. */
export type Row = Record<string, unknown>;

/** One DuckDB connection. Each connection has its own transaction. */
export interface Connection {
  query<T extends Row = Row>(sql: string): Promise<T[]>;
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
  /** Calls `listener` with the bytes the database has read from registered files since the call,
   *  at most a few times a second, until the returned function is called. Optional: a database
   *  that cannot tell (native DuckDB reading from disk) never calls it. */
  watchReads?(listener: (bytes: number) => void): () => void;
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
