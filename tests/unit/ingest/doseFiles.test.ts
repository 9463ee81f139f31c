import { beforeAll, describe, expect, it } from 'vitest';
import { DOSE_MEASURES } from '../../../src/ingest/kinds/doseFiles.ts';
import { dxMonths, dxYears, edRateMonths, nonfatalFigures, nonfatalPlaces } from '../../../src/metrics/nonfatal.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { dxCounty, dxJurisdiction } from '../../helpers/doseDx.ts';
import { loadPath, prepareFile, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** CDC DOSE nonfatal overdose downloads: the real DOSE-SyS jurisdiction table in ../shared (figures
 *  worked out with Python's csv module over the same file), and DOSE-DX tables generated true to
 *  their published layout (tests/helpers/doseDx.ts). */
const SYS = PUBLIC + 'cdc_dose_sys_ed_overdose_rates_jurisdiction_monthly.csv';

describe('CDC DOSE-SyS (the real download)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    const r = await loadPath(t, SYS);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  });
  const one = async (sql: string) => (await t.conn.query(sql))[0]!;

  it('is recognised confidently, every column mapped', () => {
    const p = prepareFile(SYS);
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('cdc_dose_sys');
    expect(p.confident).toBe(true);
    expect(Object.values(p.plan.mapping.columns).filter((c) => c === null)).toEqual([]);
  });

  it('one figure per row and drug; * § ¶ are withheld figures with their reason, never zeros', async () => {
    // 7,956 rows x 8 drug columns; Python: 17,310 "*", 10,338 "§", 1,248 "¶".
    expect(await t.conn.query('SELECT status, count(*)::INTEGER AS n FROM overdose_ed GROUP BY 1 ORDER BY 1')).toEqual([
      { status: 'not participating', n: 1248 }, { status: 'not shared', n: 10338 }, { status: 'reported', n: 34752 }, { status: 'suppressed', n: 17310 }]);
    expect((await one(`SELECT count(*)::INTEGER AS n FROM overdose_ed WHERE value IS NULL AND status = 'reported'`)).n).toBe(0);
    expect((await one(`SELECT count(*)::INTEGER AS n FROM overdose_ed WHERE value = 0 AND status <> 'reported'`)).n).toBe(0);
  });

  it('Massachusetts: months and 12 months ending apart, figures as in the file', async () => {
    const rows = await runQuery(t.conn, nonfatalFigures('state', 'MA', 'all drugs'));
    const months = edRateMonths(rows);
    // 78 months, January 2019 to June 2025; 72 monthly rates given (sum 6,653.6), 6 withheld (March-August 2020).
    expect(months).toHaveLength(78);
    expect(months[0]!.month.toISOString().slice(0, 7)).toBe('2019-01');
    expect(months.at(-1)!.month.toISOString().slice(0, 7)).toBe('2025-06');
    const given = months.filter((m) => m.rate !== null);
    expect(given).toHaveLength(72);
    expect(given.reduce((a, m) => a + m.rate!, 0)).toBeCloseTo(6653.6, 6);
    expect(months.filter((m) => m.rate === null).map((m) => m.month.toISOString().slice(0, 7)))
      .toEqual(['2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08']);
    expect(months[0]!.rate).toBe(88.3);
    // "Annual" = the 12 months ending in the month: December 2024, 77.1.
    expect(months.find((m) => m.month.toISOString().startsWith('2024-12'))!.rate12).toBe(77.1);
    expect(rows.every((r) => r.measure === DOSE_MEASURES.sysRate && r.setting === 'ED')).toBe(true);
    // Fentanyl: 57 monthly rates, 21 suppressed.
    const fentanyl = edRateMonths(await runQuery(t.conn, nonfatalFigures('state', 'MA', 'fentanyl')));
    expect(fentanyl.filter((m) => m.rate !== null)).toHaveLength(57);
    expect(fentanyl.filter((m) => m.rateStatus === 'suppressed')).toHaveLength(21);
  });

  it('lists the 51 jurisdictions as states', async () => {
    const places = await runQuery(t.conn, nonfatalPlaces());
    expect(places).toHaveLength(51);
    expect(places.every((p) => p.level === 'state' && p.sources === 'DOSE-SyS')).toBe(true);
  });
});

describe('CDC DOSE-DX (generated to the published layout)', () => {
  let t: TestDb;
  const jur = dxJurisdiction();
  const county = dxCounty();
  let countyPath = '';
  beforeAll(async () => {
    t = await testDb();
    const j = tempFile('Jurisdiction Counts & Rates-Table 1.csv', jur.csv);
    countyPath = tempFile('County Counts & Rates-Table 1.csv', county.csv);
    for (const f of [j, countyPath]) {
      const r = await loadPath(t, f);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
    }
  });
  const one = async (sql: string) => (await t.conn.query(sql))[0]!;

  it('both tables are recognised confidently', () => {
    for (const csv of [jur.csv, county.csv]) {
      const p = prepareFile(tempFile('dx.csv', csv));
      if (!p.ok) throw new Error(p.problem.message);
      expect(p.plan.kind.id).toBe('cdc_dose_dx');
      expect(p.confident).toBe(true);
    }
  });

  it('ED and HOSP kept apart; suppressed and NA are withheld, with their reason', async () => {
    const expected = (pred: (c: string) => boolean) => jur.figures.reduce((a, f) => a + Number(pred(f.cell)) + Number(pred(f.rateCell)), 0);
    const counts = await t.conn.query<{ status: string; n: number }>(
      `SELECT status, count(*)::INTEGER AS n FROM overdose_ed WHERE level = 'state' GROUP BY 1 ORDER BY 1`);
    expect(counts).toEqual([
      { status: 'not available', n: expected((c) => c === 'NA') },
      { status: 'reported', n: expected((c) => c !== 'NA' && c !== 'suppressed') },
      { status: 'suppressed', n: expected((c) => c === 'suppressed') },
    ]);
    // North Carolina submits hospitalisations only.
    expect(await t.conn.query(`SELECT DISTINCT setting FROM overdose_ed WHERE state = 'NC'`)).toEqual([{ setting: 'HOSP' }]);
  });

  it('a state\'s years: counts and rates per 100,000 as the generator wrote them', async () => {
    const years = dxYears(await runQuery(t.conn, nonfatalFigures('state', 'MA', 'all drugs')));
    const want = (dataset: string, year: number) => jur.figures.find((f) => f.state === 'MA' && f.dataset === dataset && f.year === year && f.month === 0 && f.stem === 'alldrug')!;
    expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    for (const y of years) {
      expect(y.edCount).toBe(want('ED', y.year).count);
      expect(y.hospCount).toBe(want('HOSP', y.year).count);
      expect(y.edRate).toBe(want('ED', y.year).rate);
    }
    // Fentanyl had no code before October 2020: the 2019 and 2020 years are not available.
    const fentanyl = dxYears(await runQuery(t.conn, nonfatalFigures('state', 'MA', 'fentanyl')));
    expect(fentanyl.filter((y) => y.edCount === null).map((y) => [y.year, y.note])).toEqual([
      [2019, 'ED count not available; ED rate not available; HOSP count not available; HOSP rate not available'],
      [2020, 'ED count not available; ED rate not available; HOSP count not available; HOSP rate not available']]);
    // Months are loaded as months, never added into the year's figure twice.
    expect((await one(`SELECT count(*)::INTEGER AS n FROM overdose_ed WHERE state = 'MA' AND period = 'month' AND drug = 'all drugs' AND measure = 'count'`)).n)
      .toBe(2 * 5 * 12);
  });

  it('a state\'s months, as their own figures: never added into years, withheld months as gaps with the reason', async () => {
    const months = dxMonths(await runQuery(t.conn, nonfatalFigures('state', 'MA', 'fentanyl')));
    expect(months).toHaveLength(5 * 12);
    const want = (dataset: string, year: number, month: number) => jur.figures.find((f) => f.state === 'MA' && f.dataset === dataset && f.year === year && f.month === month && f.stem === 'fentanyl')!;
    for (const m of months) {
      const [y, mo] = [m.month.getUTCFullYear(), m.month.getUTCMonth() + 1];
      // As written: a withheld cell ("suppressed", "NA") is no figure.
      const written = (f: { count: number | null; cell: string }) => (/^\d/.test(f.cell) ? f.count : null);
      expect([m.edCount, m.hospCount], `${y}-${mo}`).toEqual([written(want('ED', y, mo)), written(want('HOSP', y, mo))]);
    }
    // No fentanyl code before October 2020: September is not available, October is a figure.
    expect(months.find((m) => m.month.toISOString().startsWith('2020-09'))!.note).toMatch(/ED count not available/);
    const given = jur.figures.filter((f) => f.state === 'MA' && f.dataset === 'ED' && f.month > 0 && f.stem === 'fentanyl' && /^\d/.test(f.cell)).length;
    expect(months.filter((m) => m.edCount != null).length).toBe(given);
    expect(given).toBeGreaterThan(20);
  });

  it('counties: FIPS keep their leading zero, the 5-year rows are left out', async () => {
    const rows = await t.conn.query<{ county_fips: string; n: number; total: number }>(`SELECT county_fips, count(*)::INTEGER AS n,
      coalesce(sum(value) FILTER (WHERE measure = 'count'), 0)::INTEGER AS total FROM overdose_ed WHERE level = 'county' GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.county_fips)).toEqual(['04001', '04011', '04013']);
    for (const r of rows) {
      // Six years, a count and a rate each; the 5-year row is not among them.
      expect(r.n).toBe(12);
      const given = county.years.filter((y) => y.fips === r.county_fips && y.cell !== 'suppressed');
      expect(r.total).toBe(given.reduce((a, y) => a + y.count, 0));
    }
    expect(await t.conn.query(`SELECT DISTINCT period FROM overdose_ed WHERE level = 'county'`)).toEqual([{ period: 'year' }]);
  });

  it('lists states and counties, states first', async () => {
    const places = await runQuery(t.conn, nonfatalPlaces());
    expect(places.map((p) => `${p.level}:${p.level === 'county' ? p.county_fips : p.state}`))
      .toEqual(['state:MA', 'state:NC', 'county:04001', 'county:04011', 'county:04013']);
    expect(places[2]!.county).toBe('Apache County');
  });
});
