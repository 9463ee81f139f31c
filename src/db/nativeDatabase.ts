import { openAsBlob, readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseCodeTables } from './codes.ts';
import { startupSql } from './startup.ts';
import { plainRow } from './values.ts';
import { interruptible, toColumn, type ColumnKind, type Columns, type Connection, type Database, type Row } from './database.ts';

/** Native DuckDB with the same start-up and the same plain rows as the browser: for tests and the
 *  command line. Not imported by the app. */
class NodeConnection implements Connection {
  constructor(private readonly conn: DuckDBConnection) {}
  async query<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => plainRow<T>(r as Record<string, unknown>));
  }
  async columns<K extends Record<string, ColumnKind>>(sql: string, kinds: K): Promise<Columns<K>> {
    const cols = (await this.conn.runAndReadAll(sql)).getColumnsObjectJS();
    const out: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(kinds)) {
      if (!cols[name]) throw new Error(`The result has no column ${name}.`);
      out[name] = toColumn(kind, cols[name] as ArrayLike<unknown>);
    }
    return out as Columns<K>;
  }
  run(sql: string, signal?: AbortSignal): Promise<void> {
    return interruptible(signal, () => this.conn.run(sql), () => this.conn.interrupt());
  }
  /** How far the running statement is, 0-100 (-1 when DuckDB cannot tell): for command-line progress. */
  progress(): number {
    return this.conn.progress.percentage;
  }
  async close(): Promise<void> {
    this.conn.closeSync();
  }
}

class NodeDatabase implements Database {
  constructor(private readonly instance: DuckDBInstance) {}
  async connect(): Promise<Connection> {
    return new NodeConnection(await this.instance.connect());
  }
  /** Blobs registered (a transcoded file), written to temporary files: name -> folder. */
  private readonly written = new Map<string, string>();
  async registerFile(name: string, file: Blob | string): Promise<string> {
    if (typeof file === 'string') return file;
    const dir = await mkdtemp(join(tmpdir(), 'dd-registered-'));
    const path = join(dir, 'file');
    const out = await open(path, 'w');
    try {
      for (let at = 0; at < file.size; at += WRITE_CHUNK) {
        await out.write(new Uint8Array(await file.slice(at, at + WRITE_CHUNK).arrayBuffer()));
      }
    } finally {
      await out.close();
    }
    this.written.set(name, dir);
    return path;
  }
  async dropFile(name: string): Promise<void> {
    const dir = this.written.get(name);
    if (!dir) return;
    this.written.delete(name);
    await rm(dir, { recursive: true, force: true });
  }
  openFile(path: string): Promise<Blob> {
    return openAsBlob(path);
  }
  async exportCsv(sql: string, { header = true }: { header?: boolean } = {}): Promise<Blob> {
    const dir = await mkdtemp(join(tmpdir(), 'dd-export-'));
    const path = join(dir, 'rows.csv');
    const conn = await this.instance.connect();
    try {
      await conn.run(`COPY (${sql}) TO '${path.replace(/'/g, "''")}' (FORMAT csv, HEADER ${header}, DELIMITER ',', NULLSTR '\\N')`);
      return new Blob([readFileSync(path)], { type: 'text/csv' });
    } finally {
      conn.closeSync();
      await rm(dir, { recursive: true, force: true });
    }
  }
}

const WRITE_CHUNK = 8 * 1024 * 1024;

export function shippedCodesFromDisk() {
  const dir = fileURLToPath(new URL('../../data/codes/', import.meta.url));
  return parseCodeTables(
    readFileSync(dir + 'nibrs_offenses.csv', 'utf8'),
    readFileSync(dir + 'offense_aliases.csv', 'utf8'),
  );
}

/** `threads`: 2 for tests (the machine's other core stays free), 'all' for the command line;
 *  `tempDirectory`: where a statement larger than memory spills. */
export async function nodeDatabase({ threads = 2, tempDirectory }: { threads?: number | 'all'; tempDirectory?: string } = {}): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:', {
    ...(threads === 'all' ? {} : { threads: String(threads) }),
    ...(tempDirectory ? { temp_directory: tempDirectory } : {}),
  });
  const db = new NodeDatabase(instance);
  const conn = await db.connect();
  for (const sql of startupSql(shippedCodesFromDisk())) await conn.run(sql);
  await conn.close();
  return db;
}
