import { removeLoadedFile } from '../../../src/ingest/load.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encountersBy } from '../../../src/metrics/breakdowns.ts';
import { costsBy } from '../../../src/metrics/costs.ts';
import { funnel } from '../../../src/metrics/funnel.ts';
import { naloxoneTotals } from '../../../src/metrics/naloxone.ts';
import { placementsByMonth, programKpis } from '../../../src/metrics/placements.ts';
import { placementTimes } from '../../../src/metrics/timeToPlacement.ts';
import { testDb, type TestDb } from '../../helpers/node.ts';
import { plain } from './plainSql.ts';
import { filter, fullProgram, write } from './random.ts';

/** The program metrics (TypeScript over the records read from the database) against the same
 *  figures written as plain SQL (plainSql.ts) and answered by DuckDB, on random programs and
 *  filters. The hand-counted fixtures (program.test.ts) say what the figures are; this says the
 *  TypeScript and the database agree on every edge the generator reaches: blank cells, repeat
 *  visits at the same minute, periods that cut a month, "none" treatment with a placement date. */
const RUNS = { numRuns: 80 };
const close = (a: number | null | undefined, b: number | null | undefined) =>
  (a == null || b == null ? expect(a ?? null).toBe(b ?? null) : expect(a).toBeCloseTo(b, 9));

describe('program metrics against plain SQL', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { for (const f of ['random-encounters', 'random-costs', 'random-naloxone']) await removeLoadedFile(t.conn, f); });

  it('headline figures, months, pathways, funnel, times, costs and naloxone', async () => {
    await fc.assert(fc.asyncProperty(fullProgram, filter, async (p, f) => {
      const d = await write(t, p);
      const sql = async (q: string) => t.conn.query(q);

      const [k] = programKpis(d, f);
      const [r] = await sql(plain.kpis(f));
      expect({ encounters: k!.encounters, people: k!.people, eligible: k!.eligible, placed: k!.placed, peoplePlaced: k!.peoplePlaced })
        .toEqual({ encounters: r!.encounters, people: r!.people, eligible: r!.eligible, placed: r!.placed, peoplePlaced: r!.peoplePlaced });
      close(k!.medianHoursToPlacement, r!.medianHoursToPlacement as number | null);

      const months = placementsByMonth(d, f).filter((m) => m.encounters > 0)
        .map((m) => ({ month: m.month.toISOString().slice(0, 10), encounters: m.encounters, people: m.people, placed: m.placed }));
      // Undated encounters are in no month (SQL groups them under a blank month).
      expect(months).toEqual((await sql(plain.byMonth(f))).filter((m) => m.month !== null)
        .map((m) => ({ ...m, month: (m.month as Date).toISOString().slice(0, 10) })));

      const pathways = encountersBy(d, 'pathway', f).filter((b) => b.encounters > 0)
        .map(({ value, encounters, people, placed }) => ({ value, encounters, people, placed })).sort((a, b) => (a.value < b.value ? -1 : 1));
      expect(pathways).toEqual(await sql(plain.byPathway(f)));

      const [n] = await sql(plain.funnel(f));
      expect(funnel(d, f).map((s) => s.count)).toEqual([n!.n0, n!.n1, n!.n2, n!.n3, n!.n4]);

      const [tt] = placementTimes(d, f);
      const [tr] = await sql(plain.times(f));
      expect([tt!.placed, tt!.within24, tt!.within72]).toEqual([tr!.placed, tr!.within24, tr!.within72]);
      close(tt!.medianHours, tr!.medianHours as number | null);
      close(tt!.p90Hours, tr!.p90Hours as number | null);

      const costs = costsBy(d, 'category', f).sort((a, b) => (a.value < b.value ? -1 : 1));
      const costRows = await sql(plain.costsByCategory(f));
      expect(costs.map((c) => [c.value, c.entries])).toEqual(costRows.map((c) => [c.value, c.entries]));
      costs.forEach((c, i) => close(c.amount, costRows[i]!.amount as number | null));

      const [x] = naloxoneTotals(d, f);
      const [xr] = await sql(plain.naloxone(f));
      expect([x!.administrations, x!.doses, x!.survived, x!.died]).toEqual([xr!.administrations, xr!.doses, xr!.survived, xr!.died]);
    }), RUNS);
  }, 120_000);
});
