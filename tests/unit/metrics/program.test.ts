import { beforeAll, describe, expect, it } from 'vitest';
import { encountersBy, repeatVisits } from '../../../src/metrics/breakdowns.ts';
import { encounterColumnsFilled } from '../../../src/metrics/programCoverage.ts';
import { costSummary, costsBy, costsByMonth, spendAgainstAwards } from '../../../src/metrics/costs.ts';
import { filterFor, NO_FILTER } from '../../../src/domain/filter.ts';
import { funnel, ineligibleReasons, outsideFunnel } from '../../../src/metrics/funnel.ts';
import { kitsByMonth, naloxoneByMonth, naloxoneTotals } from '../../../src/metrics/naloxone.ts';
import { placementsByMonth, programKpis } from '../../../src/metrics/placements.ts';
import { placementTimeBands, placementTimes, placementTimesByMonth } from '../../../src/metrics/timeToPlacement.ts';
import type { TestDb } from '../../helpers/node.ts';
import { fixtureDb } from './fixture.ts';
import { firstEncounterDay, NO_PROGRAM, readProgram, type ProgramData } from '../../../src/metrics/records.ts';

const ym = (d: Date) => d.toISOString().slice(0, 7);
const Q1 = { from: '2024-01-01', to: '2024-04-01' };

