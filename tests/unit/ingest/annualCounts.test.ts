import { beforeAll, describe, expect, it } from 'vitest';
import { annualFigures, annualOffenses, annualPlaces } from '../../../src/metrics/crimeAnnual.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { ANNUAL_TOWNS, ANNUAL_YEARS, annualTable, annualWideTable, CRIME_TYPES, TOTAL_TYPES } from '../../helpers/annualCounts.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Yearly crime figures by town, counts and rates in rows of their own (generated in the layout of
 *  the Connecticut Data Collaborative's UCR offenses table, tests/helpers/annualCounts.ts). */
describe('crime counts and rates by year', () => {
  let t: TestDb;
  const table = annualTable();
  beforeAll(async () => {
    t = await testDb();
    const r = await loadPath(t, tempFile('ucr_offenses_by_town.csv', table.csv));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('is recognised confidently, the measure type mapped', () => {
    const p = prepareFile(tempFile('ucr.csv', table.csv));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('crime_annual');
    expect(p.confident).toBe(true);
    expect(p.plan.mapping.columns).toMatchObject({ place: 'Town', year: 'Year', offense: 'Crime Type', measure: 'Measure Type', value: 'Value' });
  });

  it('keeps counts and rates apart, "6,304.20" read as a number, the rate base from the measure type', async () => {
    const rows = await t.conn.query<{ measure: string; per: number | null; n: number; max: number }>(`SELECT measure, max(per) AS per, count(*)::INTEGER AS n, max(value) AS max
      FROM crime_annual GROUP BY measure ORDER BY measure`);
    const per = ANNUAL_TOWNS.length * ANNUAL_YEARS.length * (CRIME_TYPES.length + TOTAL_TYPES.length);
    expect(rows.map((r) => [r.measure, r.per, r.n])).toEqual([['count', null, per], ['rate', 100000, per]]);
    // Some rate is over a thousand, so written with a separator.
    expect(table.csv).toMatch(/"\d,\d{3}\.\d\d"/);
    expect(rows[1]!.max).toBeGreaterThan(1000);
  });

  it('lists places and offenses; only the addiction-associated offenses are summed, never the totals', async () => {
    expect((await runQuery(t.conn, annualPlaces())).map((p) => [p.place, p.first, p.last, p.measures])).toEqual(
      ANNUAL_TOWNS.map((x) => [x.town, ANNUAL_YEARS[0], ANNUAL_YEARS.at(-1), 'count,rate']).sort());
    const off = await runQuery(t.conn, annualOffenses('BRIDGEPORT'));
    expect(off.filter((o) => o.associated).map((o) => [o.offense, o.code])).toEqual([['Burglary', '220'], ['Larceny', '23'], ['Motor Vehicle Theft', '240']]);
    expect(off.filter((o) => TOTAL_TYPES.includes(o.offense)).every((o) => o.code == null)).toBe(true);
  });

  it('a town\'s addiction-associated offenses per year, as counts and as rates, from the rows given', async () => {
    for (const town of ANNUAL_TOWNS.map((x) => x.town)) {
      const counts = await runQuery(t.conn, annualFigures(town, 'count', null));
      const rates = await runQuery(t.conn, annualFigures(town, 'rate', null));
      const mine = (y: number) => table.cells.filter((c) => c.town === town && c.year === y && c.associated);
      expect(counts.map((r) => [r.year, r.value, r.status])).toEqual(ANNUAL_YEARS.map((y) => [y, mine(y).reduce((a, c) => a + c.count, 0), 'reported']));
      rates.forEach((r, i) => expect(r.value).toBeCloseTo(mine(ANNUAL_YEARS[i]!).reduce((a, c) => a + c.rate, 0), 6));
    }
    const burglary = await runQuery(t.conn, annualFigures('Willington', 'count', 'burglary'));
    expect(burglary.map((r) => r.value)).toEqual(ANNUAL_YEARS.map((y) => table.cells.find((c) => c.town === 'Willington' && c.year === y && c.crime === 'Burglary')!.count));
  });

  it('a measure type that is neither a count nor a rate refuses the file, naming the value', async () => {
    const bad = table.csv.replace('"Rate (per 100,000)"', 'Percent change');
    const t2 = await testDb();
    const r = await loadPath(t2, tempFile('bad.csv', bad));
    expect(r.ok).toBe(false);
    const e = r.problems.find((p) => p.severity === 'error')!;
    expect(e).toMatchObject({ column: 'Measure Type', row: 3 });
    expect(e.message).toMatch(/neither a count .* nor a rate/);
  });
});

describe('crime counts and rates by year, one column per offense', () => {
  const wide = annualWideTable();
  it('each row becomes one row per offense column; the total columns are not offenses; counts and rates apart', async () => {
    const p = prepareFile(tempFile('agency_offenses_by_year.csv', wide.csv));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('crime_annual_wide');
    expect(p.confident).toBe(true);
    const t = await testDb();
    const r = await loadPath(t, tempFile('agency_offenses_by_year.csv', wide.csv));
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(ANNUAL_TOWNS.length * ANNUAL_YEARS.length * 2 * CRIME_TYPES.length);
    const town = 'Torrington Police Department';
    const counts = await runQuery(t.conn, annualFigures(town, 'count', null));
    const rates = await runQuery(t.conn, annualFigures(town, 'rate', null));
    const mine = (y: number) => wide.cells.filter((c) => c.town === 'Torrington' && c.year === y && c.associated);
    expect(counts.map((c) => c.value)).toEqual(ANNUAL_YEARS.map((y) => mine(y).reduce((a, c) => a + c.count, 0)));
    rates.forEach((x, i) => expect(x.value).toBeCloseTo(mine(ANNUAL_YEARS[i]!).reduce((a, c) => a + c.rate, 0), 6));
    expect((await runQuery(t.conn, annualPlaces())).map((x) => x.per)).toEqual([100000, 100000, 100000]);
  });
});
