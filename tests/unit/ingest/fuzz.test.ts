import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile, removeLoadedFile, type LoadReport } from '../../../src/ingest/load.ts';
import { prepare } from '../../../src/ingest/prepare.ts';
import { sniffBytes } from '../../../src/ingest/sniff.ts';
import { SAMPLE, loadPath, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Random mutations of valid files: whatever happens, nothing escapes as an exception, a file loads
 *  whole or not at all, and every table loaded earlier stays bit-identical. */

const SAMPLE_FILES = ['encounters.csv', 'costs.csv', 'naloxone.csv', 'crime_incidents.csv', 'crime_monthly_comparison.csv',
  'overdoses_monthly.csv', 'overdose_deaths_state.csv', 'overdose_deaths_county.csv'];

/** Small valid files to mutate: the header and a few dozen rows of sample files. */
const BASES = ['encounters.csv', 'costs.csv', 'naloxone.csv'].map((f) => {
  const lines = readFileSync(SAMPLE + f, 'utf8').split('\n');
  return { name: f, text: lines.slice(0, 31).join('\n') + '\n' };
});

type Snapshot = Record<string, string>;

/** Every table in the database (each file's own table through its canonical view): its row count and a hash of all its rows in a fixed order, leaving
 *  out the rows of `except` (a file name) in tables that record their source file. */
async function snapshot(t: TestDb, except?: string): Promise<Snapshot> {
  const tables = await t.conn.query<{ name: string; has_source: boolean }>(
    `SELECT table_name AS name, bool_or(column_name = 'source_file') AS has_source FROM duckdb_columns()
     WHERE NOT internal AND database_name = current_database() AND NOT starts_with(table_name, '_file_')
     GROUP BY table_name ORDER BY table_name`);
  const out: Snapshot = {};
  for (const { name, has_source } of tables) {
    const where = except && has_source ? `WHERE source_file IS DISTINCT FROM '${except.replace(/'/g, "''")}'` : '';
    const [r] = await t.conn.query<{ n: number; h: string }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(x::VARCHAR, chr(10) ORDER BY x::VARCHAR), '')) AS h
       FROM (SELECT * FROM ${name} ${where}) x`);
    out[name] = `${r!.n}:${r!.h}`;
  }
  return out;
}

/** Tables that record a source file: rows of `file` in each, and whether `_loads` has it. */
async function rowsOf(t: TestDb, file: string): Promise<Record<string, number>> {
  const tables = await t.conn.query<{ name: string }>(
    `SELECT DISTINCT table_name AS name FROM duckdb_columns() WHERE column_name = 'source_file' AND NOT internal ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [r] = await t.conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${name} WHERE source_file = '${file.replace(/'/g, "''")}'`);
    if (r!.n) out[name] = r!.n;
  }
  return out;
}

// ---- mutations (positions are fractions of the length, so they fit any file) ----
type Mutation = (b: Uint8Array) => Uint8Array;
const enc = new TextEncoder();
const dec = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
const at = (b: { length: number }, f: number) => Math.min(b.length, Math.floor(f * (b.length + 1)));
const splice = (b: Uint8Array, pos: number, del: number, ins: Uint8Array = new Uint8Array()) => {
  const out = new Uint8Array(b.length - Math.min(del, b.length - pos) + ins.length);
  out.set(b.subarray(0, pos));
  out.set(ins, pos);
  out.set(b.subarray(Math.min(b.length, pos + del)), pos + ins.length);
  return out;
};
const onLines = (f: (lines: string[]) => string[]): Mutation => (b) => enc.encode(f(dec(b).split('\n')).join('\n'));
/** A position in the file, unbiased (fast-check's default bias would hit the header nearly every time). */
const frac = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((n) => n / 10000);
const GARBAGE = ['', 'NaN', '-', '""', '"', '1e999', '-0', '2023-02-30', '99/99/9999', 'null', 'NULL', '\\N', 'TRUE', ' ', '😀', 'é', '\u0000', '=1+1', 'yes;no', '1,5'];

