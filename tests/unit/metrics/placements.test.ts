import { beforeAll, describe, expect, it } from 'vitest';
import { filterFor, NO_FILTER } from '../../../src/domain/filter.ts';
import { placementsByMonth, programKpis } from '../../../src/metrics/placements.ts';
import { crimeByMonthAndGroup } from '../../../src/metrics/crime.ts';
import { runQuery } from '../../../src/metrics/query.ts';
import { loadPath, SAMPLE, tempFile, testDb, type TestDb } from '../../helpers/node.ts';
import { readProgram, type ProgramData } from '../../../src/metrics/records.ts';

/** A hand-made program: 6 encounters, 4 people.
 *  E1 P1 Jan 05 10:00 eligible, placed Jan 05 14:00 (4 h)
 *  E2 P2 Jan 20 09:00 eligible, placed Jan 21 09:00 (24 h)
 *  E3 P1 Feb 02 08:00 eligible, offered, not placed (treatment none)
 *  E4 P3 Feb 10 12:00 not eligible
 *  E5 P4 Mar 01 12:00 eligible, placed Mar 01 18:00 (6 h)
 *  E6 P4 Mar 15 12:00 eligible, placed Mar 16 00:00 (12 h)
 *  Costs: Jan 100, Feb 50, Mar 150 (total 300). */
const ENCOUNTERS = `encounter_id,participant_id,encounter_date,eligible,placement_offered,placement_date,treatment_type
E1,P1,2024-01-05 10:00,yes,yes,2024-01-05 14:00,detox
E2,P2,2024-01-20 09:00,yes,yes,2024-01-21 09:00,outpatient
E3,P1,2024-02-02 08:00,yes,yes,,none
E4,P3,2024-02-10 12:00,no,,,
E5,P4,2024-03-01 12:00,yes,yes,2024-03-01 18:00,detox
E6,P4,2024-03-15 12:00,yes,yes,2024-03-16 00:00,MOUD buprenorphine
`;
const COSTS = `date,amount,category,funding_source
2024-01-10,100,staff,Town
2024-02-10,50,transport,Town
2024-03-10,150,treatment,Grant
`;

describe('program metrics on a hand-made fixture', () => {
  let t: TestDb;
  let d: ProgramData;
  beforeAll(async () => {
    t = await testDb();
    await loadPath(t, tempFile('enc.csv', ENCOUNTERS));
    await loadPath(t, tempFile('costs.csv', COSTS));
    d = await readProgram(t.conn);
  });

  it('KPIs for the whole period', async () => {
    const [k] = programKpis(d, NO_FILTER);
    expect(k).toMatchObject({ encounters: 6, people: 4, eligible: 5, placed: 4, peoplePlaced: 3,
      placementBase: 'eligible encounters', totalCost: 300 });
    expect(k!.placementRate).toBeCloseTo(4 / 5, 12);
    // Hours 4, 24, 6, 12 -> median (6 + 12) / 2 = 9.
    expect(k!.medianHoursToPlacement).toBeCloseTo(9, 12);
    expect(k!.costPerPersonPlaced).toBeCloseTo(300 / 3, 12);
  });

  it('KPIs for February only: nothing placed, rate 0 of 1 eligible', async () => {
    const [k] = programKpis(d, filterFor({ from: '2024-02-01', to: '2024-03-01' }));
    expect(k).toMatchObject({ encounters: 2, people: 2, eligible: 1, placed: 0, placementRate: 0,
      medianHoursToPlacement: null, totalCost: 50, costPerPersonPlaced: null });
  });

  it('monthly series', async () => {
    const rows = placementsByMonth(d, NO_FILTER);
    expect(rows.map((r) => [r.month.toISOString().slice(0, 7), r.encounters, r.people, r.placed])).toEqual([
      ['2024-01', 2, 2, 2], ['2024-02', 2, 2, 0], ['2024-03', 2, 1, 2],
    ]);
  });
});

describe('the generated sample program', () => {
  let t: TestDb;
  let d: ProgramData;
  beforeAll(async () => {
    t = await testDb();
    for (const f of ['encounters.csv', 'costs.csv', 'naloxone.csv', 'crime_incidents.csv', 'overdoses_monthly.csv']) {
      const r = await loadPath(t, SAMPLE + f);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
    d = await readProgram(t.conn);
  });

  it('loads every sample file as the right kind', async () => {
    const loads = await t.conn.query<{ kind: string; rows: number }>('SELECT kind, rows FROM _loads ORDER BY kind');
    expect(loads).toEqual([
      { kind: 'costs', rows: 840 }, { kind: 'crime_incidents', rows: 10556 }, { kind: 'encounters', rows: 1513 },
      { kind: 'naloxone', rows: 288 }, { kind: 'overdose_monthly', rows: 78 },
    ]);
  });

  it('headline figures agree with the generator (data/sample/README.md)', async () => {
    const [k] = programKpis(d, NO_FILTER);
    expect(k).toMatchObject({ encounters: 1513, people: 1114, eligible: 1372, placed: 1075, peoplePlaced: 852 });
    expect(k!.medianHoursToPlacement!).toBeCloseTo(6.7, 1);
    expect(k!.totalCost!).toBeCloseTo(674464.88, 2);
    expect(k!.costPerPersonPlaced!).toBeCloseTo(791.63, 2);
  });

  it('addiction-associated crime per month covers 2019-01 to 2025-06', async () => {
    const rows = await runQuery(t.conn, crimeByMonthAndGroup('incidents:Harbor Point PD'));
    const months = [...new Set(rows.map((r) => r.month.toISOString().slice(0, 7)))];
    expect(months[0]).toBe('2019-01');
    expect(months.at(-1)).toBe('2025-06');
    expect(months.length).toBe(78);
  });
});
