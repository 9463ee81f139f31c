import { beforeAll, describe, expect, it } from 'vitest';
import { loadPath, prepareFile, PUBLIC, testDb, type TestDb } from '../../helpers/node.ts';

/** The real public exports in ../shared/data/public, with figures worked out independently of this
 *  code (Python's csv module over the same files; see each expectation). */
const VSRR = PUBLIC + 'cdc_vsrr_provisional_overdose_deaths_2018-09.csv';
const WONDER = PUBLIC + 'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv';
const DURHAM = PUBLIC + 'durham_nc_police_incidents_2013.csv';
const ODIN = PUBLIC + 'pa_odin_overdose_incidents_naloxone_2018-2019.csv';
const RTCI = PUBLIC + 'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv';

describe('recognition of the real files', () => {
  it.each([
    [VSRR, 'cdc_vsrr'],
    [WONDER, 'cdc_wonder'],
    [DURHAM, 'crime_incidents'],
    [ODIN, 'overdose_incidents'],
    [RTCI, 'crime_monthly_wide'],
  ])('%s is %s, confidently', (path, kind) => {
    const p = prepareFile(path);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.plan.kind.id).toBe(kind);
    expect(p.confident).toBe(true);
  });

  it('maps the RTCI agency onto the unique agency_full, not the repeated agency_name', () => {
    const p = prepareFile(RTCI);
    if (!p.ok) throw new Error('not ok');
    expect(p.plan.mapping.columns.agency).toBe('agency_full');
    expect(Object.keys(p.plan.mapping.offenseColumns ?? {}).sort()).toEqual(
      ['aggravated_assault', 'burglary', 'motor_vehicle_theft', 'murder', 'rape', 'robbery', 'theft']);
  });
});

describe('loading the real files', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    for (const f of [VSRR, WONDER, DURHAM, ODIN, RTCI]) {
      const r = await loadPath(t, f);
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.problems)}`);
    }
  });
  const one = async (sql: string) => (await t.conn.query(sql))[0]!;

  it('CDC VSRR: BOM, "2,138" and "99.5+" read as numbers', async () => {
    expect((await one('SELECT count(*) AS n FROM overdose_vsrr')).n).toBe(13320);
    // MA, December 2017, Number of Drug Overdose Deaths: "2,138" in the file.
    const r = await one(`SELECT value, status FROM overdose_vsrr WHERE state = 'MA' AND month = DATE '2017-12-01'
      AND indicator = 'Number of Drug Overdose Deaths'`);
    expect(r).toEqual({ value: 2138, status: 'reported' });
    // AK, January 2015, Number of Deaths: "4,034".
    expect((await one(`SELECT value FROM overdose_vsrr WHERE state = 'AK' AND month = DATE '2015-01-01'
      AND indicator = 'Number of Deaths'`)).value).toBe(4034);
    expect((await one(`SELECT count(*) AS n FROM overdose_vsrr WHERE percent_complete = 99.5`)).n).toBe(28);
  });

  it('CDC WONDER: Suppressed is a status, never a zero; FIPS keep 5 digits', async () => {
    expect((await one('SELECT count(*) AS n FROM overdose_wonder')).n).toBe(1200);
    expect((await one(`SELECT count(*) AS n FROM overdose_wonder WHERE deaths_status = 'suppressed'`)).n).toBe(744);
    expect((await one(`SELECT count(*) AS n FROM overdose_wonder WHERE deaths = 0`)).n).toBe(0);
    expect(await one(`SELECT deaths, deaths_status FROM overdose_wonder WHERE county_fips = '37001' AND year = 2010`))
      .toEqual({ deaths: null, deaths_status: 'suppressed' });
    expect(await one(`SELECT deaths, crude_rate, crude_rate_status FROM overdose_wonder WHERE county_fips = '37001' AND year = 2006`))
      .toEqual({ deaths: 10, crude_rate: null, crude_rate_status: 'unreliable' });
    expect((await one(`SELECT deaths FROM overdose_wonder WHERE county = 'Wake County, NC' AND year = 2017`)).deaths).toBe(129);
    // Sum of the reported (unsuppressed) 2017 deaths over all counties.
    expect((await one(`SELECT sum(deaths) AS s FROM overdose_wonder WHERE year = 2017`)).s).toBe(1945);
  });

  it('Durham: "Jan  1 2013" dates; shoplifting in March 2013 is 142', async () => {
    expect((await one('SELECT count(*) AS n FROM crime_incidents')).n).toBe(12217);
    expect((await one(`SELECT count(*) AS n FROM crime_incidents WHERE offense = 'Shoplifting'
      AND date >= DATE '2013-03-01' AND date < DATE '2013-04-01'`)).n).toBe(142);
    // No code column: codes come from the offense table when queried (tests/unit/metrics/crime.test.ts).
    expect((await one(`SELECT count(*) AS n FROM crime_incidents WHERE nibrs_code IS NOT NULL`)).n).toBe(0);
    expect((await one(`SELECT min(date) AS d FROM crime_incidents`)).d).toEqual(new Date('2013-01-01T00:00:00Z'));
  });

  it('ODIN: naloxone Y/N; January 2018 has 184 administrations among 251 victims', async () => {
    expect((await one('SELECT count(*) AS n FROM overdose_incidents')).n).toBe(10953);
    expect(await one(`SELECT count(*) AS n, count(*) FILTER (WHERE naloxone) AS nal FROM overdose_incidents
      WHERE date >= DATE '2018-01-01' AND date < DATE '2018-02-01'`)).toEqual({ n: 251, nal: 184 });
    expect((await one(`SELECT count(*) FILTER (WHERE naloxone) AS nal FROM overdose_incidents`)).nal).toBe(7236);
    expect((await one(`SELECT count(*) AS n FROM overdose_incidents WHERE county_fips = '045'`)).n).toBeGreaterThan(0);
  });

  it('RTCI: unpivoted by offense, keyed by the unique agency; NA is "not reported", never zero', async () => {
    // 28,531 rows x 7 offense columns.
    expect((await one('SELECT count(*) AS n FROM crime_monthly')).n).toBe(28531 * 7);
    expect((await one(`SELECT count(*) AS n FROM crime_monthly WHERE offense = 'theft' AND count IS NULL`)).n).toBe(547);
    expect((await one(`SELECT count AS c FROM crime_monthly WHERE agency = 'Boston, Massachusetts'
      AND month = DATE '2019-03-01' AND offense = 'theft'`)).c).toBe(758);
    expect((await one(`SELECT count AS c FROM crime_monthly WHERE agency = 'Durham, North Carolina'
      AND month = DATE '2019-03-01' AND offense = 'burglary'`)).c).toBe(132);
    // "Medford" is two agencies (MA and OR); their keys differ.
    expect((await one(`SELECT count(DISTINCT agency) AS n FROM crime_monthly WHERE agency_name = 'Medford'`)).n).toBe(2);
    expect((await one(`SELECT count(DISTINCT agency) AS n FROM crime_monthly`)).n).toBe(363);
    expect((await one(`SELECT count(DISTINCT offense) AS n FROM crime_monthly`)).n).toBe(7);
  });

  it('records each load with its mapping', async () => {
    const loads = await t.conn.query<{ source_file: string; rows: number }>('SELECT source_file, rows FROM _loads ORDER BY 1');
    expect(loads.map((l) => l.rows)).toEqual([13320, 1200, 12217, 10953, 28531 * 7]);
  });
});