const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  fc.tuple(frac, fc.integer({ min: 1, max: 40 })).map(([p, n]): [string, Mutation] => [`delete ${n} bytes at ${p.toFixed(3)}`, (b) => splice(b, at(b, p), n)]),
  fc.tuple(frac, fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([p, ins]): [string, Mutation] => [`insert bytes [${ins}] at ${p.toFixed(3)}`, (b) => splice(b, at(b, p), 0, ins)]),
  fc.tuple(frac, fc.integer({ min: 1, max: 80 })).map(([p, n]): [string, Mutation] => [`duplicate ${n} bytes at ${p.toFixed(3)}`, (b) => { const i = at(b, p); return splice(b, i, 0, b.slice(i, i + n)); }]),
  frac.map((p): [string, Mutation] => [`truncate at ${p.toFixed(3)}`, (b) => b.slice(0, at(b, p))]),
  fc.constantFrom(';', '\t', '|', ' ').map((d): [string, Mutation] => [`delimiter , -> ${JSON.stringify(d)}`, (b) => enc.encode(dec(b).replaceAll(',', d))]),
  fc.tuple(frac, fc.constantFrom(';', '\t', '|')).map(([p, d]): [string, Mutation] => [`delimiter , -> ${JSON.stringify(d)} on line ${p.toFixed(3)}`,
    onLines((ls) => { const i = at(ls, p) % ls.length; ls[i] = ls[i]!.replaceAll(',', d); return ls; })]),
  fc.tuple(frac, fc.constantFrom('"', "'", '""', '"\n')).map(([p, q]): [string, Mutation] => [`insert ${JSON.stringify(q)} at ${p.toFixed(3)}`, (b) => splice(b, at(b, p), 0, enc.encode(q))]),
  fc.tuple(frac, fc.string({ unit: 'binary', minLength: 1, maxLength: 6 })).map(([p, s]): [string, Mutation] => [`insert unicode ${JSON.stringify(s)} at ${p.toFixed(3)}`, (b) => splice(b, at(b, p), 0, enc.encode(s))]),
  fc.tuple(frac, fc.integer({ min: 1, max: 5 })).map(([p, n]): [string, Mutation] => [`duplicate line ${p.toFixed(3)} x${n}`,
    onLines((ls) => { const i = at(ls, p) % ls.length; ls.splice(i, 0, ...Array<string>(n).fill(ls[i]!)); return ls; })]),
  fc.tuple(frac, fc.integer({ min: 1, max: 4 })).map(([p, n]): [string, Mutation] => [`${n} blank lines at line ${p.toFixed(3)}`,
    onLines((ls) => { ls.splice(at(ls, p) % (ls.length + 1), 0, ...Array<string>(n).fill('')); return ls; })]),
  fc.tuple(frac, frac, fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 10 }))).map(([p, q, g]): [string, Mutation] => [
    `value at line ${p.toFixed(3)}, field ${q.toFixed(3)} -> ${JSON.stringify(g)}`,
    onLines((ls) => {
      const i = at(ls, p) % ls.length;
      const cells = ls[i]!.split(',');
      cells[at(cells, q) % cells.length] = g;
      ls[i] = cells.join(',');
      return ls;
    })]),
);

describe('fuzzing: mutated files never crash, never half-load, never touch earlier tables', () => {
  let t: TestDb;
  let before: Snapshot;
  beforeAll(async () => {
    t = await testDb();
    for (const f of SAMPLE_FILES) expect((await loadPath(t, SAMPLE + f)).ok, f).toBe(true);
    before = await snapshot(t);
  }, 60_000);

  it('holds for 60 random mutations (fixed seed)', async () => {
    let run = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (base, muts) => {
      const name = `fuzz-${++run}-${base.name}`;
      let bytes: Uint8Array = enc.encode(base.text);
      for (const [, m] of muts) bytes = m(bytes);
      const path = tempFile(name, bytes);
      let report: LoadReport | null = null;
      const s = sniffBytes(name, bytes, bytes.length);
      const p = prepare(name, bytes.length, s);
      if (p.ok) {
        try {
          report = await loadFile(t.db, t.conn, path, p.plan);
        } catch (e) {
          throw new Error(`loadFile threw: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const mine = await rowsOf(t, name);
      const loaded = await t.conn.query<{ rows: number; table_name: string }>(`SELECT rows, table_name FROM _loads WHERE source_file = '${name}'`);
      if (report?.ok) {
        outcomes.loaded = (outcomes.loaded ?? 0) + 1;
        // Loaded whole: its rows are in its table and _loads, nowhere else.
        expect(mine).toEqual({ [report.table]: report.rowsLoaded, _loads: 1 });
        expect(loaded).toEqual([{ rows: report.rowsLoaded, table_name: report.table }]);
        expect(report.problems.filter((x) => x.severity === 'error')).toEqual([]);
      } else {
        const why = p.ok ? `refused: ${(report?.problems.find((x) => x.severity === 'error')?.message ?? '').slice(0, 50)}` : `not read: ${p.problem.message.slice(0, 50)}`;
        outcomes[why] = (outcomes[why] ?? 0) + 1;
        // Not loaded: nothing of it anywhere, and the report says why.
        expect(mine).toEqual({});
        if (report) expect(report.problems.some((x) => x.severity === 'error') || report.rowsLoaded === 0).toBe(true);
      }
      // Everything loaded earlier is bit-identical (the new file's own rows left out).
      const after = await snapshot(t, name);
      for (const [table, h] of Object.entries(before)) {
        // Derived tables are rebuilt from everything loaded, the new file included.
        if (report?.ok && (table === 'encounter_facts' || table === 'crime_facts')) continue;
        expect({ table, h: after[table] }).toEqual({ table, h });
      }
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      if (report?.ok) {
        await removeLoadedFile(t.conn, name);
        expect(await snapshot(t)).toEqual(before);
      }
    }), { numRuns: 60, seed: 20240611, endOnFailure: true,
      reporter: (r) => { if (r.failed) throw new Error(`${String(r.errorInstance)}\ncounterexample: ${JSON.stringify(r.counterexample?.[1]?.map((m) => m[0]))} on ${r.counterexample?.[0]?.name}`); } });
    console.log('fuzz outcomes', outcomes);
    // Every refusal is in the app's own words: none passes DuckDB's error text through.
    expect(Object.keys(outcomes).filter((k) => /Error:/.test(k))).toEqual([]);
  }, 120_000);
});
