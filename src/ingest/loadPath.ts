import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connection, Database } from '../db/database.ts';
import { settleDateOrders } from './columnFacts.ts';
import { loadFile, type LoadReport } from './load.ts';
import { notReadyProblem, prepare, type Prepared, type PrepareOptions } from './prepare.ts';
import { sniffBytes, SNIFF_BYTES } from './sniff.ts';
import type { KindId } from './kinds/kindDef.ts';
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
  return prepare(name, statSync(path).size, sniffPath(path, name), choice, opts);
}

function sniffPath(path: string, name: string) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return sniffBytes(name, new Uint8Array(buf), size);
}

/** Prepares a file by path and, where its first rows leave a date column's day/month order open,
 *  reads the whole column to settle it, as the Data page does. */
export async function prepareFileSettled(t: TestDb, path: string, choice?: { kind?: KindId; mapping?: Mapping }, name = basename(path),
  opts: PrepareOptions = NON_INTERACTIVE): Promise<Prepared> {
  const p = prepareFile(path, choice, name, opts);
  if (!p.ok || !p.plan.ambiguousDates.length) return p;
  const dateOrder = await settleDateOrders(t.db, t.conn, path, p.plan);
  return prepare(name, statSync(path).size, sniffPath(path, name), choice, { ...opts, facts: { dateOrder } });
}

/** Prepares and loads a file by path the way the app does; throws if it is not ready to load. */
export async function loadPath(t: TestDb, path: string, choice?: { kind?: KindId; mapping?: Mapping }, name?: string): Promise<LoadReport> {
  const p = await prepareFileSettled(t, path, choice, name);
  if (!p.ok) throw new Error(p.problem.message);
  const problem = notReadyProblem(p);
  if (problem) throw new Error(problem.message);
  return loadFile(t.db, t.conn, path, p.plan);
}

