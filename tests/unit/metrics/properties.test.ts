import { removeLoadedFile } from '../../../src/ingest/load.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intersect } from '../../../src/domain/periods.ts';
import { DIMENSIONS, encountersBy, repeatVisits, type Dimension } from '../../../src/metrics/breakdowns.ts';
import { costsBy, costsByMonth, costSummary } from '../../../src/metrics/costs.ts';
import type { ProgramFilter } from '../../../src/domain/filter.ts';
import { funnel } from '../../../src/metrics/funnel.ts';
import { naloxoneByMonth, naloxoneTotals } from '../../../src/metrics/naloxone.ts';
import { placementsByMonth, programKpis } from '../../../src/metrics/placements.ts';
import type { ProgramData } from '../../../src/metrics/records.ts';
import { encountersIn } from '../../../src/metrics/selection.ts';
import { placementTimeBands, placementTimes } from '../../../src/metrics/timeToPlacement.ts';
import { testDb, type TestDb } from '../../helpers/node.ts';
import { filter, period, program, write } from './random.ts';

const sum = (xs: readonly Record<string, unknown>[], k: string) => xs.reduce((s, r) => s + Number(r[k] ?? 0), 0);
const RUNS = { numRuns: 60 };

describe('metric properties on random programs and filters', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { for (const f of ['random-encounters', 'random-costs', 'random-naloxone']) await removeLoadedFile(t.conn, f); });

  it('funnel steps never increase', async () => {
    await fc.assert(fc.asyncProperty(program, filter, async (p, f) => {
      const d = await write(t, p);
      const steps = funnel(d, f);
      expect(steps).toHaveLength(5);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]!.count).toBeLessThanOrEqual(steps[i - 1]!.count);
        expect(steps[i]!.base).toBe(steps[i - 1]!.count);
      }
    }), RUNS);
  });

  it('parts add up to their total under every filter', async () => {
    await fc.assert(fc.asyncProperty(program, filter, fc.constantFrom(...(Object.keys(DIMENSIONS) as Dimension[])), async (p, f, dim) => {
      const d = await write(t, p);
      const [k] = programKpis(d, f);
      const parts = encountersBy(d, dim, f);
      expect(sum(parts, 'encounters')).toBe(k!.encounters);
      expect(sum(parts, 'placed')).toBe(k!.placed);
      // Months hold the dated encounters (an undated one is in no month).
      const months = placementsByMonth(d, f);
      const undated = encountersIn(d, f).filter((e) => e.encounter_date === null);
      expect(sum(months, 'encounters')).toBe(k!.encounters - undated.length);
      expect(sum(months, 'placed')).toBe(k!.placed - undated.filter((e) => e.placed).length);
      const visits = repeatVisits(d, f);
      expect(sum(visits, 'encounters')).toBe(k!.encounters);
      expect(sum(visits, 'people')).toBe(k!.people);
      const bands = placementTimeBands(d, f);
      const [times] = placementTimes(d, f);
      // An undated placement has no time, so no band.
      expect(sum(bands, 'placed')).toBe(times!.placed - undated.filter((e) => e.placed).length);
      expect(times!.placed).toBe(k!.placed);
      const [c] = costSummary(d, f);
      for (const col of ['category', 'funding_source'] as const) {
        expect(sum(costsBy(d, col, f), 'amount')).toBeCloseTo(c!.total ?? 0, 6);
      }
      expect(sum(costsByMonth(d, f), 'amount')).toBeCloseTo(c!.total ?? 0, 6);
      const [n] = naloxoneTotals(d, f);
      const nm = naloxoneByMonth(d, f);
      expect(sum(nm, 'administrations')).toBe(n!.administrations);
      expect(n!.survived + n!.transported + n!.died + n!.unknown).toBe(n!.administrations);
    }), RUNS);
  });

  it('narrowing by period A and then B equals narrowing by A ∩ B', async () => {
    await fc.assert(fc.asyncProperty(program, filter, period, period, async (p, f, a, b) => {
      const d = await write(t, p);
      const twice: ProgramFilter = { ...f, periods: [a, b] };
      const once: ProgramFilter = { ...f, periods: [intersect(a, b)] };
      const metrics: ((d: ProgramData, g: ProgramFilter) => unknown[])[] = [programKpis, funnel, placementsByMonth, placementTimes, costSummary,
        naloxoneTotals, (e, g) => encountersBy(e, 'pathway', g)];
      for (const metric of metrics) expect(metric(d, twice)).toEqual(metric(d, once));
    }), RUNS);
  });
});
