import { beforeAll, describe, expect, it } from 'vitest';
import { twelveMonthEnding } from '../../../src/analysis/rolling.ts';
import { countyList, countySeries, localOverdosesByMonth, vsrrIndicators, vsrrSeries, wonderSeries } from '../../../src/metrics/overdoses.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, PUBLIC, SAMPLE, testDb, type TestDb } from '../../helpers/node.ts';

/** Figures from Python's csv module over the same files: ODIN Allegheny 821 victims in 2018 and
 *  614 in 2019, 13 given naloxone in January 2018, records stop on 2020-01-15; VSRR NC synthetic
 *  opioids 12 months ending Dec 2017: 1,270; WONDER Alamance 2010 "Suppressed"; the sample's Bay
 *  County (25991) 55 deaths in the 12 months to June 2025 and Tidewell (25993) 32 blank months. */
const ym = (d: Date) => d.toISOString().slice(0, 7);

describe('overdose series', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    for (const f of ['pa_odin_overdose_incidents_naloxone_2018-2019.csv', 'cdc_vsrr_provisional_overdose_deaths_2018-09.csv',
      'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv']) await loadPath(t, PUBLIC + f);
    for (const f of ['overdoses_monthly.csv', 'overdose_deaths_county.csv']) await loadPath(t, SAMPLE + f, undefined, `sample/${f}`);
  }, 60_000);

  it('ODIN by county: victims per month, naloxone, and the incomplete last month as a gap', async () => {
    const rows = (await runQuery(t.conn, localOverdosesByMonth())).filter((r) => r.series === 'Allegheny County (incident records)');
    expect(rows.map((r) => ym(r.month))).toEqual([...Array.from({ length: 24 }, (_, i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`), '2020-01']);
    expect(rows.find((r) => ym(r.month) === '2018-01')).toMatchObject({ total: 16, naloxone: 13 });
    expect(rows.at(-1)).toMatchObject({ total: null, fatal: null, naloxone: null });
    const ending = twelveMonthEnding(rows.map((r) => ({ month: ym(r.month), value: r.total })));
    expect(ending.find((e) => e.month === '2018-12')!.value).toBe(821);
    expect(ending.find((e) => e.month === '2019-12')!.value).toBe(614);
    expect(ending.at(-1)!.value).toBeNull();
  });

  it('the sample town: a monthly file without incidents has no naloxone column of its own', async () => {
    const rows = (await runQuery(t.conn, localOverdosesByMonth())).filter((r) => r.series === 'Harbor Point');
    expect(rows).toHaveLength(78);
    expect(rows.every((r) => r.naloxone === null && r.total !== null)).toBe(true);
  });

  it('VSRR: one state and indicator as published 12-month-ending counts', async () => {
    const ind = await runQuery(t.conn, vsrrIndicators());
    expect(ind.filter((i) => i.state === 'NC').length).toBe(12);
    const nc = await runQuery(t.conn, vsrrSeries('NC', 'Synthetic opioids, excl. methadone (T40.4)'));
    expect(nc.find((r) => ym(r.month) === '2017-12')).toMatchObject({ value: 1270, status: null });
  });

  it('county provisional counts: suppressed months are gaps with their status', async () => {
    expect((await runQuery(t.conn, countyList())).map((c) => c.fips)).toEqual(['25991', '25993']);
    const bay = await runQuery(t.conn, countySeries('25991'));
    expect(bay.at(-1)).toMatchObject({ value: 55, status: null });
    const tide = await runQuery(t.conn, countySeries('25993'));
    expect(tide.filter((r) => r.value === null).length).toBe(32);
    expect(new Set(tide.filter((r) => r.value === null).map((r) => r.status))).toEqual(new Set(['suppressed']));
  });

  it('WONDER: suppressed and unreliable are statuses, never numbers', async () => {
    const a = await runQuery(t.conn, wonderSeries('37001'));
    expect(a.find((r) => r.year === 2010)).toMatchObject({ deaths: null, status: 'suppressed' });
    expect(a.find((r) => r.year === 2006)).toMatchObject({ deaths: 10, rate: null, rateStatus: 'unreliable' });
  });
});
