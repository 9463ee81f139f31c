import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intersect, type Period } from '../../../src/analysis/periods.ts';
import { encounterFactsSql } from '../../../src/db/derived.ts';
import { sqlString } from '../../../src/db/sql.ts';
import { PATHWAYS } from '../../../src/ingest/kinds/program.ts';
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

/** Random programs (encounters, costs, naloxone) over 2023-2024, written straight into the
 *  canonical tables, and random filters over them. */
const DAY0 = Date.UTC(2023, 0, 1);
const dayIso = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 730 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const AGENCIES = ['A', 'B', 'C'];
const TREATMENTS = ['detox', 'outpatient', 'MOUD methadone', 'none'];

const encounter = fc.record({
  person: fc.integer({ min: 1, max: 12 }),
  day, minute: fc.integer({ min: 0, max: 1439 }),
  agency: maybe(fc.constantFrom(...AGENCIES)),
  pathway: maybe(fc.constantFrom(...PATHWAYS)),
  age: maybe(fc.constantFrom('18-24', '25-34', '35-44')),
  eligible: maybe(fc.boolean()), offered: maybe(fc.boolean()),
  placedAfterMinutes: maybe(fc.integer({ min: 0, max: 20_000 })),
  treatment: maybe(fc.constantFrom(...TREATMENTS)),
  engaged: maybe(fc.constantFrom('yes', 'no', 'unknown')),
  kit: maybe(fc.boolean()),
});
const cost = fc.record({ day, cents: fc.integer({ min: -5_000, max: 500_000 }), category: maybe(fc.constantFrom('staff', 'transport', 'treatment')),
  fund: maybe(fc.constantFrom('Grant', 'Town')) });
const dose = fc.record({ day, agency: maybe(fc.constantFrom(...AGENCIES)), doses: fc.integer({ min: 1, max: 4 }),
  outcome: maybe(fc.constantFrom('survived', 'transported', 'died', 'unknown')) });
const program = fc.record({
  encounters: fc.array(encounter, { maxLength: 40 }),
  costs: fc.array(cost, { maxLength: 15 }),
  naloxone: fc.array(dose, { maxLength: 15 }),
});
const period: fc.Arbitrary<Period> = fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })
  .map(({ from, to }) => ({ ...(from !== undefined ? { from: dayIso(from) } : {}), ...(to !== undefined ? { to: dayIso(to) } : {}) }));
const subset = <T>(xs: readonly T[]) => fc.option(fc.subarray([...xs], { minLength: 1 }), { nil: undefined });
const filter: fc.Arbitrary<ProgramFilter> = fc.record({
  periods: fc.array(period, { maxLength: 2 }),
  agency: subset(AGENCIES), pathway: subset(PATHWAYS), treatment: subset(TREATMENTS),
}).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ProgramFilter);

type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;
const v = (x: string | boolean | number | null) => (x === null ? 'NULL' : typeof x === 'string' ? sqlString(x) : String(x));

async function write(t: TestDb, p: Program): Promise<void> {
  await t.conn.run('DELETE FROM encounters; DELETE FROM costs; DELETE FROM naloxone;');
  if (p.encounters.length) {
    await t.conn.run(`INSERT INTO encounters (encounter_id, participant_id, encounter_date, agency, pathway, age_band, eligible,
      placement_offered, placement_date, treatment_type, engaged_30d, naloxone_kit_given) VALUES ${p.encounters.map((e, i) => {
      const at = DAY0 + e.day * 86_400_000 + e.minute * 60_000;
      const ts = (ms: number) => sqlString(new Date(ms).toISOString().replace('T', ' ').slice(0, 19));
      return `(${v(`E${i}`)}, ${v(`P${e.person}`)}, ${ts(at)}, ${v(e.agency)}, ${v(e.pathway)}, ${v(e.age)}, ${v(e.eligible)}, ${v(e.offered)},
        ${e.placedAfterMinutes === null ? 'NULL' : ts(at + e.placedAfterMinutes * 60_000)}, ${v(e.treatment)}, ${v(e.engaged)}, ${v(e.kit)})`;
    }).join(', ')}`);
  }
  if (p.costs.length) {
    await t.conn.run(`INSERT INTO costs (date, amount, category, funding_source) VALUES ${p.costs.map((c) =>
      `(${sqlString(dayIso(c.day))}, ${c.cents / 100}, ${v(c.category)}, ${v(c.fund)})`).join(', ')}`);
  }
  await t.conn.run(encounterFactsSql());
  if (p.naloxone.length) {
    await t.conn.run(`INSERT INTO naloxone (date, agency, doses, outcome) VALUES ${p.naloxone.map((n) =>
      `(${sqlString(dayIso(n.day))}, ${v(n.agency)}, ${n.doses}, ${v(n.outcome)})`).join(', ')}`);
  }
}

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
