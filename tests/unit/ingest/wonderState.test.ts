import { beforeAll, describe, expect, it } from 'vitest';
import { notReadyProblem } from '../../../src/ingest/prepare.ts';
import { problemText } from '../../../src/ingest/problems.ts';
import { wonderCounties, wonderSeries } from '../../../src/metrics/overdoses.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, prepareFile, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** CDC WONDER exports grouped by State load as states, not as counties; exports grouped by County
 *  (the real NC file) and by State and County load as counties. The state files are constructed in
 *  WONDER's layout: tab-separated, strings quoted, numbers not, "Notes" first, "Total" rows when
 *  totals are shown, and a notes block after "---". The figures in them are made up. */

const WONDER = PUBLIC + 'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv';

const q = (v: string) => `"${v}"`;
const line = (cells: string[]) => `${cells.join('\t')}\r\n`;
const notes = (groupBy: string) => ['---', 'Dataset: Multiple Cause of Death, 1999-2020', 'Query Parameters:',
  'States: Massachusetts (25); North Carolina (37)', `Group By: ${groupBy}`, 'Show Totals: True', 'Show Suppressed: False',
  'Calculate Rates Per: 100,000', '---', 'Help: See http://wonder.cdc.gov/wonder/help/mcd.html for more information.', '---',
  'Query Date: Mar 3, 2021 10:17:41 AM', '---'].map((n) => line([q(n)])).join('');

/** By State and Year: 2 states x 3 years, a Total row per state and a grand total. */
const BY_STATE = line(['Notes', 'State', 'State Code', 'Year', 'Year Code', 'Deaths', 'Population', 'Crude Rate'].map(q))
  + [['Massachusetts', '25', [['2015', '1747', '6794422', '25.7'], ['2016', '2227', '6811779', '32.7'], ['2017', '2168', '6859819', '31.6']], ['6142', '20466020', '30.0']],
    ['North Carolina', '37', [['2015', '1358', '10042802', '13.5'], ['2016', '1956', '10146788', '19.3'], ['2017', '2414', '10273419', '23.5']], ['5728', '30463009', '18.8']]]
    .map(([state, code, years, total]) => (years as string[][]).map(([y, d, p, r]) => line(['', q(state as string), q(code as string), q(y!), q(y!), d!, p!, r!])).join('')
      + line([q('Total'), q(state as string), q(code as string), '', '', ...(total as string[])]))
    .join('')
  + line([q('Total'), '', '', '', '', '11870', '50929029', '23.3'])
  + notes('State; Year');

/** By State, County and Year: one county of each state, one year, one count suppressed. */
const BY_STATE_COUNTY = line(['Notes', 'State', 'State Code', 'County', 'County Code', 'Year', 'Year Code', 'Deaths', 'Population', 'Crude Rate'].map(q))
  + line(['', q('Massachusetts'), q('25'), q('Barnstable County, MA'), q('25001'), q('2017'), q('2017'), '61', '213444', '28.6'])
  + line(['', q('North Carolina'), q('37'), q('Alleghany County, NC'), q('37005'), q('2017'), q('2017'), 'Suppressed', '11161', 'Suppressed'])
  + notes('State; County; Year');

