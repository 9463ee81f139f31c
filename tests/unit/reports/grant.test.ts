import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, type NamedPeriod } from '../../../src/domain/periods.ts';
import { readProgram } from '../../../src/metrics/records.ts';
import { encounterColumnsFilled, tableRanges } from '../../../src/metrics/programCoverage.ts';
import { filterFor, type ProgramFilter } from '../../../src/domain/filter.ts';
import { funnel } from '../../../src/metrics/funnel.ts';
import { kitTotals, naloxoneTotals } from '../../../src/metrics/naloxone.ts';
import { programKpis } from '../../../src/metrics/placements.ts';
import { serviceReferrals } from '../../../src/metrics/referrals.ts';
import { placementTimes } from '../../../src/metrics/timeToPlacement.ts';
import { grantMeasures, type Measure } from '../../../src/reports/grant/measures.ts';
import { draftNarrative } from '../../../src/reports/grant/narrative.ts';
import { loadPath, SAMPLE, testDb, type TestDb } from '../../helpers/node.ts';

const LAUNCH = '2022-03-01';

/** The grant measures computed the way the report page computes them: the analytics queries, then
 *  grantMeasures over their rows. */
async function measures(t: TestDb, period: NamedPeriod, extra: Omit<ProgramFilter, 'periods'> = {}, withLog = true): Promise<Measure[]> {
  const f = filterFor(period, extra);
  const d = await readProgram(t.conn);
  const one = <T>(rows: T[]) => rows[0]!;
  const filled = Object.fromEntries((encounterColumnsFilled(d)).map((r) => [r.column, r.filled]));
  return grantMeasures({
    period, launchDate: LAUNCH, ranges: one(tableRanges(d)), kpis: one(programKpis(d, f)),
    referrals: one(serviceReferrals(d, f)), times: one(placementTimes(d, f)), funnel: funnel(d, f),
    naloxone: withLog ? one(naloxoneTotals(d, f)) : null, kits: one(kitTotals(d, f)),
    kitFieldFilled: filled.naloxone_kit_given ?? 0, engagementFilled: filled.engaged_30d ?? 0,
  });
}
const values = (ms: Measure[]) => Object.fromEntries(ms.map((m) => [m.id, m.value]));

describe('grant measures on the sample program', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
    await loadPath(t, `${SAMPLE}encounters.csv`);
    await loadPath(t, `${SAMPLE}naloxone.csv`);
  }, 60_000);

  it('Q2 2025: the figures worked out with Python’s csv module from the same files', async () => {
    // Python: 134 encounters, 124 people; placed (placement date, treatment not none): 100 encounters.
    // Treatment other than recovery support: 87 people (90 placements); recovery support 10; MOUD 19 (20).
    // Kits: 51 at encounters, 49 people. Naloxone log Apr-Jun 2025: 9 rows. Median 5.1667 h; 79 of 100
    // within 24 h; funnel placed 100, engaged "yes" 47.
    const ms = await measures(t, parsePeriod('2025-Q2')!);
    expect(values(ms)).toEqual({
      referred_treatment: 87, referred_recovery: 10, trained_naloxone: 'N/A', kits_distributed: 51, people_given_kits: 49,
      naloxone_administrations: 9, moud: 19, participants: 124, median_hours: 5.2, within_24h: 79, engaged_30d: 47,
    });
    // Never a blank: every line has a value and a definition.
    for (const m of ms) {
      expect(m.value === 'N/A' || Number.isFinite(m.value), m.id).toBe(true);
      expect(m.definition.length, m.id).toBeGreaterThan(20);
    }
    // The naloxone log ends on 18 June 2025, inside the quarter: the line says so.
    expect(ms.find((m) => m.id === 'naloxone_administrations')!.definition).toMatch(/last record is dated Jun 18, 2025, inside this period/);
  });

  it('an agency filter: Bay County Sheriff in Q2 2025', async () => {
    // Python: 22 people, 18 referred to treatment, 1 to recovery support, 4 MOUD, 11 kits, 15 of 19 within 24 h, 8 of 19 engaged.
    const v = values(await measures(t, parsePeriod('2025-Q2')!, { agency: ['Bay County Sheriff'] }));
    expect(v).toMatchObject({ participants: 22, referred_treatment: 18, referred_recovery: 1, moud: 4, kits_distributed: 11,
      within_24h: 78.9, engaged_30d: 42.1 });
  });

  it('a period inside the records where nothing matches gives zeros, and N/A only where a measure cannot apply', async () => {
    const v = values(await measures(t, parsePeriod('2025-Q2')!, { agency: ['No such agency'] }));
    expect(v).toMatchObject({ participants: 0, referred_treatment: 0, referred_recovery: 0, moud: 0, kits_distributed: 0, people_given_kits: 0 });
    // Nothing to time, nothing to follow up.
    expect(v).toMatchObject({ median_hours: 'N/A', within_24h: 'N/A', engaged_30d: 'N/A', trained_naloxone: 'N/A' });
  });

  it('before the launch and after the records end: N/A with the reason', async () => {
    const before = await measures(t, parsePeriod('2021-Q3')!);
    expect(before.find((m) => m.id === 'participants')!).toMatchObject({ value: 'N/A', definition: expect.stringMatching(/had not started \(launch Mar 1, 2022\)/) });
    // The naloxone log goes back to 2019 (officers carried naloxone before the program): those are counted.
    expect(values(before).naloxone_administrations).toEqual(expect.any(Number));
    const after = await measures(t, parsePeriod('2026-Q1')!);
    expect(after.every((m) => m.value === 'N/A')).toBe(true);
    expect(after.find((m) => m.id === 'participants')!.definition).toMatch(/encounters export’s last record is dated Jun 30, 2025/);
  });

  it('without a naloxone log, administrations are N/A (not 0)', async () => {
    const m = (await measures(t, parsePeriod('2025-Q2')!, {}, false)).find((x) => x.id === 'naloxone_administrations')!;
    expect(m).toMatchObject({ value: 'N/A', definition: 'N/A: No naloxone log is loaded.' });
  });

  it('the drafted narrative states the numbers with their bases and claims no effect', async () => {
    const text = draftNarrative(await measures(t, parsePeriod('2025-Q2')!), 134, 'Q2 2025', 'Harbor Point');
    expect(text).toContain('worked with 124 people over 134 encounters');
    expect(text).toContain('87 people were referred to substance use treatment and 10 people to recovery support services; 19 people were placed in medication for opioid use disorder');
    expect(text).toContain('79% of placements (79 of 100 placements) happened within 24 hours');
    expect(text).toContain('47% (47 of 100 placements) were recorded as still engaged');
    expect(text).toMatch(/do not by themselves show effects/);
    expect(text).not.toMatch(/caused|reduced|thanks to/i);
    const empty = draftNarrative(await measures(t, parsePeriod('2026-Q1')!), 0, 'Q1 2026', 'Harbor Point');
    expect(empty).toMatch(/^Harbor Point, Q1 2026: no program figures can be reported for this period\. No records loaded/);
  });
});
