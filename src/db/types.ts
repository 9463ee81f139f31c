/** A plain result row: dates as `Date`, whole numbers as `number`, text as `string`, NULL as `null`. */
export type Row = Record<string, unknown>;

/** One DuckDB connection. Each connection has its own transaction. */
export interface Connection {
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The in-page database. The browser implementation wraps DuckDB-wasm; tests use native DuckDB. */
export interface Database {
  connect(): Promise<Connection>;
  /** Makes a file readable by SQL and returns the name to use in `read_csv(...)`. */
  registerFile(name: string, file: Blob | string): Promise<string>;
  dropFile(name: string): Promise<void>;
}
