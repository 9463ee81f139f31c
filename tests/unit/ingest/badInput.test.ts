import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile, removeLoadedFile } from '../../../src/ingest/load.ts';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

const GOOD = 'date,offense,agency\n2024-01-03,Shoplifting,Town PD\n2024-01-09,Burglary,Town PD\n2024-02-11,Shoplifting,Town PD\n';

describe('bad input gets a clear message and loads nothing', () => {
  it('empty file', () => {
    const p = prepareFile(tempFile('empty.csv', ''));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(problemText(p.problem)).toBe('empty.csv: The file is empty (0 bytes). Export the data again and check that the export finished.');
  });

  it('a binary file renamed .csv', () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    const p = prepareFile(tempFile('photo.csv', bytes));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.message).toBe('This is not a text file: it contains binary data.');
  });

  it('an Excel workbook renamed .csv', () => {
    const p = prepareFile(tempFile('book.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(!p.ok && p.problem.message).toBe('This is a zip archive (an Excel .xlsx workbook is one), not a CSV text file.');
  });

  it('a file nothing recognises', () => {
    const p = prepareFile(tempFile('menu.csv', 'dish,price\nsoup,4\n'));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(notReadyProblem(p)?.message).toMatch(/^Read as ".*", but no column was found for: /);
  });

  describe('against a database with data already loaded', () => {
    let t: TestDb;
    const snapshot = async () => t.conn.query('SELECT * FROM crime_incidents ORDER BY ALL');
    beforeAll(async () => {
      t = await testDb();
      const r = await loadPath(t, tempFile('first.csv', GOOD));
      expect(r.rowsLoaded).toBe(3);
    });

    it('header only: refused, row 2 named', async () => {
      const before = await snapshot();
      const r = await loadPath(t, tempFile('header-only.csv', 'date,offense,agency\n'));
      expect(r.ok).toBe(false);
      expect(problemText(r.problems[0]!)).toBe('header-only.csv, row 2: The file has a header row but no data rows. Export the data again with the rows included.');
      expect(await snapshot()).toEqual(before);
    });

    it('ragged rows: refused with the row numbers', async () => {
      const before = await snapshot();
      const r = await loadPath(t, tempFile('ragged.csv', GOOD + '2024-03-01,Burglary\n2024-03-02,Burglary,Town PD,extra\n'));
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => [p.row, p.message])).toEqual([
        [5, 'This row has 2 values where the header has 3 columns.'],
        [6, 'This row has 4 values where the header has 3 columns.'],
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('a bad date: refused with file, row, column and the value', async () => {
      const before = await snapshot();
      const r = await loadPath(t, tempFile('baddate.csv', GOOD + 'not a date,Burglary,Town PD\n'));
      expect(r.ok).toBe(false);
      expect(problemText(r.problems[0]!)).toBe(
        'baddate.csv, row 5, column "date": The value is not a date like the rest of the column (YYYY-MM-DD). Found "not a date". Correct the value in the file, or map a different column.');
      expect(await snapshot()).toEqual(before);
    });

    it('loading the same file name again replaces its rows instead of doubling them', async () => {
      const r = await loadPath(t, tempFile('first.csv', GOOD + '2024-03-05,Robbery,Town PD\n'));
      expect(r.rowsLoaded).toBe(4);
      expect((await snapshot()).length).toBe(4);
      const again = await loadPath(t, tempFile('first.csv', GOOD));
      expect(again.rowsLoaded).toBe(3);
      expect((await snapshot()).length).toBe(3);
    });

    it('removing a file takes out its rows and nothing else', async () => {
      await loadPath(t, tempFile("o'brien.csv", '2024-05-01,Robbery,Other PD\n'.replace(/^/, 'date,offense,agency\n')));
      expect((await snapshot()).length).toBe(4);
      await removeLoadedFile(t.conn, "o'brien.csv");
      expect((await snapshot()).map((r) => r.source_file)).toEqual(['first.csv', 'first.csv', 'first.csv']);
      expect((await t.conn.query(`SELECT count(*) AS n FROM _loads WHERE source_file = 'o''brien.csv'`))[0]!.n).toBe(0);
    });

    it('a failure inside the commit rolls back, and is reported; no table is left behind', async () => {
      const before = await snapshot();
      const tables = async () => t.conn.query('SELECT table_name FROM duckdb_tables() ORDER BY 1');
      const tablesBefore = await tables();
      const p = prepareFile(tempFile('x.csv', GOOD));
      if (!p.ok) throw new Error();
      // The view is rebuilt last, after the staged table became the file's: fail there.
      const failing: typeof t.conn = {
        query: (sql) => t.conn.query(sql), columns: (sql, kinds) => t.conn.columns(sql, kinds), close: () => t.conn.close(),
        run: async (sql, signal) => {
          if (/^CREATE OR REPLACE VIEW crime_incidents/.test(sql)) throw new Error('Out of Memory Error: failed to allocate');
          return t.conn.run(sql, signal);
        },
      };
      const r = await loadFile(t.db, failing, tempFile('x.csv', GOOD), p.plan);
      expect(r.ok).toBe(false);
      expect(r.rowsLoaded).toBe(0);
      expect(r.problems.filter((x) => x.severity === 'error')).toHaveLength(1);
      expect(await snapshot()).toEqual(before);
      expect(await tables()).toEqual(tablesBefore);
      expect((await t.conn.query(`SELECT count(*) AS n FROM _loads WHERE source_file = 'x.csv'`))[0]!.n).toBe(0);
    });
  });
});