describe('program metrics on the hand-made fixture', () => {
  let t: TestDb;
  let d: ProgramData;
  beforeAll(async () => { t = await fixtureDb(); d = await readProgram(t.conn); });

  it('headline figures', async () => {
    const [k] = programKpis(d, NO_FILTER);
    // Placed: E1 E2 E5 E6 E9 E10 = 6; people placed P1 P2 P4 P7 = 4; eligible 7 (E10 blank, E4 E7 no).
    expect(k).toMatchObject({ encounters: 10, people: 7, eligible: 7, placed: 6, peoplePlaced: 4, totalCost: 500 });
    expect(k!.placementRate).toBeCloseTo(6 / 7, 12);
    // Hours 4, 6, 10, 24, 72, 120: median (10 + 24) / 2.
    expect(k!.medianHoursToPlacement).toBeCloseTo(17, 12);
    expect(k!.costPerPersonPlaced).toBeCloseTo(125, 12);
  });

  it('no cost per person when the filter narrows by something the ledger lacks', async () => {
    const [k] = programKpis(d, { periods: [], agency: ['A'] });
    // Agency A: E1 E2 E5 E6 E8 E9, people P1 P2 P4 P6.
    expect(k).toMatchObject({ encounters: 6, people: 4, placed: 5, totalCost: null, costPerPersonPlaced: null });
  });

  it('the funnel: each step of the one before, with unknowns', async () => {
    const rows = funnel(d, NO_FILTER);
    expect(rows.map((r) => [r.step, r.count, r.base, r.unknown, r.recorded])).toEqual([
      ['encounters', 10, null, 0, true],
      ['eligible', 7, 10, 1, true], // E10's eligibility is blank
      ['offered', 6, 7, 0, true], // E8 was not offered
      ['placed', 5, 6, 0, true], // E3 was offered and not placed; E10 is outside the funnel
      ['engaged', 3, 5, 1, true], // E1 E6 E9 yes; E5 blank
    ]);
    expect(rows[4]!.share).toBeCloseTo(3 / 5, 12);
    expect(rows[4]!.shareOfEncounters).toBeCloseTo(3 / 10, 12);
    const [o] = outsideFunnel(d, NO_FILTER);
    expect(o!.placedOutside).toBe(1);
  });

  it('ineligible reasons', async () => {
    const rows = ineligibleReasons(d, NO_FILTER);
    expect(rows).toEqual([
      { reason: 'in custody', encounters: 1, share: 0.5 },
      { reason: 'lives out of area', encounters: 1, share: 0.5 },
    ]);
  });

  it('time to placement: median, 90th percentile, within 24 and 72 hours, bands', async () => {
    const [s] = placementTimes(d, NO_FILTER);
    // p90 of 6 values: position 0.9 * 5 = 4.5, between 72 and 120 -> 96.
    expect(s).toMatchObject({ placed: 6, medianHours: 17, p90Hours: 96, within24: 4, within72: 5 });
    expect(s!.share24).toBeCloseTo(4 / 6, 12);
    const bands = placementTimeBands(d, NO_FILTER);
    expect(bands.map((b) => [b.band, b.placed])).toEqual([
      ['under 6 h', 1], ['6–12 h', 2], ['12–24 h', 0], ['1–2 days', 1], ['2–3 days', 0], ['3–7 days', 2], ['7 days or more', 0],
    ]);
    const monthly = placementTimesByMonth(d, NO_FILTER);
    expect(monthly.map((m) => [ym(m.month), m.placed, m.medianHours])).toEqual([
      ['2024-01', 2, 14], ['2024-02', 0, null], ['2024-03', 2, 39], ['2024-04', 1, 120], ['2024-05', 1, 10],
    ]);
    expect(monthly[0]!.p90Hours).toBeCloseTo(22, 12); // 4 + 0.9 * (24 - 4)
  });

  it('encounters and people per month, months without data as zeros', async () => {
    const rows = placementsByMonth(d, NO_FILTER);
    expect(rows.map((r) => [ym(r.month), r.encounters, r.people, r.placed])).toEqual([
      ['2024-01', 2, 2, 2], ['2024-02', 2, 2, 0], ['2024-03', 2, 1, 2], ['2024-04', 3, 3, 1], ['2024-05', 1, 1, 1],
    ]);
    const q1 = placementsByMonth(d, filterFor({ from: '2024-03-01', to: '2024-07-01' }, { agency: ['B'] }));
    // Agency B in Mar-Jun: Apr E7, May E10; March appears with zero; June is past the data.
    expect(q1.map((r) => [ym(r.month), r.encounters])).toEqual([['2024-03', 0], ['2024-04', 1], ['2024-05', 1]]);
  });

  it('by pathway: the six pathways in order, zeros kept, blanks their own row', async () => {
    const rows = encountersBy(d, 'pathway', NO_FILTER);
    expect(rows.map((r) => [r.value, r.encounters, r.people, r.placed])).toEqual([
      ['self-referral', 5, 2, 4], ['active outreach', 2, 2, 2], ['naloxone plus', 1, 1, 0], ['officer prevention', 0, 0, 0],
      ['officer intervention', 1, 1, 0], ['community response', 0, 0, 0], ['(not recorded)', 1, 1, 0],
    ]);
    const byRes = encountersBy(d, 'residence', filterFor(Q1));
    // Q1: E1-E6. Town1: E1 E3 E4 (P1, P3); Town2: E2 E5 E6 (P2, P4).
    expect(byRes.map((r) => [r.value, r.encounters, r.people])).toEqual([['Town1', 3, 2], ['Town2', 3, 2]]);
  });

  it('repeat visits', async () => {
    const rows = repeatVisits(d, NO_FILTER);
    // P1 three times, P4 twice, five people once.
    expect(rows).toEqual([
      { visits: '1', people: 5, encounters: 5 }, { visits: '2', people: 1, encounters: 2 },
      { visits: '3', people: 1, encounters: 3 }, { visits: '4', people: 0, encounters: 0 },
      { visits: '5 or more', people: 0, encounters: 0 },
    ]);
  });

  it('costs: total, per encounter and person placed, parts, months, awards', async () => {
    const [s] = costSummary(d, { periods: [], pathway: ['self-referral'] });
    // The pathway filter does not narrow costs or their divisors.
    expect(s).toMatchObject({ entries: 4, total: 500, encounters: 10, peoplePlaced: 4, perEncounter: 50, perPersonPlaced: 125 });
    expect(s!.linkedToEncounter).toBeCloseTo(0.4, 12);
    expect((costsBy(d, 'category', NO_FILTER)).map((r) => [r.value, r.amount])).toEqual([
      ['treatment', 150], ['staff', 100], ['transport', 50], ['(not recorded)', 200],
    ]);
    expect((costsBy(d, 'funding_source', filterFor(Q1))).map((r) => [r.value, r.amount])).toEqual([
      ['Grant', 150], ['Town', 150],
    ]);
    expect((costsByMonth(d, NO_FILTER)).map((r) => [ym(r.month), r.amount, r.cumulative])).toEqual([
      ['2024-01', 100, 100], ['2024-02', 50, 150], ['2024-03', 150, 300], ['2024-04', 200, 500],
    ]);
    const awards = spendAgainstAwards(d, [
      { name: 'Grant award', fundingSource: 'Grant', amount: 1000, from: '2024-03-01', to: '2024-12-31' },
      { name: 'Town budget Feb', fundingSource: 'Town', amount: 40, from: '2024-02-01', to: '2024-02-29' },
    ])!;
    expect(awards.map((a) => [a.name, a.spent, a.remaining])).toEqual([['Grant award', 350, 650], ['Town budget Feb', 50, -10]]);
    // Mar 1 to Apr 15 (the last ledger date) is 46 of the award's 306 days.
    expect(awards[0]!.shareElapsed).toBeCloseTo(46 / 306, 12);
    expect(awards[1]!.shareElapsed).toBe(1);
  });

  it('naloxone: administrations, doses, outcomes and kits by month', async () => {
    const rows = naloxoneByMonth(d, NO_FILTER);
    expect(rows.map((r) => [ym(r.month), r.administrations, r.doses, r.survived, r.transported, r.died, r.unknown])).toEqual([
      ['2024-01', 2, 3, 1, 1, 0, 0], ['2024-02', 1, 1, 0, 0, 0, 1], ['2024-03', 0, 0, 0, 0, 0, 0], ['2024-04', 1, 3, 0, 0, 1, 0],
    ]);
    const [a] = naloxoneTotals(d, { periods: [], agency: ['A'] });
    expect(a).toEqual({ administrations: 3, doses: 6, survived: 1, transported: 1, died: 1, unknown: 0 });
    const kits = kitsByMonth(d, NO_FILTER);
    expect(kits.map((k) => [ym(k.month), k.kits, k.recorded, k.encounters])).toEqual([
      ['2024-01', 1, 2, 2], ['2024-02', 1, 1, 2], ['2024-03', 1, 2, 2], ['2024-04', 1, 3, 3], ['2024-05', 0, 0, 1],
    ]);
  });

  it('which optional columns are filled in', async () => {
    const rows = encounterColumnsFilled(d);
    // engaged_30d: E1 E2 E6 E9 E10 are filled in.
    const filled = Object.fromEntries(rows.map((r) => [r.column, r.filled]));
    expect(filled).toMatchObject({ pathway: 9, eligible: 9, placement_offered: 8, engaged_30d: 5, naloxone_kit_given: 8, residence: 9 });
  });

  it('a filter that matches nothing gives zeros, not errors', async () => {
    const none = filterFor({ from: '2030-01-01', to: '2030-02-01' });
    const [k] = programKpis(d, none);
    expect(k).toMatchObject({ encounters: 0, people: 0, placed: 0, placementRate: null, medianHoursToPlacement: null });
    expect(placementsByMonth(d, none)).toEqual([]);
    expect((funnel(d, none)).map((r) => r.count)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('the first encounter day, from the records', () => {
  it('is the day SQL gives for the earliest encounter date, and null with no dated encounter', async () => {
    const t = await fixtureDb();
    const d = await readProgram(t.conn);
    const [row] = await t.conn.query<{ d: string | null }>("SELECT strftime(min(encounter_date), '%Y-%m-%d') AS d FROM encounters");
    expect(row!.d).toBeTruthy();
    expect(firstEncounterDay(d)).toBe(row!.d);
    expect(firstEncounterDay(NO_PROGRAM)).toBeNull();
    // Undated encounters come last: a program whose only encounters are undated has no first day.
    expect(firstEncounterDay({ ...d, encounters: d.encounters.map((e) => ({ ...e, encounter_date: null })) })).toBeNull();
  });

  it('is the UTC day of the timestamp as stored, whatever the machine\'s time zone', () => {
    const late = { ...NO_PROGRAM, encounters: [{ encounter_date: new Date('2024-03-01T23:30:00Z') }] } as unknown as ProgramData;
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(firstEncounterDay(late)).toBe('2024-03-01');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone;
    }
  });
});
