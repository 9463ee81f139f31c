import { closeSync, ftruncateSync, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../src/ingest/load.ts';
import { withDateOrder } from '../../../src/ingest/mapping.ts';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { sniffFile } from '../../../src/ingest/sniff.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** The corpus of bad files in tests/fixtures/bad (see its README): each gets the exact message the
 *  user sees. Recoverable files load with a warning that names what was done; the rest are refused
 *  with the file, row and column, and leave the tables loaded before exactly as they were. */

const BAD = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const SAVE_AS = 'Open it in a spreadsheet and save it as "CSV UTF-8 (comma delimited)", then drop that file here.';
const ENCOUNTERS = 'encounter_id,participant_id,encounter_date,placement_date,pathway,treatment_type,engaged_30d\n'
  + 'E90001,P-1,2021-05-01 10:00,2021-05-02 09:00,self-referral,detox,yes\nE90002,P-2,2021-05-03 11:00,,active outreach,none,no\n';
const COSTS = 'date,amount,category,funding_source\n2021-05-01,100.00,treatment,Town\n2021-05-02,25.50,transport,Town\n';
const NALOXONE = 'date,agency,doses,outcome\n2021-05-01,Town PD,2,survived\n';

describe('files refused before loading', () => {
  const refusedBySniff = (name: string, text: string) => {
    const p = prepareFile(join(BAD, name));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(problemText(p.problem)).toBe(text);
  };

  it('empty.csv', () => refusedBySniff('empty.csv',
    'empty.csv: The file is empty (0 bytes). Export the data again and check that the export finished.'));

  it('binary.csv: binary bytes renamed .csv', () => refusedBySniff('binary.csv',
    `binary.csv: This is not a text file: it contains binary data. Check that you picked the right file. ${SAVE_AS}`));

  describe('a 1 GB file (sparse, made in the test, never read whole)', () => {
    let dir: string;
    let path: string;
    const message = 'big.csv: The file is 1.0 GB; files larger than 512 MB cannot be loaded in the browser. '
      + 'Export a smaller extract (for example a range of years, or only your agency) and load that. Data loaded earlier is unchanged.';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'dd-big-'));
      path = join(dir, 'big.csv');
      const fd = openSync(path, 'w');
      try {
        ftruncateSync(fd, 1024 ** 3);
        writeSync(fd, Buffer.from('date,amount,category,funding_source\n2022-03-01,10.00,staff,Town\n'), 0, undefined, 0);
      } finally {
        closeSync(fd);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refused by size, as prepared from its first bytes', () => {
      const p = prepareFile(path);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(problemText(p.problem)).toBe(message);
    });

    it('refused by size in the browser path (a File read by slices)', async () => {
      const r = await sniffFile('big.csv', await openAsBlob(path));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(problemText(r.problem)).toBe(message);
    });
  });
});

