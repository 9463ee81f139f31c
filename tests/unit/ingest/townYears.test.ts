import { beforeAll, describe, expect, it } from 'vitest';
import { townPlaces, townYearsOf } from '../../../src/metrics/townDeaths.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { TOWNS, townTable, YEARS } from '../../helpers/townYears.ts';
import { loadPath, prepareFile, tempFile, testDb, type TestDb } from '../../helpers/node.ts';
import { titleRows } from '../../../src/ingest/sniff.ts';

/** A state health department's overdose deaths by town, one column per year (generated in the
 *  layout of Massachusetts DPH's table, tests/helpers/townYears.ts): unpivoted to town × year, the
 *  total row checked and left out, withheld counts kept as gaps, towns matched whatever their case. */
describe('state tables of deaths by town and year', () => {
  let t: TestDb;
  const withheld = townTable();
  const wrong = townTable({ seed: 7, withheld: false, wrongTotal: 2019 });
  let reportWrong: Awaited<ReturnType<typeof loadPath>>;
  beforeAll(async () => {
    t = await testDb();
    const r = await loadPath(t, tempFile('opioid_deaths_by_town_of_residence.csv', withheld.csv));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems).toEqual([]);
  });

  it('is recognised confidently, its year columns found by their headers', () => {
    const p = prepareFile(tempFile('town.csv', withheld.csv));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('town_years');
    expect(p.confident).toBe(true);
    expect(Object.values(p.plan.mapping.yearColumns ?? {})).toEqual(YEARS);
  });

  it('one row per town and year; the total row is not a town; "*" is withheld, never zero', async () => {
    const [n] = await t.conn.query<{ n: number; towns: number; total: number; withheld: number }>(`SELECT count(*)::INTEGER AS n,
      count(DISTINCT place)::INTEGER AS towns, sum(count)::INTEGER AS total, count(*) FILTER (WHERE status = 'suppressed')::INTEGER AS withheld
      FROM overdose_town_years`);
    const given = withheld.cells.filter((c) => c.cell !== '*');
    expect(n).toEqual({ n: TOWNS.length * YEARS.length, towns: TOWNS.length, total: given.reduce((a, c) => a + c.count, 0),
      withheld: withheld.cells.length - given.length });
    expect(withheld.cells.length - given.length).toBeGreaterThan(0);
  });

  it('a town\'s years, matched whatever the case, with its basis (residence) from the header', async () => {
    const towns = await runQuery(t.conn, townPlaces());
    expect(towns.map((x) => x.key)).toContain('residence:GLOUCESTER');
    const rows = await runQuery(t.conn, townYearsOf('residence:GLOUCESTER'));
    expect(rows).toEqual(withheld.cells.filter((c) => c.town === 'GLOUCESTER')
      .map((c) => ({ year: c.year, deaths: c.cell === '*' ? null : c.count, status: c.cell === '*' ? 'suppressed' : 'reported' })));
  });

  it('a total row that is not the sum of the towns is a warning naming the year; the towns still load', async () => {
    reportWrong = await loadPath(t, tempFile('second_table.csv', wrong.csv));
    expect(reportWrong.ok).toBe(true);
    expect(reportWrong.problems.map((p) => [p.severity, p.column, p.row])).toEqual([['warning', '2019', TOWNS.length + 2]]);
    expect(reportWrong.problems[0]!.message).toContain("The total row's 2019 count is not the sum of the places above it");
  });

  it('a second table in the same file is refused with what to do, never read as more towns', async () => {
    const first = ['City/Town of Residence,2019,2020', 'BOSTON,200,250', 'GLOUCESTER,9,12', 'Total,209,262'];
    const second = ['City/Town of Death,2019,2020', 'BOSTON,230,270', 'GLOUCESTER,7,10', 'Total,237,280'];
    // Straight after the first table: its header row repeats the years.
    const stacked = await loadPath(t, tempFile('stacked.csv', [...first, ...second].join('\n') + '\n'));
    expect(stacked.ok).toBe(false);
    expect(stacked.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.message.slice(0, 35)]))
      .toEqual([[5, "This row repeats the header's years"]]);
    // After a blank line and a title: the title is a row of one value.
    const titled = await loadPath(t, tempFile('titled.csv', [...first, '', 'Deaths by City/Town of Death', ...second].join('\n') + '\n'));
    expect(titled.ok).toBe(false);
    expect(titled.problems[0]!.row).toBe(6);
    expect(titled.problems[0]!.fix).toContain('save each table as a file of its own');
    // Nothing of either was loaded.
    expect((await t.conn.query(`SELECT count(*)::INTEGER AS n FROM overdose_town_years WHERE source_file IN ('stacked.csv', 'titled.csv')`))[0]!.n).toBe(0);
  });

  it('two tables giving the same town and year are never added; differing figures are named', async () => {
    const rows = await runQuery(t.conn, townYearsOf('residence:BOSTON'));
    for (const r of rows) {
      const a = withheld.cells.find((c) => c.town === 'BOSTON' && c.year === r.year)!;
      const b = wrong.cells.find((c) => c.town === 'BOSTON' && c.year === r.year)!;
      if (a.cell !== '*' && a.count === b.count) expect(r).toEqual({ year: r.year, deaths: a.count, status: 'reported' });
      else if (a.cell !== '*') expect(r).toEqual({ year: r.year, deaths: null, status: 'tables differ' });
    }
  });
});

describe('a table with title lines above its header', () => {
  const table = townTable();
  const csv = 'Opioid-Related Overdose Deaths by City/Town of Residence,,,,,,\r\nMassachusetts residents 2017-2022,,,,,,\r\n\r\n' + table.csv;

  it('skips them, says so, and numbers rows as the spreadsheet does', async () => {
    const p = prepareFile(tempFile('titled.csv', csv));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('town_years');
    expect(p.plan.sniffed.headerLine).toBe(4);
    expect(p.plan.sniffed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^The file starts with 2 title lines above its header \("Opioid-Related Overdose Deaths by City\/Town of Residence \/ Massachusetts residents 2017-2022"\): they were skipped, and the header read from line 4\.$/)]);
    const t = await testDb();
    const r = await loadPath(t, tempFile('titled.csv', csv));
    expect(r.ok).toBe(true);
    expect(r.rowsLoaded).toBe(TOWNS.length * YEARS.length);
    // A bad value in the second town's row: the header is line 4, so that row is line 6.
    const bad = await loadPath(await testDb(), tempFile('bad.csv', csv.replace('\r\nACTON,', '\r\nACTON,x')));
    expect(bad.problems.find((x) => x.severity === 'error')).toMatchObject({ row: 6, column: String(YEARS[0]) });
  });

  it('a lone short name over blank cells is a header, not a title', () => {
    expect(titleRows([['ID', '', ''], ['1', '2', '3'], ['4', '5', '6']])).toBe(0);
    expect(titleRows([['Deaths by town', '', ''], ['Town', '2019', '2020'], ['A', '1', '2']])).toBe(1);
    expect(titleRows([['Town', '2019', '2020'], ['A', '1', '2']])).toBe(0);
  });
});
