import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intersect } from '../../../src/analysis/periods.ts';
import { DIMENSIONS, encountersBy, repeatVisits, type Dimension } from '../../../src/metrics/breakdowns.ts';
import { costsBy, costsByMonth, costSummary } from '../../../src/metrics/costs.ts';
import type { ProgramFilter } from '../../../src/metrics/filters.ts';
import { funnel } from '../../../src/metrics/funnel.ts';
import { naloxoneByMonth, naloxoneTotals } from '../../../src/metrics/naloxone.ts';
import { placementsByMonth, programKpis } from '../../../src/metrics/placements.ts';
import { runQuery, type Query } from '../../../src/metrics/query.ts';
import type { Row } from '../../../src/db/types.ts';
import { placementTimeBands, placementTimes } from '../../../src/metrics/timeToPlacement.ts';
import { testDb, type TestDb } from '../../helpers/node.ts';
import { filter, period, program, write } from './random.ts';

const sum = (xs: readonly Record<string, unknown>[], k: string) => xs.reduce((s, r) => s + Number(r[k] ?? 0), 0);
const RUNS = { numRuns: 60 };

describe('metric properties on random programs and filters', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { await t.conn.run('DELETE FROM encounters; DELETE FROM costs; DELETE FROM naloxone;'); });

  it('funnel steps never increase', async () => {
    await fc.assert(fc.asyncProperty(program, filter, async (p, f) => {
      await write(t, p);
      const steps = await runQuery(t.conn, funnel(f));
      expect(steps).toHaveLength(5);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]!.count).toBeLessThanOrEqual(steps[i - 1]!.count);
        expect(steps[i]!.base).toBe(steps[i - 1]!.count);
      }
    }), RUNS);
  });

  it('parts add up to their total under every filter', async () => {
    await fc.assert(fc.asyncProperty(program, filter, fc.constantFrom(...(Object.keys(DIMENSIONS) as Dimension[])), async (p, f, dim) => {
      await write(t, p);
      const [k] = await runQuery(t.conn, programKpis(f));
      const parts = await runQuery(t.conn, encountersBy(dim, f));
      expect(sum(parts, 'encounters')).toBe(k!.encounters);
      expect(sum(parts, 'placed')).toBe(k!.placed);
      const months = await runQuery(t.conn, placementsByMonth(f));
      expect(sum(months, 'encounters')).toBe(k!.encounters);
      expect(sum(months, 'placed')).toBe(k!.placed);
      const visits = await runQuery(t.conn, repeatVisits(f));
      expect(sum(visits, 'encounters')).toBe(k!.encounters);
      expect(sum(visits, 'people')).toBe(k!.people);
      const bands = await runQuery(t.conn, placementTimeBands(f));
      const [times] = await runQuery(t.conn, placementTimes(f));
      expect(sum(bands, 'placed')).toBe(times!.placed);
      expect(times!.placed).toBe(k!.placed);
      const [c] = await runQuery(t.conn, costSummary(f));
      for (const col of ['category', 'funding_source'] as const) {
        expect(sum(await runQuery(t.conn, costsBy(col, f)), 'amount')).toBeCloseTo(c!.total ?? 0, 6);
      }
      expect(sum(await runQuery(t.conn, costsByMonth(f)), 'amount')).toBeCloseTo(c!.total ?? 0, 6);
      const [n] = await runQuery(t.conn, naloxoneTotals(f));
      const nm = await runQuery(t.conn, naloxoneByMonth(f));
      expect(sum(nm, 'administrations')).toBe(n!.administrations);
      expect(n!.survived + n!.transported + n!.died + n!.unknown).toBe(n!.administrations);
    }), RUNS);
  });

  it('narrowing by period A and then B equals narrowing by A ∩ B', async () => {
    await fc.assert(fc.asyncProperty(program, filter, period, period, async (p, f, a, b) => {
      await write(t, p);
      const twice: ProgramFilter = { ...f, periods: [a, b] };
      const once: ProgramFilter = { ...f, periods: [intersect(a, b)] };
      const builders: ((g: ProgramFilter) => Query<Row>)[] = [programKpis, funnel, placementsByMonth, placementTimes, costSummary, naloxoneTotals,
        (g: ProgramFilter) => encountersBy('pathway', g)];
      for (const build of builders) {
        expect(await runQuery(t.conn, build(twice))).toEqual(await runQuery(t.conn, build(once)));
      }
    }), RUNS);
  });
});
