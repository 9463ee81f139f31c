import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { VSRR_INDICATORS, vsrrIndicator, vsrrIndicatorGroup, vsrrIndicatorGroupSql } from '../../../src/ingest/kinds/index.ts';
import { loadFile, type LoadReport, removeLoadedFile } from '../../../src/ingest/load.ts';
import { notReadyProblem, prepare, type Prepared } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { SNIFF_BYTES, TAIL_BYTES, sniffBytes } from '../../../src/ingest/sniff.ts';
import { loadPath, prepareFile, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** CDC overdose files: the real VSRR and WONDER exports in ../shared/data/public, copies of them
 *  changed the way people and spreadsheets change files, and a constructed county fixture.
 *  Figures from the real files were worked out independently, with Python's csv module over the
 *  same files (see each expectation). */
const VSRR = PUBLIC + 'cdc_vsrr_provisional_overdose_deaths_2018-09.csv';
const WONDER = PUBLIC + 'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv';
const COUNTY = fileURLToPath(new URL('../../fixtures/cdc_county_provisional_sample.csv', import.meta.url));

interface Csv { header: string[]; rows: string[][] }

function readCsv(path: string, delimiter = ','): Csv {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
  return { header: header!, rows };
}

/** Only the named columns, in that order. */
function pick(csv: Csv, columns: readonly string[]): Csv {
  const at = columns.map((c) => csv.header.indexOf(c));
  if (at.includes(-1)) throw new Error(`no column ${columns[at.indexOf(-1)]}`);
  return { header: [...columns], rows: csv.rows.map((r) => at.map((i) => r[i]!)) };
}

/** As a spreadsheet saves CSV: no BOM, quotes only where a value needs them, CRLF. */
function spreadsheetCsv(csv: Csv): string {
  return Papa.unparse({ fields: csv.header, data: csv.rows }, { newline: '\r\n' }) + '\r\n';
}

/** Prepares a file the way the app does (first bytes, and last bytes of a larger file). */
function prepareWhole(path: string, name = basename(path)): Prepared {
  const bytes = new Uint8Array(readFileSync(path));
  const tail = bytes.length > SNIFF_BYTES ? bytes.subarray(Math.max(SNIFF_BYTES, bytes.length - TAIL_BYTES)) : undefined;
  return prepare(name, bytes.length, sniffBytes(name, bytes.subarray(0, SNIFF_BYTES), bytes.length, tail));
}

async function loadWhole(t: TestDb, path: string, name?: string): Promise<{ prepared: Prepared & { ok: true }; report: LoadReport }> {
  const p = prepareWhole(path, name);
  if (!p.ok) throw new Error(p.problem.message);
  return { prepared: p, report: await loadFile(t.db, t.conn, path, p.plan) };
}

describe('CDC VSRR provisional overdose deaths', () => {
  let t: TestDb;
  const one = async (sql: string) => (await t.conn.query(sql))[0]!;
  const table = (file: string, exclude = 'source_file') =>
    t.conn.query(`SELECT * EXCLUDE (${exclude}) FROM overdose_vsrr WHERE source_file = '${file}' ORDER BY ALL`);

  beforeAll(async () => {
    t = await testDb();
    const real = readCsv(VSRR);
    // The older 10-column layout: no Footnote Symbol, no Predicted Value, columns in another order.
    const older = pick(real, ['State Name', 'State', 'Indicator', 'Year', 'Month', 'Period', 'Data Value',
      'Percent Pending Investigation', 'Percent Complete', 'Footnote']);
    // Re-saved by a spreadsheet: numbers lose their thousands separators ("4,034" -> 4034).
    const plain = (v: string) => (/^\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v);
    const resaved = { header: real.header, rows: real.rows.map((r) => r.map(plain)) };
    expect(resaved.rows[0]![real.header.indexOf('Data Value')]).toBe('4034');
    const files: [string, string][] = [
      [VSRR, 'vsrr.csv'],
      [tempFile('older.csv', Papa.unparse({ fields: older.header, data: older.rows })), 'vsrr_older_layout.csv'],
      [tempFile('resaved.csv', spreadsheetCsv(resaved)), 'vsrr_resaved.csv'],
    ];
    for (const [path, name] of files) {
      const r = await loadPath(t, path, undefined, name);
      if (!r.ok) throw new Error(`${name}: ${r.problems.map(problemText).join('\n')}`);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  it('the real file: figures worked out from the CSV', async () => {
    expect((await one(`SELECT count(*) AS n FROM overdose_vsrr WHERE source_file = 'vsrr.csv'`)).n).toBe(13320);
    // US, September 2018, Number of Drug Overdose Deaths: "67,152" (predicted "69,894").
    expect(await one(`SELECT value, predicted_value, status FROM overdose_vsrr WHERE source_file = 'vsrr.csv'
      AND state = 'US' AND month = DATE '2018-09-01' AND indicator = 'Number of Drug Overdose Deaths'`))
      .toEqual({ value: 67152, predicted_value: 69894, status: 'reported' });
    // NC, December 2017, synthetic opioids: "1,270"; NYC (YC), September 2018: 841; US cocaine: "14,572".
    expect((await one(`SELECT value FROM overdose_vsrr WHERE source_file = 'vsrr.csv' AND state = 'NC'
      AND month = DATE '2017-12-01' AND indicator = 'Synthetic opioids, excl. methadone (T40.4)'`)).value).toBe(1270);
    expect((await one(`SELECT value FROM overdose_vsrr WHERE source_file = 'vsrr.csv' AND state = 'YC'
      AND month = DATE '2018-09-01' AND indicator = 'Synthetic opioids, excl. methadone (T40.4)'`)).value).toBe(841);
    expect((await one(`SELECT value FROM overdose_vsrr WHERE source_file = 'vsrr.csv' AND state = 'US'
      AND month = DATE '2018-09-01' AND indicator = 'Cocaine (T40.5)'`)).value).toBe(14572);
    // The 51 jurisdictions other than US and YC, September 2018, drug overdose deaths: 65,679 in all.
    expect((await one(`SELECT sum(value) AS s FROM overdose_vsrr WHERE source_file = 'vsrr.csv' AND state NOT IN ('US', 'YC')
      AND month = DATE '2018-09-01' AND indicator = 'Number of Drug Overdose Deaths'`)).s).toBe(65679);
    // 2,385 rows for each of the two totals, 855 for each of the ten other indicators.
    const per = await t.conn.query<{ indicator: string; n: number; suppressed: number }>(`SELECT indicator, count(*) AS n,
      count(*) FILTER (WHERE status = 'suppressed') AS suppressed FROM overdose_vsrr WHERE source_file = 'vsrr.csv' GROUP BY 1 ORDER BY 1`);
    expect(per.map((p) => [p.indicator, p.n])).toEqual(VSRR_INDICATORS.map((i) => i.name).sort()
      .map((name) => [name, name.startsWith('Number of') ? 2385 : 855]));
    // This release has no blank Data Value, so nothing is suppressed (a blank would be: see below).
    expect(per.every((p) => p.suppressed === 0)).toBe(true);
    // Predicted Value is blank in 3,240 rows.
    expect((await one(`SELECT count(*) AS n FROM overdose_vsrr WHERE source_file = 'vsrr.csv' AND predicted_value IS NULL`)).n).toBe(3240);
  });

  it('the older 10-column layout loads to the same table, without predicted values', async () => {
    const real = await table('vsrr.csv', 'source_file, predicted_value');
    expect(real.length).toBe(13320);
    expect(await table('vsrr_older_layout.csv', 'source_file, predicted_value')).toEqual(real);
    expect((await one(`SELECT count(predicted_value) AS n FROM overdose_vsrr WHERE source_file = 'vsrr_older_layout.csv'`)).n).toBe(0);
  });

  it('a copy re-saved by a spreadsheet (no BOM, "4034", minimal quoting) loads to the same table', async () => {
    const p = prepareFile(tempFile('x.csv', spreadsheetCsv(readCsv(VSRR))));
    expect(p.ok && p.plan.sniffed.bom).toBe(false);
    expect(await table('vsrr_resaved.csv')).toEqual(await table('vsrr.csv'));
  });

  it('every indicator loaded has a dashboard group', async () => {
    const groups = await t.conn.query<{ g: string | null; n: number }>(`SELECT ${vsrrIndicatorGroupSql('indicator')} AS g, count(*) AS n
      FROM overdose_vsrr WHERE source_file = 'vsrr.csv' GROUP BY 1 ORDER BY 1`);
    // 5 opioid indicators x 855; cocaine and psychostimulants 2 x 855; "other": all deaths 2,385 + percent specified 855.
    expect(groups).toEqual([
      { g: 'all drugs', n: 2385 }, { g: 'heroin', n: 855 }, { g: 'opioids', n: 5 * 855 },
      { g: 'other', n: 2385 + 855 }, { g: 'stimulants', n: 2 * 855 }, { g: 'synthetic opioids', n: 855 },
    ]);
  });

  it('a blank value is suppressed, never zero (a copy with three values blanked)', async () => {
    // NC heroin, July-September 2018 (537, 547, 551 in the real file) made blank.
    const real = readCsv(VSRR);
    const [vi, si, ii, yi, mi] = ['Data Value', 'State', 'Indicator', 'Year', 'Month'].map((c) => real.header.indexOf(c)) as [number, number, number, number, number];
    let blanked = 0;
    const rows = real.rows.map((r) => {
      if (r[si] === 'NC' && r[ii] === 'Heroin (T40.1)' && r[yi] === '2018' && ['July', 'August', 'September'].includes(r[mi]!)) {
        blanked++;
        return r.map((v, i) => (i === vi ? '' : v));
      }
      return r;
    });
    expect(blanked).toBe(3);
    const r = await loadPath(t, tempFile('blanks.csv', Papa.unparse({ fields: real.header, data: rows })), undefined, 'vsrr_blanks.csv');
    expect(r.ok).toBe(true);
    expect(await t.conn.query(`SELECT month, value, status FROM overdose_vsrr WHERE source_file = 'vsrr_blanks.csv'
      AND status <> 'reported' ORDER BY month`)).toEqual([7, 8, 9].map((m) => ({
      month: new Date(Date.UTC(2018, m - 1, 1)), value: null, status: 'suppressed' })));
    await removeLoadedFile(t.conn, 'vsrr_blanks.csv');
  });
});

describe('VSRR indicator groups', () => {
  it.each([
    ['Number of Drug Overdose Deaths', 'all drugs'],
    ['Opioids (T40.0-T40.4,T40.6)', 'opioids'],
    ['Natural, semi-synthetic, & synthetic opioids, incl. methadone (T40.2-T40.4)', 'opioids'],
    ['Methadone (T40.3)', 'opioids'],
    ['Synthetic opioids, excl. methadone (T40.4)', 'synthetic opioids'],
    ['Heroin (T40.1)', 'heroin'],
    ['Cocaine (T40.5)', 'stimulants'],
    ['Psychostimulants with abuse potential (T43.6)', 'stimulants'],
    ['Number of Deaths', 'other'],
    ['Percent with drugs specified', 'other'],
  ])('%s is in "%s"', (name, group) => {
    expect(vsrrIndicatorGroup(name)).toBe(group);
  });

  it('matches regardless of case and spacing, and knows nothing else', () => {
    expect(vsrrIndicatorGroup('  heroin  (t40.1) ')).toBe('heroin');
    expect(vsrrIndicator('number of drug overdose deaths')?.name).toBe('Number of Drug Overdose Deaths');
    expect(vsrrIndicatorGroup('Fentanyl')).toBeNull();
    expect(vsrrIndicatorGroup('Number of Drug Overdose Death')).toBeNull();
  });

  it('lists twelve indicators, one of them a percentage', () => {
    expect(VSRR_INDICATORS).toHaveLength(12);
    expect(new Set(VSRR_INDICATORS.map((i) => i.name)).size).toBe(12);
    expect(VSRR_INDICATORS.filter((i) => i.unit === 'percent').map((i) => i.name)).toEqual(['Percent with drugs specified']);
  });
});

describe('VSRR with an indicator nobody knows is refused; what was loaded stays', () => {
  let t: TestDb;
  const snapshot = async () => t.conn.query(`SELECT count(*) AS n, sum(value) AS s, count(DISTINCT indicator) AS k FROM overdose_vsrr`);
  beforeAll(async () => {
    t = await testDb();
    expect((await loadPath(t, VSRR, undefined, 'vsrr.csv')).rowsLoaded).toBe(13320);
  });

  /** The real file with the indicator of some data rows (0-based) replaced. */
  const withIndicators = (changes: Record<number, string>) => {
    const real = readCsv(VSRR);
    const ii = real.header.indexOf('Indicator');
    const rows = real.rows.map((r, i) => (changes[i] != null ? r.map((v, j) => (j === ii ? changes[i]! : v)) : r));
    return tempFile('vsrr.csv', '\uFEFF' + Papa.unparse({ fields: real.header, data: rows }));
  };

  it('a typo: file, row, column and value named', async () => {
    const before = await snapshot();
    const r = await loadPath(t, withIndicators({ 100: 'Number of Drug Overdose Death' }), undefined, 'vsrr.csv');
    expect(r.ok).toBe(false);
    expect(r.rowsLoaded).toBe(0);
    expect(r.problems.map(problemText)).toEqual([
      'vsrr.csv, row 102, column "Indicator": This is not one of the indicators CDC publishes in the VSRR provisional overdose death counts. '
      + 'Found "Number of Drug Overdose Death". Correct the spelling to CDC\'s (for example "Number of Drug Overdose Deaths" or "Heroin (T40.1)"), '
      + 'or remove the row. If CDC has added an indicator, it must be added to the dashboard\'s list before the file can load.',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('indicators we do not know, on two rows: both rows named', async () => {
    const before = await snapshot();
    const r = await loadPath(t, withIndicators({ 5000: 'Xylazine (T42.8)', 9000: 'Fentanyl' }), undefined, 'vsrr.csv');
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'vsrr.csv', row: 5002, column: 'Indicator', count: 2, rows: [5002, 9002] });
    expect(r.problems[0]!.message).toContain('(2 rows) First: row 5002: "Xylazine (T42.8)", row 9002: "Fentanyl".');
    expect(await snapshot()).toEqual(before);
  });
});

describe('CDC WONDER export cut short is refused; what was loaded stays', () => {
  let t: TestDb;
  const real = readFileSync(WONDER, 'latin1');
  const snapshot = async () => t.conn.query(`SELECT * FROM overdose_wonder ORDER BY ALL`);
  // WONDER writes a notes block after the data: "---", then the query, citation and messages, one
  // quoted value per line. This one is constructed in that form.
  const NOTES = ['---', 'Dataset: Multiple Cause of Death, 1999-2017', 'Query Parameters:', 'States: North Carolina (37)',
    'Group By: County; Year', 'Show Suppressed: True', '---', 'Help: See http://wonder.cdc.gov/wonder/help/mcd.html for more information.', '---']
    .map((n) => `"${n}"\r\n`).join('');

  beforeAll(async () => {
    t = await testDb();
    const r = await loadPath(t, WONDER, undefined, 'wonder.tsv');
    expect(r.rowsLoaded).toBe(1200);
  });

  it('the real file as published has no notes block: it loads, with a warning saying so', async () => {
    const p = prepareFile(WONDER);
    if (!p.ok) throw new Error();
    expect(notReadyProblem(p)).toBeNull();
    expect(p.plan.sniffed.warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'notes-missing', row: 1201 })]);
  });

  it('with its notes block it loads whole, without warnings', async () => {
    const { report } = await loadWhole(t, tempFile('w.tsv', real + NOTES), 'wonder_with_notes.tsv');
    expect(report.ok).toBe(true);
    expect(report.rowsLoaded).toBe(1200);
    expect(report.problems).toEqual([]);
    await removeLoadedFile(t.conn, 'wonder_with_notes.tsv');
  });

  it('the last data line cut mid-row: refused, row 1201 named', async () => {
    const before = await snapshot();
    const cut = real.slice(0, real.length - 40); // "...\t17744\tSuppr" (8 of 11 values)
    expect(cut.endsWith('\t17744\tSuppr')).toBe(true);
    const { prepared, report } = await loadWhole(t, tempFile('w.tsv', cut), 'wonder.tsv');
    const text = 'wonder.tsv, row 1201: The export looks cut short (a download or copy that stopped early): its last row has 8 of the 11 values '
      + 'the header names, and no line break after it. Download or export the file again and check that the download finished; '
      + 'then load the new copy. Data loaded earlier is unchanged.';
    expect(problemText(notReadyProblem(prepared)!)).toBe(text);
    expect(report.ok).toBe(false);
    expect(report.rowsLoaded).toBe(0);
    expect(problemText(report.problems[0]!)).toBe(text);
    expect(await snapshot()).toEqual(before);
  });

  it('the notes block missing and the last value cut ("Suppre") but every value there: loads, with a warning naming that value', async () => {
    const cut = real.replace(/ssed\r\n$/, ''); // the last row keeps its 11 values, the last one cut
    expect(cut.endsWith('\tSuppre')).toBe(true);
    const { prepared, report } = await loadWhole(t, tempFile('w.tsv', cut), 'wonder_last_value_cut.tsv');
    expect(notReadyProblem(prepared)).toBeNull();
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', row: 1201, code: 'notes-missing-no-line-break' })]);
    expect(report.problems[0]!.message).toContain('its last value ("Suppre") may have been cut');
    expect(report.rowsLoaded).toBe(1200);
    await removeLoadedFile(t.conn, 'wonder_last_value_cut.tsv');
  });

  it('cut inside a quoted county name: refused', async () => {
    const before = await snapshot();
    const cut = real.slice(0, real.lastIndexOf('"Yancey County, NC"') + 11);
    const { prepared, report } = await loadWhole(t, tempFile('w.tsv', cut), 'wonder.tsv');
    expect(notReadyProblem(prepared)).toMatchObject({ code: 'cut-short', row: 1201 });
    expect(notReadyProblem(prepared)!.message).toContain('its last row ends inside a quoted value');
    expect(report.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('the notes block missing, cut at the end of a line: loads, with a warning naming the last row', async () => {
    const cut = real.slice(0, real.lastIndexOf('\t"Yancey County, NC"\t"37199"\t"2017"'));
    const { report } = await loadWhole(t, tempFile('w.tsv', cut), 'wonder_cut_at_line.tsv');
    expect(report.rowsLoaded).toBe(1199);
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'notes-missing', row: 1200 })]);
    await removeLoadedFile(t.conn, 'wonder_cut_at_line.tsv');
  });

  it('a larger file cut short is caught from its last bytes (VSRR, 2.4 MB)', async () => {
    const vsrr = readFileSync(VSRR);
    const cut = vsrr.subarray(0, vsrr.length - 30); // the last line stops at "...,New York City,Underreported " (10 values)
    const p = prepareWhole(tempFile('vsrr.csv', cut));
    if (!p.ok) throw new Error();
    expect(p.plan.sniffed.complete).toBe(false);
    expect(notReadyProblem(p)).toMatchObject({ code: 'cut-short', row: undefined });
    expect(notReadyProblem(p)!.message).toContain('its last row has 10 of the 12 values');
  });
});

describe('CDC VSRR provisional county-level overdose deaths (constructed fixture)', () => {
  let t: TestDb;
  const one = async (sql: string) => (await t.conn.query(sql))[0]!;
  const table = (file: string) => t.conn.query(`SELECT * EXCLUDE (source_file) FROM overdose_county WHERE source_file = '${file}' ORDER BY ALL`);
  const fixture = readCsv(COUNTY);

  beforeAll(async () => {
    t = await testDb();
    const r = await loadPath(t, COUNTY);
    if (!r.ok) throw new Error(r.problems.map(problemText).join('\n'));
  });

  it('is recognised with confidence', () => {
    const p = prepareFile(COUNTY);
    if (!p.ok) throw new Error();
    expect(p.plan.kind.id).toBe('cdc_vsrr_county');
    expect(p.confident).toBe(true);
    expect(p.plan.mapping.columns).toMatchObject({ county_fips: 'FIPS', state_fips: 'STATEFIPS', county: 'COUNTYNAME',
      state: 'ST_ABBREV', year: 'Year', month_number: 'Month', deaths: 'Provisional Drug Overdose Deaths',
      percent_pending: 'Percentage Of Records Pending Investigation' });
  });

  it('loads the numbers written in it; blank is suppressed, never zero; FIPS keep 5 digits', async () => {
    expect((await one(`SELECT count(*) AS n FROM overdose_county`)).n).toBe(14);
    expect(await t.conn.query(`SELECT county_fips, month, deaths, deaths_status FROM overdose_county
      WHERE deaths_status <> 'reported' OR deaths = 0 ORDER BY month, county_fips`)).toEqual([
      { county_fips: '37095', month: new Date('2023-12-01T00:00:00Z'), deaths: null, deaths_status: 'suppressed' },
      { county_fips: '01001', month: new Date('2024-01-01T00:00:00Z'), deaths: null, deaths_status: 'suppressed' },
      { county_fips: '37095', month: new Date('2024-01-01T00:00:00Z'), deaths: 0, deaths_status: 'reported' },
    ]);
    expect(await one(`SELECT county, state, deaths, percent_pending FROM overdose_county WHERE county_fips = '06037'
      AND month = DATE '2023-12-01'`)).toEqual({ county: 'Los Angeles County', state: 'CA', deaths: 3127, percent_pending: 2.1 });
    expect(await t.conn.query(`SELECT month, sum(deaths) AS s FROM overdose_county GROUP BY 1 ORDER BY 1`)).toEqual([
      { month: new Date('2023-12-01T00:00:00Z'), s: 4077 }, { month: new Date('2024-01-01T00:00:00Z'), s: 4039 }]);
    expect((await t.conn.query<{ f: string }>(`SELECT DISTINCT county_fips AS f FROM overdose_county ORDER BY 1`)).map((r) => r.f))
      .toEqual(['01001', '01073', '06037', '25009', '37063', '37095', '37183']);
  });

  it('a copy with only a 5-digit COUNTYFIPS (zeros dropped by a spreadsheet) and other columns loads the same', async () => {
    // The layout some copies have: COUNTYFIPS holds the whole code; COUNTY_NAME, Start Time, End Time.
    const c = (name: string) => fixture.header.indexOf(name);
    const header = ['Data as of', 'Year', 'Month', 'ST_ABBREV', 'STATEFIPS', 'COUNTYNAME', 'COUNTYFIPS', 'STATE_NAME', 'COUNTY_NAME',
      'Start Time', 'End Time', 'Provisional Drug Overdose Deaths', 'Footnote', 'Percentage Of Records Pending Investigation',
      'HistoricalDataCompletenessNote', 'MonthEndingDate', 'Start Date', 'End Date'];
    const rows = fixture.rows.map((r) => header.map((h) => {
      if (h === 'COUNTYFIPS') return r[c('FIPS')]!;
      if (h === 'COUNTY_NAME') return r[c('COUNTYNAME')]!;
      if (h === 'Start Time') return r[c('Start Date')]!;
      if (h === 'End Time') return r[c('End Date')]!;
      return r[c(h)]!;
    }));
    expect(rows[0]![header.indexOf('COUNTYFIPS')]).toBe('1001');
    const path = tempFile('county_other.csv', spreadsheetCsv({ header, rows }));
    const p = prepareFile(path);
    expect(p.ok && [p.plan.kind.id, p.confident, p.plan.mapping.columns.county_fips]).toEqual(['cdc_vsrr_county', true, 'COUNTYFIPS']);
    const r = await loadPath(t, path);
    expect(r.ok).toBe(true);
    expect(await table('county_other.csv')).toEqual(await table(basename(COUNTY)));
  });

  it('a copy without FIPS: the 3-digit COUNTYFIPS is joined to STATEFIPS', async () => {
    const path = tempFile('county_parts.csv', spreadsheetCsv(pick(fixture, fixture.header.filter((h) => h !== 'FIPS'))));
    const r = await loadPath(t, path);
    expect(r.ok).toBe(true);
    expect(await table('county_parts.csv')).toEqual(await table(basename(COUNTY)));
  });

  it('a county code that is not in its state is refused, named; nothing changes', async () => {
    const before = await t.conn.query(`SELECT * FROM overdose_county ORDER BY ALL`);
    const rows = fixture.rows.map((r, i) => (i === 4 ? r.map((v, j) => (j === fixture.header.indexOf('FIPS') ? '36063' : v)) : r));
    const r = await loadPath(t, tempFile('county.csv', spreadsheetCsv({ header: fixture.header, rows })), undefined, basename(COUNTY));
    expect(r.ok).toBe(false);
    expect(r.problems.map(problemText)).toEqual([`${basename(COUNTY)}, row 6, column "FIPS": The county FIPS code does not begin with `
      + 'the state FIPS code of the same row. Found "36063". Check that the FIPS columns are the right ones, or correct the code.']);
    expect(await t.conn.query(`SELECT * FROM overdose_county ORDER BY ALL`)).toEqual(before);
  });
});