describe('CDC WONDER grouped by State', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });

  it('is recognised as a WONDER export with State mapped as a state, not a county', () => {
    const p = prepareFile(tempFile('wonder_states.txt', BY_STATE));
    if (!p.ok) throw new Error(p.problem.message);
    expect(p.plan.kind.id).toBe('cdc_wonder');
    expect(notReadyProblem(p)).toBeNull();
    expect(p.plan.mapping.columns).toMatchObject({ county: null, county_fips: null, state: 'State', state_fips: 'State Code', year: 'Year', deaths: 'Deaths' });
  });

  it('loads 6 state rows (the Total rows and the notes left out), level "state", no county', async () => {
    const r = await loadPath(t, tempFile('wonder_states.txt', BY_STATE), undefined, 'wonder_states.txt');
    if (!r.ok) throw new Error(r.problems.map(problemText).join('\n'));
    expect(r.problems).toEqual([]);
    expect(r.rowsLoaded).toBe(6);
    const rows = await t.conn.query(`SELECT level, state, state_fips, county, county_fips, count(*) AS years, sum(deaths) AS deaths
      FROM overdose_wonder WHERE source_file = 'wonder_states.txt' GROUP BY ALL ORDER BY state`);
    expect(rows).toEqual([
      { level: 'state', state: 'Massachusetts', state_fips: '25', county: null, county_fips: null, years: 3, deaths: 1747 + 2227 + 2168 },
      { level: 'state', state: 'North Carolina', state_fips: '37', county: null, county_fips: null, years: 3, deaths: 1358 + 1956 + 2414 },
    ]);
  });

  it('an export by State and County loads as counties, with the state kept beside', async () => {
    const r = await loadPath(t, tempFile('wonder_state_county.txt', BY_STATE_COUNTY), undefined, 'wonder_state_county.txt');
    if (!r.ok) throw new Error(r.problems.map(problemText).join('\n'));
    expect(r.rowsLoaded).toBe(2);
    expect(await t.conn.query(`SELECT level, state, state_fips, county, county_fips, deaths, deaths_status
      FROM overdose_wonder WHERE source_file = 'wonder_state_county.txt' ORDER BY county_fips`)).toEqual([
      { level: 'county', state: 'Massachusetts', state_fips: '25', county: 'Barnstable County, MA', county_fips: '25001', deaths: 61, deaths_status: 'reported' },
      { level: 'county', state: 'North Carolina', state_fips: '37', county: 'Alleghany County, NC', county_fips: '37005', deaths: null, deaths_status: 'suppressed' },
    ]);
  });

  it('the real county export still loads as 1,200 county rows, state code from the county code', async () => {
    const r = await loadPath(t, WONDER, undefined, 'wonder_nc_counties.tsv');
    expect(r.rowsLoaded).toBe(1200);
    expect(await t.conn.query(`SELECT level, state, state_fips, count(*) AS n, count(DISTINCT county_fips) AS counties
      FROM overdose_wonder WHERE source_file = 'wonder_nc_counties.tsv' GROUP BY ALL`))
      .toEqual([{ level: 'county', state: null, state_fips: '37', n: 1200, counties: 100 }]);
  });

  it('the overdoses page lists the states first, then the counties; a state\'s series is its own years', async () => {
    const places = await runQuery(t.conn, wonderCounties());
    expect(places.slice(0, 2)).toEqual([
      { fips: '25', county: 'Massachusetts', level: 'state', years: 3 },
      { fips: '37', county: 'North Carolina', level: 'state', years: 3 },
    ]);
    expect(places.length).toBe(2 + 100 + 1); // Barnstable is the one county outside the NC file
    expect(places.slice(2).every((p) => p.level === 'county' && p.fips.length === 5)).toBe(true);
    const nc = await runQuery(t.conn, wonderSeries('37'));
    expect(nc.map((r) => [r.county, r.year, r.deaths, r.rate])).toEqual([
      ['North Carolina', 2015, 1358, 13.5], ['North Carolina', 2016, 1956, 19.3], ['North Carolina', 2017, 2414, 23.5]]);
    const alamance = await runQuery(t.conn, wonderSeries('37001'));
    expect(alamance.length).toBe(12);
    expect(alamance.find((r) => r.year === 2010)).toMatchObject({ county: 'Alamance County, NC', deaths: null, status: 'suppressed' });
  });

  it('a WONDER file with neither a County nor a State column is not ready: "County or State" is missing', () => {
    const p = prepareFile(tempFile('w.txt', line(['Notes', 'Year', 'Year Code', 'Deaths', 'Population', 'Crude Rate'].map(q))
      + line(['', q('2017'), q('2017'), '5', '100000', '5.0']) + notes('Year')), { kind: 'cdc_wonder' });
    if (!p.ok) throw new Error(p.problem.message);
    expect(notReadyProblem(p)).toMatchObject({ code: 'missing-columns' });
    expect(notReadyProblem(p)!.message).toContain('no column was found for: County or State.');
  });
});
