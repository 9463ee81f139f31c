import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connection, Database } from '../db/types.ts';
import { loadFile, type LoadReport } from './load.ts';
import { notReadyProblem, prepare, type Prepared, type PrepareOptions } from './prepare.ts';
import { sniffBytes, SNIFF_BYTES } from './sniff.ts';
import type { KindId } from './kinds/types.ts';
import type { Mapping } from './mapping.ts';

/** Loading files from disk in Node (the snapshot command, tests, the benchmark): the same
 *  recognise, map, validate and load steps the app runs on a dropped file. No one is there to
 *  answer questions, so a date column whose day/month order the sample cannot settle is read as
 *  month/day (US), with the load report saying so, unless the mapping gives the order
 *  (`mapping.dateOrder`); pass `{ unansweredDateOrder: 'ask' }` to prepare as the Data page does. */

const NON_INTERACTIVE: PrepareOptions = { unansweredDateOrder: 'mdy' };

export interface TestDb { db: Database; conn: Connection }

export function prepareFile(path: string, choice?: { kind?: KindId; mapping?: Mapping }, name = basename(path),
  opts: PrepareOptions = NON_INTERACTIVE): Prepared {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return prepare(name, size, sniffBytes(name, new Uint8Array(buf), size), choice, opts);
}

/** Prepares and loads a file by path the way the app does; throws if it is not ready to load. */
export async function loadPath(t: TestDb, path: string, choice?: { kind?: KindId; mapping?: Mapping }, name?: string): Promise<LoadReport> {
  const p = prepareFile(path, choice, name);
  if (!p.ok) throw new Error(p.problem.message);
  const problem = notReadyProblem(p);
  if (problem) throw new Error(problem.message);
  return loadFile(t.db, t.conn, path, p.plan);
}

