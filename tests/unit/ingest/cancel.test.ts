import { beforeAll, describe, expect, it } from 'vitest';
import { Cancelled } from '../../../src/db/database.ts';
import { loadFile } from '../../../src/ingest/load.ts';
import { loadFraction, type LoadStep } from '../../../src/ingest/progress.ts';
import { parseMemoryLimit } from '../../../src/ingest/memory.ts';
import { explainDuckDbError } from '../../../src/ingest/duckdbErrors.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

const EARLIER = 'date,offense,agency\n2024-01-03,Shoplifting,Town PD\n2024-01-09,Burglary,Town PD\n';
const rows = (n: number) => 'date,offense,agency\n' + Array.from({ length: n }, (_, i) => `2024-0${(i % 9) + 1}-1${i % 10},Shoplifting,City PD\n`).join('');

describe('a cancelled load leaves every table as it was', () => {
  let t: TestDb;
  const state = async () => ({
    incidents: await t.conn.query('SELECT * FROM crime_incidents ORDER BY ALL'),
    facts: await t.conn.query('SELECT * FROM crime_facts ORDER BY ALL'),
    loads: await t.conn.query('SELECT source_file, rows FROM _loads ORDER BY ALL'),
  });
  beforeAll(async () => {
    t = await testDb();
    await loadPath(t, tempFile('earlier.csv', EARLIER));
  });

  for (const at of ['reading', 'checking', 'saving', 'summarising'] as LoadStep[]) {
    it(`cancelled when the ${at} step starts`, async () => {
      const before = await state();
      const path = tempFile('city.csv', rows(5000));
      const p = prepareFile(path);
      if (!p.ok) throw new Error('not prepared');
      const abort = new AbortController();
      const seen: LoadStep[] = [];
      const loading = loadFile(t.db, t.conn, path, p.plan, { signal: abort.signal,
        onProgress: (x) => { if (seen.at(-1) !== x.step) seen.push(x.step); if (x.step === at) abort.abort(); } });
      await expect(loading).rejects.toBeInstanceOf(Cancelled);
      expect(seen.at(-1)).toBe(at);
      expect(await state()).toEqual(before);
      // No staging table is left behind, and the connection still works.
      expect(await t.conn.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_stage%' ESCAPE '\\'")).toEqual([]);
    });
  }

  it('the same file loads whole afterwards, reporting its steps in order', async () => {
    const path = tempFile('city.csv', rows(5000));
    const p = prepareFile(path);
    if (!p.ok) throw new Error('not prepared');
    const seen: LoadStep[] = [];
    const r = await loadFile(t.db, t.conn, path, p.plan, { onProgress: (x) => { if (seen.at(-1) !== x.step) seen.push(x.step); } });
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(5000);
    expect(seen).toEqual(['reading', 'checking', 'saving', 'summarising']);
    expect((await state()).loads).toEqual([{ source_file: 'city.csv', rows: 5000 }, { source_file: 'earlier.csv', rows: 2 }]);
  });
});

describe('loadFraction: one bar for the whole load', () => {
  it('grows through the steps and with the bytes read', () => {
    const total = 1000;
    const at = (step: LoadStep, bytes?: number) => loadFraction({ step, bytes, totalBytes: total });
    expect(at('reading')).toBe(0);
    expect(at('reading', 500)).toBeCloseTo(0.3);
    expect(at('reading', 5000)).toBeCloseTo(0.6);
    expect(at('checking')).toBeCloseTo(0.6);
    expect(at('saving')).toBeCloseTo(0.75);
    expect(at('summarising')).toBeCloseTo(0.9);
  });
});

describe('a file too big for the memory left', () => {
  it('is refused in words, and the tables loaded earlier are unchanged', async () => {
    const t = await testDb();
    await loadPath(t, tempFile('earlier.csv', EARLIER));
    const before = await t.conn.query('SELECT * FROM crime_incidents ORDER BY ALL');
    // The browser tab's limit, scaled down: no spilling to disk, 16 MB of memory.
    await t.conn.run("SET temp_directory = ''");
    await t.conn.run("SET memory_limit = '16MB'");
    const path = tempFile('statewide.csv', 'date,offense,agency\n'
      + Array.from({ length: 400_000 }, (_, i) => `2024-0${(i % 9) + 1}-1${i % 10},Theft from motor vehicle number ${i},Agency ${i % 97}\n`).join(''));
    const p = prepareFile(path);
    if (!p.ok) throw new Error('not prepared');
    const r = await loadFile(t.db, t.conn, path, p.plan);
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    // Refused before anything is read: the file is 24 MB, so about 60 MB of memory would be needed.
    expect(errors[0]!.message).toMatch(/^The file is too big for the memory this browser tab has left: loading its 24 MB needs about 60 MB, and \d+ MB of the database's 16 MB are free\.$/);
    expect(errors[0]!.file).toBe('statewide.csv');
    await t.conn.run("SET memory_limit = '1GB'");
    expect(await t.conn.query('SELECT * FROM crime_incidents ORDER BY ALL')).toEqual(before);
    expect(await t.conn.query("SELECT source_file FROM _loads")).toEqual([{ source_file: 'earlier.csv' }]);
  });
});

describe('memory in words', () => {
  it('reads DuckDB\'s memory limit setting', () => {
    expect(parseMemoryLimit('3.1 GiB')).toBeCloseTo(3.1 * 1024 ** 3);
    expect(parseMemoryLimit('16.0 MiB')).toBe(16 * 1024 ** 2);
    expect(parseMemoryLimit('500 MB')).toBe(5e8);
    expect(parseMemoryLimit('lots')).toBeNull();
  });
  it('an out-of-memory error while loading is said in words', () => {
    const p = explainDuckDbError('big.csv', new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (3.0 GiB/3.1 GiB used)'));
    expect(p.message).toBe('The file is too big for the memory this browser tab can use.');
    expect(p.fix).toMatch(/Data loaded earlier is unchanged\.$/);
  });
});
