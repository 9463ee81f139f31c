import { openSync, readSync, closeSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeDatabase } from '../../src/db/node.ts';
import type { Connection, Database } from '../../src/db/types.ts';
import { loadFile, type LoadReport } from '../../src/ingest/load.ts';
import { notReadyProblem, prepare, type Prepared } from '../../src/ingest/prepare.ts';
import { sniffBytes, SNIFF_BYTES } from '../../src/ingest/sniff.ts';
import type { KindId } from '../../src/ingest/kinds/types.ts';
import type { Mapping } from '../../src/ingest/mapping.ts';

export const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
export const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));

export function prepareFile(path: string, choice?: { kind?: KindId; mapping?: Mapping }, name = basename(path)): Prepared {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return prepare(name, size, sniffBytes(name, new Uint8Array(buf), size), choice);
}

export interface TestDb { db: Database; conn: Connection }

export async function testDb(): Promise<TestDb> {
  const db = await nodeDatabase();
  return { db, conn: await db.connect() };
}

/** Prepares and loads a file by path the way the app does; throws if it is not ready to load. */
export async function loadPath(t: TestDb, path: string, choice?: { kind?: KindId; mapping?: Mapping }, name?: string): Promise<LoadReport> {
  const p = prepareFile(path, choice, name);
  if (!p.ok) throw new Error(p.problem.message);
  const problem = notReadyProblem(p);
  if (problem) throw new Error(problem.message);
  return loadFile(t.db, t.conn, path, p.plan);
}

/** Writes text to a temporary file and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
