import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { arrowToRows } from './arrow.ts';
import { shippedCodes } from './shippedCodes.ts';
import { startupSql } from './startup.ts';
import { interruptible, toColumn, type ColumnKind, type Columns, type Connection, type Database, type Row } from './database.ts';
import { Activity, QUIET_MS } from './activity.ts';
import { countingWorker, type ReadCounter } from './readCounter.ts';

/** Self-hosted bundles only: the EH build (WebAssembly exceptions) with the MVP build as fallback.
 *  Nothing is fetched from any other origin. */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

class BrowserConnection implements Connection {
  /** `activity`: where its statements count as the page's own (none for background work). */
  constructor(private readonly conn: duckdb.AsyncDuckDBConnection, private readonly activity: Activity | null) {}
  private track<T>(work: Promise<T>): Promise<T> {
    return this.activity ? this.activity.track(work) : work;
  }
  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    return arrowToRows<T>(await this.track(this.conn.query(sql)));
  }
  async columns<K extends Record<string, ColumnKind>>(sql: string, kinds: K): Promise<Columns<K>> {
    const table = await this.track(this.conn.query(sql));
    const out: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(kinds)) {
      const vector = table.getChild(name);
      if (!vector) throw new Error(`The result has no column ${name}.`);
      if (vector.nullCount > 0) throw new Error(`Column ${name} has NULLs.`);
      out[name] = toColumn(kind, vector.toArray() as ArrayLike<unknown>);
    }
    return out as Columns<K>;
  }
  /** With a signal the statement is sent as a pending query, which DuckDB-wasm can cancel. */
  run(sql: string, signal?: AbortSignal): Promise<void> {
    if (!signal) return this.track(this.conn.query(sql)).then(() => undefined);
    return this.track(interruptible(signal, () => this.conn.send(sql), () => this.conn.cancelSent()));
  }
  async close(): Promise<void> {
    await this.conn.close();
  }
}

/** The user's input that may lead to a query: background work waits for it to be still too. Not
 *  key presses as such: a held key repeats, and would hold back the background work (and the
 *  writes queued behind it) for as long as it is held; a key that changes a field fires `change`
 *  or `input`. */
const INPUT_EVENTS = ['pointerdown', 'change', 'input'] as const;

class BrowserDatabase implements Database {
  private readonly activity = new Activity();
  constructor(readonly db: duckdb.AsyncDuckDB, readonly bundle: string, private readonly reads: ReadCounter) {
    const input = () => this.activity.input();
    for (const type of INPUT_EVENTS) addEventListener(type, input, { capture: true, passive: true });
  }
  watchReads(listener: (bytes: number) => void): () => void {
    return this.reads.watch(listener);
  }
  async connect(): Promise<Connection> {
    return new BrowserConnection(await this.db.connect(), this.activity);
  }
  async registerFile(name: string, file: Blob | string): Promise<string> {
    if (typeof file === 'string') throw new Error('In the browser a file must be a File or Blob.');
    await this.db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    return name;
  }
  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(name);
  }
  whenQuiet(): Promise<void> {
    return this.activity.quiet(QUIET_MS);
  }
  private background?: Promise<Connection>;
  backgroundConnection(): Promise<Connection> {
    this.background ??= this.db.connect().then((c) => new BrowserConnection(c, null));
    return this.background;
  }
  private exports = 0;
  async exportCsv(sql: string, { header = true }: { header?: boolean } = {}): Promise<Blob> {
    const name = `export_${++this.exports}.csv`;
    // Background work: it waits until the page's own queries are still (db/activity.ts).
    await this.activity.quiet(QUIET_MS);
    const conn = await this.db.connect();
    try {
      await conn.query(`COPY (${sql}) TO '${name}' (FORMAT csv, HEADER ${header}, DELIMITER ',', NULLSTR '\\N')`);
      const bytes = await this.db.copyFileToBuffer(name);
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' });
    } finally {
      await conn.close();
      await this.db.dropFile(name).catch(() => undefined);
    }
  }
}

let started: Promise<BrowserDatabase> | null = null;

/** Starts DuckDB-wasm once per page, in its worker, with extension autoload off. */
export function browserDatabase(): Promise<BrowserDatabase> {
  started ??= start();
  return started;
}

async function start(): Promise<BrowserDatabase> {
  performance.mark('db:requested');
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = countingWorker(bundle.mainWorker!);
  const logger = new duckdb.VoidLogger();
  const db = new duckdb.AsyncDuckDB(logger, worker);
  // The worker runs from a blob: address, where a relative address would not resolve.
  await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
  performance.mark('db:instantiated');
  await db.open({
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    filesystem: { allowFullHTTPReads: false },
  });
  const conn = await db.connect();
  // One round trip to the worker for all of them.
  await conn.query(startupSql(shippedCodes).join(';\n'));
  await conn.close();
  performance.mark('db:started');
  const name = bundle.mainModule === ehWasm ? 'eh' : 'mvp';
  return new BrowserDatabase(db, name, worker);
}