describe('the bad-file corpus against a database with data loaded before', () => {
  let t: TestDb;
  const snapshot = async () => ({
    encounters: await t.conn.query('SELECT * FROM encounters ORDER BY ALL'),
    costs: await t.conn.query('SELECT * FROM costs ORDER BY ALL'),
    naloxone: await t.conn.query('SELECT * FROM naloxone ORDER BY ALL'),
    loads: await t.conn.query('SELECT source_file, kind, table_name, rows FROM _loads ORDER BY ALL'),
  });
  const rowsOf = (table: string, file: string, cols = '*') =>
    t.conn.query<Record<string, unknown>>(`SELECT ${cols} FROM ${table} WHERE source_file = '${file}' ORDER BY ALL`);

  beforeAll(async () => {
    t = await testDb();
    expect((await loadPath(t, tempFile('program.csv', ENCOUNTERS))).rowsLoaded).toBe(2);
    expect((await loadPath(t, tempFile('ledger.csv', COSTS))).rowsLoaded).toBe(2);
    expect((await loadPath(t, tempFile('naloxone-log.csv', NALOXONE))).rowsLoaded).toBe(1);
  });

  /** Prepares a fixture and, even if it is not ready, loads it as if "Load" were pressed anyway:
   *  the first problem must be `text`, nothing may load and the tables must not change. */
  async function refused(name: string, text: string) {
    const before = await snapshot();
    const path = join(BAD, name);
    const p = prepareFile(path);
    if (!p.ok) throw new Error(p.problem.message);
    const r = await loadFile(t.db, t.conn, path, p.plan);
    expect(r.ok).toBe(false);
    expect(r.rowsLoaded).toBe(0);
    expect(problemText(r.problems[0]!)).toBe(text);
    expect(await snapshot()).toEqual(before);
    return r;
  }

  /** Loads a fixture the way the app does: it must load `rows` rows with exactly these problems. */
  async function loaded(name: string, rows: number, problems: string[]) {
    const r = await loadPath(t, join(BAD, name));
    expect(r.problems.map(problemText)).toEqual(problems);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(rows);
    return r;
  }

  it('header-only.csv: refused, row 2 named', () => refused('header-only.csv',
    'header-only.csv, row 2: The file has a header row but no data rows. Export the data again with the rows included.'));

  it.each([
    ['semicolon.csv', ';'],
    ['tab.csv', '\t'],
    ['pipe.csv', '|'],
  ])('%s: the delimiter is found and the file loads without a warning', async (name, delimiter) => {
    const p = prepareFile(join(BAD, name));
    expect(p.ok && p.plan.sniffed.delimiter).toBe(delimiter);
    await loaded(name, 3, []);
    expect(await rowsOf('costs', name, 'date, amount, category, funding_source, encounter_id')).toEqual([
      { date: new Date('2022-03-01'), amount: 1140, category: 'naloxone', funding_source: 'State opioid settlement', encounter_id: null },
      { date: new Date('2022-03-02'), amount: 205.14, category: 'transport', funding_source: 'Harbor Foundation', encounter_id: 'E00001' },
      { date: new Date('2022-03-06'), amount: 95, category: 'treatment', funding_source: 'COSSUP grant', encounter_id: 'E00002' },
    ]);
  });

  it('windows-1252.csv: read as Windows-1252, accents kept, with a warning', async () => {
    await loaded('windows-1252.csv', 2, ['windows-1252.csv: The file is not UTF-8; it was read as Windows-1252 (Latin-1) text. '
      + 'Check that accented letters (é, ñ) look right below; if not, save the file as "CSV UTF-8" and load it again.']);
    expect((await rowsOf('encounters', 'windows-1252.csv', 'residence')).map((r) => r.residence)).toEqual(['Peñasco', 'Élan Park']);
  });

  it('utf-16.csv: read as UTF-16 (Excel "Unicode Text"), with a warning', async () => {
    await loaded('utf-16.csv', 3, ['utf-16.csv: The file is saved as UTF-16 text (Excel "Unicode Text"); it was read as UTF-16. '
      + 'Nothing to do if the values below look right. Saving as "CSV UTF-8" makes the file half the size.']);
    expect((await rowsOf('costs', 'utf-16.csv', 'funding_source')).map((r) => r.funding_source))
      .toEqual(['COSSUP grant', 'Harbor Foundation', 'State opioid settlement']);
  });

  it('bom.csv: the byte order mark is dropped and the first column still recognised; no warning', async () => {
    await loaded('bom.csv', 3, []);
    expect((await rowsOf('costs', 'bom.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-03-01'), new Date('2022-03-02'), new Date('2022-03-06')]);
  });

  it('cr-only.csv: old Mac line endings load; no warning', async () => {
    await loaded('cr-only.csv', 3, []);
    expect((await rowsOf('costs', 'cr-only.csv', 'encounter_id')).map((r) => r.encounter_id)).toEqual(['E00001', 'E00002', null]);
  });

  it('embedded-newlines.csv: a quoted value over three lines stays one value; no warning', async () => {
    await loaded('embedded-newlines.csv', 2, []);
    expect((await rowsOf('encounters', 'embedded-newlines.csv', 'ineligible_reason')).map((r) => r.ineligible_reason))
      .toEqual(['declined;\nsaid he would\ncall back', null]);
  });

  it('ragged.csv: refused, each short or long row named', async () => {
    const r = await refused('ragged.csv', 'ragged.csv, row 3, column "funding_source": This row has 3 values where the header has 5 columns. '
      + 'Check for a missing or extra delimiter, or an unclosed quote, on that row.');
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'This row has 3 values where the header has 5 columns.'],
      [4, 'This row has 6 values where the header has 5 columns.'],
    ]);
  });

  it('duplicate-columns.csv: the repeat is renamed, the first column used, with a warning naming both', async () => {
    const r = await loaded('duplicate-columns.csv', 2, ['duplicate-columns.csv, row 1: Some column names were blank or repeated, so they were renamed: '
      + '"amount" in column 5 is now "amount 2". A repeated name is matched by its first column. '
      + 'Check that the right column was used below, or give every column a distinct name in the header row and load again.']);
    expect(r.ignored).toEqual(['amount 2']);
    expect((await rowsOf('costs', 'duplicate-columns.csv', 'amount')).map((x) => x.amount)).toEqual([205.14, 1140]);
  });

  it('duplicate-encounter-id.csv: refused, both rows named', () => refused('duplicate-encounter-id.csv',
    'duplicate-encounter-id.csv, row 4, column "encounter_id": Encounter ID "E00001" appears 2 times (rows 2, 4); each must be unique. '
    + 'Remove the repeated rows or give each row its own ID, then export again.'));

  it('mixed-dates.csv: ISO and MM/DD/YYYY in one column each read by its own format, with warnings', async () => {
    await loaded('mixed-dates.csv', 3, [
      'mixed-dates.csv, column "date": Every date in this column could be month/day or day/month; they were read as month/day (US). '
        + 'If this file writes day/month, change the date format before relying on the figures.',
      'mixed-dates.csv, column "date": Dates in this column are written in 2 ways (YYYY-MM-DD, MM/DD/YYYY); each was read by its own format. '
        + 'Check a few dates in the table below; an export with one date format avoids surprises.',
    ]);
    expect((await rowsOf('costs', 'mixed-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-03-01'), new Date('2022-03-02'), new Date('2022-03-06')]);
  });

  it('ambiguous-dates.csv: every date could be DD/MM or MM/DD: the Data page asks, and nothing loads until it is answered', async () => {
    const path = join(BAD, 'ambiguous-dates.csv');
    const asked = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    if (!asked.ok) throw new Error('not ok');
    expect(asked.plan.ambiguousDates).toEqual(['date']);
    expect(problemText(notReadyProblem(asked)!)).toBe('ambiguous-dates.csv, column "date": Every date in this column could be month/day or day/month '
      + '(for example "01/03/2022" is January 3, 2022 or 1 March 2022), so the file waits until you say which. '
      + 'Choose how column "date" writes its dates, then load.');
    // Loading anyway is refused: the question travels in the plan.
    const before = await snapshot();
    const r = await loadFile(t.db, t.conn, path, asked.plan);
    expect(r.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('ambiguous-dates.csv answered day/month: read exactly so, the report saying it was the user\'s choice', async () => {
    const path = join(BAD, 'ambiguous-dates.csv');
    const asked = prepareFile(path, undefined, undefined, { unansweredDateOrder: 'ask' });
    if (!asked.ok) throw new Error('not ok');
    const answered = prepareFile(path, { kind: 'costs', mapping: withDateOrder(asked.plan.mapping, { date: 'dmy' }) }, undefined, { unansweredDateOrder: 'ask' });
    if (!answered.ok) throw new Error('not ok');
    expect(notReadyProblem(answered)).toBeNull();
    const r = await loadFile(t.db, t.conn, path, answered.plan);
    expect(r.problems.map(problemText)).toEqual(['ambiguous-dates.csv, column "date": Dates were read as day/month (DD/MM/YYYY), as you chose for this column: '
      + '"01/03/2022" is 1 March 2022. If that is wrong, remove the file, add it again and choose month/day.']);
    expect(r.rowsLoaded).toBe(3);
    expect((await rowsOf('costs', 'ambiguous-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-03-01'), new Date('2022-03-02'), new Date('2022-03-06')]);
  });

  it('ambiguous-dates.csv loaded from Node (no one to ask): read as MM/DD, with a warning saying so', async () => {
    await loaded('ambiguous-dates.csv', 3, ['ambiguous-dates.csv, column "date": Every date in this column could be month/day or day/month; '
      + 'they were read as month/day (US). If this file writes day/month, change the date format before relying on the figures.']);
    expect((await rowsOf('costs', 'ambiguous-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-01-03'), new Date('2022-02-03'), new Date('2022-06-03')]);
  });

  it('day-month-dates.csv: a day over 12 proves DD/MM/YYYY; read so, with a warning', async () => {
    await loaded('day-month-dates.csv', 3, ['day-month-dates.csv, column "date": Dates were read as day/month (DD/MM/YYYY), because some have a first part over 12. '
      + 'If this file writes month/day, those dates are wrong: correct them and load the file again.']);
    expect((await rowsOf('costs', 'day-month-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-03-01'), new Date('2022-03-25'), new Date('2022-04-06')]);
  });

  it('excel-serial-dates.csv: serial day numbers converted, with a warning giving an example', async () => {
    await loaded('excel-serial-dates.csv', 3, ['excel-serial-dates.csv, column "date": Dates were written as Excel serial numbers (days since 1899-12-30) '
      + 'and were converted: "44621" is 2022-03-01. Check a few dates in the table below. '
      + 'To avoid this, format the column as a date in the spreadsheet before saving as CSV.']);
    expect((await rowsOf('costs', 'excel-serial-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2022-03-01'), new Date('2022-03-02'), new Date('2022-03-06')]);
  });

  it('month-name-dates.csv: "Jan  1 2013" (a padded day) loads; no warning', async () => {
    await loaded('month-name-dates.csv', 3, []);
    expect((await rowsOf('costs', 'month-name-dates.csv', 'date')).map((r) => r.date)).toEqual(
      [new Date('2013-01-01'), new Date('2013-01-12'), new Date('2013-02-03')]);
  });

  it('future-dates.csv: loaded as written, with a warning per column naming the row and value', async () => {
    const fix = 'Check the year: if it is a typo, correct it in your records system and load the file again.';
    await loaded('future-dates.csv', 2, [
      `future-dates.csv, row 3, column "encounter_date": The date is in the future; loaded as written. Found "2099-03-06 11:32". ${fix}`,
      `future-dates.csv, row 3, column "placement_date": The date is in the future; loaded as written. Found "2099-03-06 14:28". ${fix}`,
    ]);
  });

  it('placement-before-encounter.csv: refused with the row, column and value', () => refused('placement-before-encounter.csv',
    'placement-before-encounter.csv, row 3, column "placement_date": The placement date is before the encounter date. Found "2022-02-06 14:28". '
    + 'Correct the date in your records system and export again.'));

  it('negative-amounts.csv: a refund or correction is kept, with a warning naming the row', async () => {
    await loaded('negative-amounts.csv', 3, ['negative-amounts.csv, row 3, column "amount": The amount is negative; loaded as written, '
      + 'so it lowers the cost totals (as a refund or correction would). Found "-205.14". '
      + 'If it is not a refund or correction, correct the amount in the ledger and load the file again.']);
    expect((await rowsOf('costs', 'negative-amounts.csv', 'amount')).map((r) => r.amount)).toEqual([-205.14, 95, 1140]);
  });

  it('count-minus-one.csv: a count of -1 is refused with the row and column', () => refused('count-minus-one.csv',
    'count-minus-one.csv, row 3, column "doses": The value is negative; doses cannot be below zero. Found "-1". '
    + 'Some systems write -1 for "unknown": leave such cells blank, or correct the number, then load again.'));

  it('text-in-numeric.csv: refused with the row, column and value', () => refused('text-in-numeric.csv',
    'text-in-numeric.csv, row 3, column "amount": The value is not a number. Found "two hundred". '
    + 'Correct the value in the file, or map a different column.'));

  // DuckDB reads "NaN" as a number; a total with it would be NaN, so it is refused like text.
  it('nan-amount.csv: refused as not a number', () => refused('nan-amount.csv',
    'nan-amount.csv, row 3, column "amount": The value is not a number. Found "NaN". '
    + 'Correct the value in the file, or map a different column.'));

  it('200-columns.csv: the 18 known columns load, the 182 others are listed as ignored; no warning', async () => {
    const p = prepareFile(join(BAD, '200-columns.csv'));
    expect(p.ok && notReadyProblem(p)).toBe(null);
    const r = await loaded('200-columns.csv', 2, []);
    expect(r.understood).toHaveLength(18);
    expect(r.ignored).toHaveLength(182);
    expect(r.ignored[0]).toBe('custom_1');
  });
});
