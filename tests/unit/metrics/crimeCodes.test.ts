import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseOffense, userAliasesSql } from '../../../src/db/codes.ts';
import { shippedCodesFromDisk } from '../../../src/db/nativeDatabase.ts';
import { crimeByMonth, offenseValues, unassignedOffenses, type OffenseValue } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, PUBLIC, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

const codes = shippedCodesFromDisk();
const codeOf = (alias: string) => codes.aliases.find((a) => a.alias === normaliseOffense(alias))?.code;
const find = (v: OffenseValue[], offense: string | null, rawCode: string | null) =>
  v.find((x) => x.offense === offense && x.rawCode === rawCode);

describe('the shipped code tables', () => {
  it('every alias is unique and maps to a code of the NIBRS table', () => {
    const known = new Set(codes.offenses.map((o) => o.code));
    expect(codes.aliases.filter((a) => !known.has(a.code))).toEqual([]);
    const keys = codes.aliases.map((a) => a.alias);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it("Chicago's FBI codes (UCR arrest codes) map to the right NIBRS offenses", () => {
    const fbi: Record<string, string> = {
      '01A': '09A', '01B': '09B', '02': '11A', '03': '120', '04A': '13A', '04B': '13A', '05': '220', '06': '23', '07': '240',
      '08A': '13B', '08B': '13B', '09': '200', '10': '250', '11': '26A', '12': '270', '13': '280', '14': '290', '15': '520',
      '16': '40A', '17': '11D', '18': '35A', '19': '39A', '20': '90F', '22': '90G', '24': '90C', '26': '90Z',
    };
    expect(Object.fromEntries(Object.keys(fbi).map((c) => [c, codeOf(c)]))).toEqual(fbi);
    // "23" is drunkenness as an arrest code, never the larceny roll-up the app uses for "theft".
    expect(codeOf('23')).toBe('90E');
  });

  it('covers the offense names of large city portals', () => {
    const group = (alias: string) => codes.offenses.find((o) => o.code === codeOf(alias))?.group;
    const cases: [string, string][] = [
      // Chicago "Primary Type"
      ['THEFT', 'larceny'], ['NARCOTICS', 'drug violations'], ['DECEPTIVE PRACTICE', 'fraud'], ['LIQUOR LAW VIOLATION', 'other'],
      // New York "OFNS_DESC"
      ['PETIT LARCENY', 'larceny'], ['GRAND LARCENY OF MOTOR VEHICLE', 'motor vehicle theft'], ['DANGEROUS DRUGS', 'drug violations'],
      ['POSSESSION OF STOLEN PROPERTY', 'stolen property'], ['FELONY ASSAULT', 'assault'], ['CRIMINAL MISCHIEF & RELATED OF', 'vandalism'],
      // Los Angeles "Crm Cd Desc"
      ['VEHICLE - STOLEN', 'motor vehicle theft'], ['BURGLARY FROM VEHICLE', 'larceny'], ['THEFT PLAIN - PETTY ($950 & UNDER)', 'larceny'],
      ['SHOPLIFTING - PETTY THEFT ($950 & UNDER)', 'larceny'], ['BATTERY - SIMPLE ASSAULT', 'assault'], ['THEFT OF IDENTITY', 'fraud'],
      // Philadelphia "text_general_code"
      ['Thefts', 'larceny'], ['Theft from Vehicle', 'larceny'], ['Burglary Residential', 'burglary'], ['Narcotic / Drug Law Violations', 'drug violations'],
      ['Receiving Stolen Property', 'stolen property'], ['Other Assaults', 'assault'],
      // Seattle (NIBRS names and parent groups), Durham
      ['Burglary/Breaking & Entering', 'burglary'], ['Theft of Motor Vehicle Parts or Accessories', 'larceny'], ['Drug Equipment Violations', 'drug violations'],
      ['LARCENY-THEFT', 'larceny'], ['DRUG/NARCOTIC OFFENSES', 'drug violations'], ['Family Offenses, Nonviolent', 'other'],
      // Denver "offense_type_id" / "offense_category_id"
      ['theft-items-from-vehicle', 'larceny'], ['theft-of-motor-vehicle', 'motor vehicle theft'], ['drug-methampetamine-possess', 'drug violations'],
      ['burglary-residence-by-force', 'burglary'], ['auto-theft', 'motor vehicle theft'],
      // Baltimore
      ['LARCENY FROM AUTO', 'larceny'], ['AUTO THEFT', 'motor vehicle theft'], ['COMMON ASSAULT', 'assault'], ['AGG. ASSAULT', 'assault'],
    ];
    expect(cases.map(([a]) => [a, group(a)])).toEqual(cases);
  });
});

describe('a code in the file wins over the default reading of the offense text', () => {
  let t: TestDb;
  let v: OffenseValue[];
  const series = 'incidents:chicago.csv';
  beforeAll(async () => {
    t = await testDb();
    await loadPath(t, tempFile('chicago.csv', [
      'ID,Case Number,Date,IUCR,Primary Type,Description,FBI Code',
      // January: stolen property under a "deceptive practice" primary type (FBI 13) counts; fraud (FBI 11) does not.
      '1,JH1,01/05/2024 03:00:00 PM,1305,DECEPTIVE PRACTICE,CRIMINAL DEFACEMENT,13',
      '2,JH2,01/06/2024 03:00:00 PM,1305,DECEPTIVE PRACTICE,CRIMINAL DEFACEMENT,13',
      '3,JH3,01/07/2024 03:00:00 PM,1150,DECEPTIVE PRACTICE,CREDIT CARD FRAUD,11',
      // February: a theft with the larceny code, a burglary, a narcotics arrest.
      '4,JH4,02/02/2024 01:00:00 AM,0860,THEFT,RETAIL THEFT,06',
      '5,JH5,02/03/2024 01:00:00 AM,0610,BURGLARY,FORCIBLE ENTRY,05',
      '6,JH6,02/04/2024 01:00:00 AM,2027,NARCOTICS,POSS: CRACK,18',
      // March: a code the tables do not know leaves the text to decide.
      '7,JH7,03/04/2024 01:00:00 AM,0820,THEFT,$500 AND UNDER,6',
    ].join('\n')));
    v = await runQuery(t.conn, offenseValues());
  }, 60_000);

  it('FBI 13 beside "DECEPTIVE PRACTICE" is stolen property (counted), FBI 11 beside it is fraud', async () => {
    expect(find(v, 'DECEPTIVE PRACTICE', '13')).toMatchObject({ code: '280', group: 'stolen property', codeFrom: 'default', offenses: 2 });
    expect(find(v, 'DECEPTIVE PRACTICE', '11')).toMatchObject({ code: '26A', group: 'fraud', codeFrom: 'default' });
    expect(find(v, 'THEFT', '06')).toMatchObject({ code: '23', group: 'larceny' });
    // "6" (no leading zero) is not taken for FBI 06: the text says theft.
    expect(find(v, 'THEFT', '6')).toMatchObject({ code: '23', group: 'larceny', codeFrom: 'default' });
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([2, 3, 1]);
    expect((await runQuery(t.conn, crimeByMonth(series, 'stolen property'))).map((r) => r.count)).toEqual([2, 0, 0]);
  });

  it("the user's assignment of the text wins over the code's default; a NIBRS code in the file wins over both", async () => {
    for (const sql of userAliasesSql({ 'deceptive practice': '90Z' })) await t.conn.run(sql);
    const w = await runQuery(t.conn, offenseValues());
    expect(find(w, 'DECEPTIVE PRACTICE', '13')).toMatchObject({ code: '90Z', codeFrom: 'yours' });
    expect((await runQuery(t.conn, crimeByMonth(series, null))).map((r) => r.count)).toEqual([0, 3, 1]);
    for (const sql of userAliasesSql({})) await t.conn.run(sql);

    const u = await testDb();
    await loadPath(u, tempFile('seattle.csv', [
      'Report Number,Offense Start DateTime,Offense Parent Group,Offense,Offense Code',
      '2024-1,2024-01-02 10:00:00,LARCENY-THEFT,Theft From Motor Vehicle,23F',
      '2024-2,2024-01-03 10:00:00,STOLEN PROPERTY OFFENSES,Stolen Property Offenses,280',
      '2024-3,2024-01-04 10:00:00,FRAUD OFFENSES,Credit Card/Automated Teller Machine Fraud,26B',
    ].join('\n')));
    for (const sql of userAliasesSql({ 'theft from motor vehicle': '90Z' })) await u.conn.run(sql);
    const s = await runQuery(u.conn, offenseValues());
    expect(find(s, 'Theft From Motor Vehicle', '23F')).toMatchObject({ code: '23F', codeFrom: 'file' });
    expect((await runQuery(u.conn, crimeByMonth('incidents:seattle.csv', null))).map((r) => r.count)).toEqual([2]);
  });
});

describe("a series' months run from its first row to its last, offenses in no group included", () => {
  it('months at either end with only an unassigned offense are in the series, at zero', async () => {
    const t = await testDb();
    await loadPath(t, tempFile('edges.csv', [
      'Report Number,Offense Start DateTime,Offense Parent Group,Offense',
      '1,2024-01-09 10:00:00,MISC,Gremlin Sighting',
      '2,2024-02-03 10:00:00,BURGLARY/BREAKING&ENTERING,Burglary/Breaking & Entering',
      '3,2024-02-04 10:00:00,BURGLARY/BREAKING&ENTERING,Burglary/Breaking & Entering',
      '4,2024-04-05 10:00:00,MISC,Gremlin Sighting',
    ].join('\n')));
    const v = await runQuery(t.conn, offenseValues());
    expect(find(v, 'Gremlin Sighting', null)).toMatchObject({ group: null, offenses: 2 });
    const rows = await runQuery(t.conn, crimeByMonth('incidents:edges.csv', null));
    expect(rows.map((r) => r.month.toISOString().slice(0, 7))).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(rows.map((r) => r.count)).toEqual([0, 2, 0, 0]);
  }, 60_000);
});

describe('code columns of other numberings do not assign offenses by accident', () => {
  it('a column of four-digit or local codes is ignored: the offense text decides', async () => {
    const t = await testDb();
    // Boston-style local codes: 520 is a residential burglary there and the NIBRS weapons code.
    await loadPath(t, tempFile('boston.csv', [
      'INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE',
      'I1,520,BURGLARY - RESIDENTIAL,2024-01-02 10:00:00', 'I2,520,BURGLARY - RESIDENTIAL,2024-01-03 10:00:00',
      'I3,3115,INVESTIGATE PERSON,2024-01-04 10:00:00', 'I4,619,LARCENY ALL OTHERS,2024-01-05 10:00:00',
      'I5,3301,VERBAL DISPUTE,2024-01-06 10:00:00', 'I6,802,ASSAULT SIMPLE - BATTERY,2024-01-07 10:00:00',
      'I7,1402,VANDALISM,2024-01-08 10:00:00',
    ].join('\n')));
    const v = await runQuery(t.conn, offenseValues());
    // Not "520 Weapon Law Violations" from the file: the text decides (Boston's own description is a default alias).
    expect(find(v, 'BURGLARY - RESIDENTIAL', '520')).toMatchObject({ code: '220', codeFrom: 'default' });
    expect(find(v, 'VANDALISM', '1402')).toMatchObject({ code: '290', codeFrom: 'default' });
    // Chicago IUCR codes written as the code ("0610", 4 characters) match nothing either.
    const u = await testDb();
    await loadPath(u, tempFile('iucr.csv', ['Date,Primary Type,NIBRS Code', '2024-01-02,BURGLARY,0610', '2024-01-03,BURGLARY,0610',
      '2024-01-04,DECEPTIVE PRACTICE,1150'].join('\n')));
    const w = await runQuery(u.conn, offenseValues());
    expect(find(w, 'BURGLARY', '0610')).toMatchObject({ code: '220', codeFrom: 'default' });
    expect(find(w, 'DECEPTIVE PRACTICE', '1150')).toMatchObject({ code: '26A', codeFrom: 'default' });
  });
});

/** Durham, NC 2013 (real, ../shared/data/public): every specific_type_crime has a default code.
 *  The July figure is counted here from the CSV text, by offense names, without the app's tables. */
describe('Durham incidents are assigned', () => {
  it('no incident is left unassigned; July 2013 has 997 addiction-associated incidents', async () => {
    const path = PUBLIC + 'durham_nc_police_incidents_2013.csv';
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    const [date, type] = [header.indexOf('date'), header.indexOf('specific_type_crime')];
    const ADDICTION = new Set(['Burglary/Breaking and Entering', 'Shoplifting', 'Theft From Motor Vehicle', 'All Other Larceny',
      'Theft From Building', 'Theft of Motor Vehicle Parts or Accessories', 'Motor Vehicle Theft', 'Pocket-picking', 'Purse-snatching',
      'Theft From Coin-Operated Machine or Device', 'Stolen Property Offenses', 'Drug/Narcotic Violations', 'Drug Equipment Violations']);
    const july = lines.slice(1).map((l) => l.split(',')).filter((c) => c[date]!.startsWith('Jul ') && ADDICTION.has(c[type]!)).length;
    expect(july).toBe(997);

    const t = await testDb();
    await loadPath(t, path);
    const series = 'incidents:durham_nc_police_incidents_2013.csv';
    const [u] = await runQuery(t.conn, unassignedOffenses(series));
    expect(u).toMatchObject({ total: 12217, unassigned: 0 });
    expect(u!.unassigned / u!.total).toBeLessThan(0.01);
    const rows = await runQuery(t.conn, crimeByMonth(series, null));
    expect(rows.find((r) => r.month.toISOString().startsWith('2013-07'))?.count).toBe(july);
  }, 60_000);
});
