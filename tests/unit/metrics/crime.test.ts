import { beforeAll, describe, expect, it } from 'vitest';
import { userAliasesSql } from '../../../src/db/codes.ts';
import { crimeByMonth, crimeByMonthAndGroup, crimeSeries, offenseValues } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** Figures worked out with Python's csv module over the real files, without this code:
 *  Durham 2013 (general_type_crime in Burglary/Breaking and Entering, Larceny/Theft Offenses,
 *  Motor Vehicle Theft): 2,952 burglaries, 6,003 larcenies, 656 motor vehicle thefts; 694 in
 *  March; the file has no December. RTCI Malden MA: 2019-03 burglary 13 + theft 33 + MVT 3 = 49;
 *  2024-03 all NA. */
const ym = (d: Date) => d.toISOString().slice(0, 7);

describe('crime series from real files', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    await loadPath(t, PUBLIC + 'durham_nc_police_incidents_2013.csv');
    await loadPath(t, PUBLIC + 'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv');
  }, 60_000);

  it('lists a series per incident file and per agency key', async () => {
    const s = await runQuery(t.conn, crimeSeries());
    expect(s.filter((x) => x.source === 'incidents').map((x) => x.label)).toEqual(['durham_nc_police_incidents_2013.csv']);
    expect(s.filter((x) => x.source === 'monthly')).toHaveLength(363);
    expect(s.find((x) => x.series === 'monthly:Malden, Massachusetts')?.label).toBe('Malden, MA');
  });

  it('Durham: addiction-associated offenses by month and group', async () => {
    const series = 'incidents:durham_nc_police_incidents_2013.csv';
    const all = await runQuery(t.conn, crimeByMonth(series, null));
    expect(all.map((r) => ym(r.month))).toEqual(Array.from({ length: 11 }, (_, i) => `2013-${String(i + 1).padStart(2, '0')}`));
    expect(all.find((r) => ym(r.month) === '2013-03')?.count).toBe(694);
    expect(all.reduce((s, r) => s + (r.count ?? 0), 0)).toBe(9611);
    const byGroup = await runQuery(t.conn, crimeByMonthAndGroup(series));
    const sum = (g: string) => byGroup.filter((r) => r.group === g).reduce((s, r) => s + (r.count ?? 0), 0);
    expect([sum('burglary'), sum('larceny'), sum('motor vehicle theft')]).toEqual([2952, 6003, 656]);
    expect((await runQuery(t.conn, crimeByMonth(series, 'larceny'))).reduce((s, r) => s + (r.count ?? 0), 0)).toBe(6003);
  });

  it('RTCI: a month with a not-reported offense is a gap, never a zero', async () => {
    const rows = await runQuery(t.conn, crimeByMonth('monthly:Malden, Massachusetts', null));
    expect(rows).toHaveLength(79);
    expect(rows.find((r) => ym(r.month) === '2019-03')?.count).toBe(49);
    expect(rows.find((r) => ym(r.month) === '2024-03')?.count).toBeNull();
    expect(rows.filter((r) => r.count === null)).toHaveLength(1);
  });

  it('every Durham and RTCI offense value has a default code', async () => {
    const v = await runQuery(t.conn, offenseValues());
    expect(v.filter((x) => x.codeFrom === 'unmapped')).toEqual([]);
    expect(v.find((x) => x.offense === 'Shoplifting')).toMatchObject({ code: '23C', codeFrom: 'default', offenses: 1540 });
    expect(v.find((x) => x.offense === 'burglary')).toMatchObject({ code: '220', group: 'burglary' });
  });
});

describe('the editable offense table', () => {
  it('lists unmapped values, counts them once assigned, and never overrides a code the file gives', async () => {
    const t = await testDb();
    await loadPath(t, tempFile('incidents.csv', [
      'incident number,date,offense,nibrs code',
      '1,2024-01-03,Porch piracy,', '2,2024-01-09,Porch piracy,', '3,2024-02-01,Porch piracy,220',
      '4,2024-02-02,Shoplifting,', '5,2024-03-05,Lurking,',
    ].join('\n')));
    const series = 'incidents:incidents.csv';
    let v = await runQuery(t.conn, offenseValues());
    expect(v.filter((x) => x.codeFrom === 'unmapped').map((x) => [x.offense, x.offenses])).toEqual([['Porch piracy', 2], ['Lurking', 1]]);
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([0, 2, 0]);

    for (const sql of userAliasesSql({ 'Porch Piracy': '23H' })) await t.conn.run(sql);
    v = await runQuery(t.conn, offenseValues());
    expect(v.find((x) => x.offense === 'Porch piracy' && x.rawCode === null)).toMatchObject({ code: '23H', codeFrom: 'yours' });
    expect(v.find((x) => x.rawCode === '220')).toMatchObject({ code: '220', codeFrom: 'file' });
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([2, 2, 0]);
    expect((await runQuery(t.conn, crimeByMonth(series, 'larceny'))).map((r) => r.count)).toEqual([2, 1, 0]);

    // A user choice can also override a default, and removing it restores the default.
    for (const sql of userAliasesSql({ shoplifting: '90Z' })) await t.conn.run(sql);
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([0, 1, 0]);
    for (const sql of userAliasesSql({})) await t.conn.run(sql);
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([0, 2, 0]);
  });
});

describe('a Chicago-style incident export', () => {
  it('maps Primary Type and FBI Code through the default table, so nothing is left unmapped', async () => {
    const t = await testDb();
    await loadPath(t, tempFile('chicago.csv', [
      'ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,FBI Code',
      '1,JH100001,01/05/2024 03:00:00 PM,001XX N STATE ST,0860,THEFT,RETAIL THEFT,DEPARTMENT STORE,false,false,06',
      '2,JH100002,01/09/2024 11:15:00 AM,002XX W MADISON ST,0610,BURGLARY,FORCIBLE ENTRY,RESIDENCE,false,false,05',
      '3,JH100003,01/20/2024 08:00:00 PM,003XX S WELLS ST,2027,NARCOTICS,POSS: CRACK,STREET,true,false,18',
      '4,JH100004,02/02/2024 01:00:00 AM,004XX N CLARK ST,0486,BATTERY,DOMESTIC BATTERY SIMPLE,APARTMENT,false,true,08B',
      '5,JH100005,02/14/2024 06:30:00 PM,005XX E GRAND AVE,0910,MOTOR VEHICLE THEFT,AUTOMOBILE,STREET,false,false,07',
      '6,JH100006,02/20/2024 10:00:00 AM,006XX N RUSH ST,1320,CRIMINAL DAMAGE,TO VEHICLE,STREET,false,false,14',
    ].join('\n')));
    const v = await runQuery(t.conn, offenseValues());
    expect(v.filter((x) => x.codeFrom === 'unmapped')).toEqual([]);
    expect(v.find((x) => x.offense === 'NARCOTICS')).toMatchObject({ rawCode: '18', group: 'drug violations', codeFrom: 'default' });
    // January: theft, burglary, narcotics; February: motor vehicle theft (battery and damage are not counted).
    expect((await runQuery(t.conn, crimeByMonth('incidents:chicago.csv', null))).map((r) => r.count)).toEqual([3, 1]);
  });
});
