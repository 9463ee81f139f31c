import { beforeAll, describe, expect, it } from 'vitest';
import { incidentCountsSql } from '../../../src/ingest/countsFile.ts';
import { removeLoadedFile } from '../../../src/ingest/load.ts';
import { loadPath, SAMPLE, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Each loaded file keeps a table of its own (db/fileTables.ts). A file whose canonical columns are
 *  each a function of its row keeps the very table the file was read into (keepSql.inPlace); one
 *  with a vocabulary (values recoded from what the file holds) is copied once into a new one. */

const CRIME = `Incident Number,Date Occurred,Offense,NIBRS Code,Agency
A1,2023-01-05,Burglary,220,Harbor PD
A2,2023-01-09,Shoplifting,23c,Harbor PD
A3,2023-02-11,Simple Assault,,Harbor PD
`;

describe('a file kept as its own table', () => {
  let t: TestDb;
  const tables = async () => (await t.conn.query<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE starts_with(table_name, '_') ORDER BY 1")).map((r) => r.t);
  const columnsOf = async (table: string) => (await t.conn.query<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`)).map((r) => r.c);
  const record = async (file: string) => (await t.conn.query<{ data_table: string; rows: number }>(`SELECT data_table, rows::INTEGER AS rows FROM _loads WHERE source_file = '${file}'`))[0];
  beforeAll(async () => { t = await testDb(); });

  it('crime incidents: the table read is kept, holding only the columns the view names, nothing staged left', async () => {
    const r = await loadPath(t, tempFile('city.csv', CRIME));
    expect([r.ok, r.rowsLoaded]).toEqual([true, 3]);
    const rec = (await record('city.csv'))!;
    expect(rec.rows).toBe(3);
    // The staged names: the parsed date, the trimmed texts, and the code in capitals, worked out
    // while reading; the date's text, used by the checks, is gone, and the count of 1 (the file has
    // no count column) is a constant of the view, not a column.
    const cols = await columnsOf(rec.data_table);
    expect(cols).toContain('p_date');
    expect(cols).toContain('k_nibrs_code');
    expect(cols).not.toContain('k_count');
    expect(cols.filter((c) => /^c\d+$/.test(c))).toHaveLength(3);
    // Beside it, what is worked out from it alone (db/derived.ts).
    expect(await tables()).toEqual(['_crime_monthly_facts', rec.data_table, `${rec.data_table}_facts`, `${rec.data_table}_spans`, '_loads']);
    expect(await t.conn.query(`SELECT strftime(date, '%Y-%m-%d') AS date, offense, nibrs_code, agency, incident_id, count, source_file
      FROM crime_incidents ORDER BY incident_id`)).toEqual([
      { date: '2023-01-05', offense: 'Burglary', nibrs_code: '220', agency: 'Harbor PD', incident_id: 'A1', count: 1, source_file: 'city.csv' },
      { date: '2023-01-09', offense: 'Shoplifting', nibrs_code: '23C', agency: 'Harbor PD', incident_id: 'A2', count: 1, source_file: 'city.csv' },
      { date: '2023-02-11', offense: 'Simple Assault', nibrs_code: null, agency: 'Harbor PD', incident_id: 'A3', count: 1, source_file: 'city.csv' },
    ]);
  });

  it('loading a file of the same name again replaces its table; a second file adds its own', async () => {
    const before = (await record('city.csv'))!.data_table;
    await loadPath(t, tempFile('city.csv', CRIME.split('\n').slice(0, 3).join('\n') + '\n'));
    const after = (await record('city.csv'))!;
    expect(after.data_table).not.toBe(before);
    expect(after.rows).toBe(2);
    await loadPath(t, tempFile('town.csv', CRIME.replaceAll('Harbor PD', 'Gannet PD')));
    expect(await t.conn.query('SELECT agency, count(*)::INTEGER AS n FROM crime_incidents GROUP BY 1 ORDER BY 1'))
      .toEqual([{ agency: 'Gannet PD', n: 3 }, { agency: 'Harbor PD', n: 2 }]);
    const files = (await tables()).filter((x) => /^_file_\d+$/.test(x));
    expect(files).toHaveLength(2);
    expect(files).not.toContain(before);
    expect((await tables()).filter((x) => x.startsWith(`${before}_`))).toEqual([]);
  });

  it('two files of one agency: each file summed alone, read together; the counts file has one row per month and offense', async () => {
    await loadPath(t, tempFile('city-more.csv', `Incident Number,Date Occurred,Offense,NIBRS Code,Agency
B1,2023-01-20,Burglary,220,Harbor PD
B2,2023-03-02,Burglary,220,Harbor PD
`));
    // Burglary in January: one incident in each file.
    expect(await t.conn.query(`SELECT count(*)::INTEGER AS facts, sum(count)::INTEGER AS n FROM crime_facts
      WHERE series = 'incidents:Harbor PD' AND month = DATE '2023-01-01' AND offense = 'Burglary'`)).toEqual([{ facts: 2, n: 2 }]);
    expect(await t.conn.query(`SELECT count::INTEGER AS n FROM crime_coded WHERE series = 'incidents:Harbor PD' AND month = DATE '2023-01-01' AND grp = 'burglary'`))
      .toEqual([{ n: 2 }]);
    expect(await t.conn.query(`SELECT file, strftime(first, '%Y-%m-%d') AS first, strftime(last, '%Y-%m-%d') AS last, days::INTEGER AS days
      FROM crime_spans WHERE series = 'incidents:Harbor PD' ORDER BY file`)).toEqual([
      { file: 'city-more.csv', first: '2023-01-20', last: '2023-03-02', days: 2 },
      { file: 'city.csv', first: '2023-01-05', last: '2023-01-09', days: 2 },
    ]);
    const counts = await t.conn.query<{ month: string; offense: string; count: number }>(
      `SELECT month, offense, count FROM (${incidentCountsSql()}) WHERE ori = 'Harbor PD' AND offense = 'Burglary' ORDER BY month`);
    expect(counts.map((c) => [c.month, c.count])).toEqual([['2023-01', 2], ['2023-02', 0], ['2023-03', 1]]);
    await removeLoadedFile(t.conn, 'city-more.csv');
    expect(await t.conn.query(`SELECT count(*)::INTEGER AS n FROM crime_spans WHERE file = 'city-more.csv'`)).toEqual([{ n: 0 }]);
  });

  it('program encounters (values recoded): copied once into a table in the canonical columns', async () => {
    const r = await loadPath(t, SAMPLE + 'encounters.csv');
    expect(r.ok).toBe(true);
    const rec = (await record('encounters.csv'))!;
    expect(await columnsOf(rec.data_table)).toEqual((await t.conn.query<{ c: string }>(
      "SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'encounters' AND column_name <> 'source_file' ORDER BY column_index")).map((x) => x.c));
    expect((await tables()).filter((x) => x.startsWith('_stage'))).toEqual([]);
  });

  it('encounters without a vocabulary column with `values` still have their values recoded (copied, not kept in place)', async () => {
    // Sex, race and substance are recoded from what the file holds (recode.ts), like pathway.
    const r = await loadPath(t, tempFile('plain-encounters.csv', `Encounter ID,Participant ID,Encounter Date,Sex,Race,Primary Substance
E1,P1,2023-01-05,M,Caucasian,Heroin
E2,P2,2023-01-09,F,African American,Fentanyl
`));
    expect(r.ok, JSON.stringify(r.problems)).toBe(true);
    expect(await t.conn.query(`SELECT sex, race_ethnicity, primary_substance FROM encounters WHERE source_file = 'plain-encounters.csv' ORDER BY encounter_id`))
      .toEqual([{ sex: 'male', race_ethnicity: 'White', primary_substance: 'opioids' }, { sex: 'female', race_ethnicity: 'Black', primary_substance: 'opioids' }]);
    await removeLoadedFile(t.conn, 'plain-encounters.csv');
  });

  it('removing a file drops its table; the others stay', async () => {
    const gone = (await record('town.csv'))!.data_table;
    await removeLoadedFile(t.conn, 'town.csv');
    expect((await tables()).filter((x) => x.startsWith(gone))).toEqual([]);
    expect(await t.conn.query('SELECT DISTINCT agency FROM crime_incidents')).toEqual([{ agency: 'Harbor PD' }]);
    await removeLoadedFile(t.conn, 'city.csv');
    expect(await t.conn.query('SELECT count(*)::INTEGER AS n FROM crime_incidents')).toEqual([{ n: 0 }]);
    expect(await t.conn.query('SELECT count(*)::INTEGER AS n FROM crime_facts')).toEqual([{ n: 0 }]);
  });
});
