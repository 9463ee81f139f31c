import { beforeAll, describe, expect, it } from 'vitest';
import { agencyComparison, type AgencyFigures } from '../../../src/metrics/agencies.ts';
import { NO_FILTER } from '../../../src/domain/filter.ts';
import { shownRows } from '../../../src/pages/placements/AgencyComparison.tsx';
import type { TestDb } from '../../helpers/node.ts';
import { fixtureDb } from './fixture.ts';
import { readProgram, type ProgramData } from '../../../src/metrics/records.ts';

describe('agencies compared, on the hand-made fixture', () => {
  let t: TestDb;
  let d: ProgramData;
  beforeAll(async () => { t = await fixtureDb(); d = await readProgram(t.conn); });

  it('each agency\'s figures, largest first', async () => {
    const rows = agencyComparison(d, NO_FILTER);
    // A: E1 E2 E5 E6 E8 E9, people P1 P2 P4 P6, all eligible, placed E1 E2 E5 E6 E9 (hours 4, 24, 6, 72,
    // 120: median 24), engaged E1 E6 E9. B: E3 E4 E7 E10, people P1 P3 P5 P7, eligibility recorded
    // on E3 (yes) E4 E7 (no), placed E10 (10 h, engaged no).
    expect(rows.map((r) => [r.agency, r.encounters, r.people, r.eligible, r.placed, r.medianHoursToPlacement, r.engaged])).toEqual([
      ['A', 6, 4, 6, 5, 24, 3],
      ['B', 4, 4, 1, 1, 10, 0],
    ]);
    expect(rows[0]!.placementRate).toBeCloseTo(5 / 6, 12);
    expect(rows[0]!.engagedShare).toBeCloseTo(3 / 5, 12);
    expect(rows[1]!.placementRate).toBe(1);
    expect(rows[1]!.engagedShare).toBe(0);
    // People are counted within each agency: P1 came to both, so 4 + 4 > the program's 7.
  });

  it('with the public page\'s small-count rule: counts of 1–10 hidden with their complements, no rate or median under 30', () => {
    const fig = (agency: string, encounters: number, placed: number, engaged: number, people = encounters): AgencyFigures => ({
      agency, encounters, people, eligible: encounters, placed, placementRate: placed / encounters, medianHoursToPlacement: 12,
      engaged, engagedShare: placed ? engaged / placed : null });
    const rows = shownRows([fig('Big PD', 400, 300, 200), fig('Mid PD', 60, 40, 31), fig('Tiny PD', 7, 5, 2)], true);
    // Tiny PD's 7 encounters are hidden; so is the next smallest (Mid PD's 60), or the program's
    // total on the same page would give the 7 away.
    expect(rows.map((r) => r.encounters)).toEqual(['400', 'suppressed', 'suppressed']);
    expect(rows.map((r) => r.people)).toEqual(['400', '60', 'suppressed']);
    expect(rows[2]).toMatchObject({ placed: 'suppressed', placementRateText: 'n/a', medianText: 'n/a', rate: null });
    expect(rows[0]).toMatchObject({ placementRateText: '75%', medianText: '12.0 h', engagedText: '200 (66.7%)' });
    const plain = shownRows([fig('Tiny PD', 7, 5, 2)], false);
    expect(plain[0]).toMatchObject({ encounters: 7, placementRateText: '71.4%', engagedText: '2 (40%)' });
  });
});
