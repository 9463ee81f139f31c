import fc from 'fast-check';
import type { Period } from '../../../src/domain/periods.ts';
import { sqlString } from '../../../src/db/sql.ts';
import { PATHWAYS } from '../../../src/ingest/kinds/programFiles.ts';
import type { ProgramFilter } from '../../../src/domain/filter.ts';
import { readProgram, type ProgramData } from '../../../src/metrics/records.ts';
import type { TestDb } from '../../helpers/node.ts';
import { putRows } from '../../helpers/rows.ts';

/** Random programs (encounters, costs, naloxone) over 2023-2024, written straight into the
 *  canonical tables, and random filters over them. */
const DAY0 = Date.UTC(2023, 0, 1);
const dayIso = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 730 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const AGENCIES = ['A', 'B', 'C'];
const TREATMENTS = ['detox', 'outpatient', 'MOUD methadone', 'recovery support', 'none'];

const encounter = fc.record({
  person: fc.integer({ min: 1, max: 12 }),
  // Now and then an undated encounter (the table allows it): in no period with an end, last in
  // the records' date order. Minutes often repeat, so that one person's encounters share a time.
  day: fc.option(day, { nil: null, freq: 10 }), minute: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 720)),
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
export const program = fc.record({
  encounters: fc.array(encounter, { maxLength: 40 }),
  costs: fc.array(cost, { maxLength: 15 }),
  naloxone: fc.array(dose, { maxLength: 15 }),
});
/** The same with lengths spread over the whole range (fast-check otherwise keeps arrays short),
 *  so that people with five or more encounters, and busy months, are common. */
export const fullProgram = fc.record({
  encounters: fc.array(encounter, { maxLength: 40, size: 'max' }),
  costs: fc.array(cost, { maxLength: 15, size: 'max' }),
  naloxone: fc.array(dose, { maxLength: 15, size: 'max' }),
});
export const period: fc.Arbitrary<Period> = fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })
  .map(({ from, to }) => ({ ...(from !== undefined ? { from: dayIso(from) } : {}), ...(to !== undefined ? { to: dayIso(to) } : {}) }));
const subset = <T>(xs: readonly T[], freq?: number) => fc.option(fc.subarray([...xs], { minLength: 1 }), { nil: undefined, freq });
const filterOf = (freq?: number): fc.Arbitrary<ProgramFilter> => fc.record({
  periods: fc.array(period, { maxLength: 2 }),
  agency: subset(AGENCIES, freq), pathway: subset(PATHWAYS, freq), treatment: subset(TREATMENTS, freq),
}).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ProgramFilter);
export const filter = filterOf();
/** Filters that leave agency, pathway and treatment open half the time each (the pages' most
 *  common case: one of them, or none, chosen). */
export const wideFilter = filterOf(2);

export type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;
const v = (x: string | boolean | number | null) => (x === null ? 'NULL' : typeof x === 'string' ? sqlString(x) : String(x));

/** Writes the program into the canonical tables (as three loaded files) and reads it back as the app does. */
export async function write(t: TestDb, p: Program): Promise<ProgramData> {
  await putRows(t.conn, 'encounters', 'random-encounters', ['encounter_id', 'participant_id', 'encounter_date', 'agency', 'pathway', 'age_band', 'eligible',
    'placement_offered', 'placement_date', 'treatment_type', 'engaged_30d', 'naloxone_kit_given'], p.encounters.map((e, i) => {
    const at = DAY0 + (e.day ?? 0) * 86_400_000 + e.minute * 60_000;
    const ts = (ms: number) => `TIMESTAMP ${sqlString(new Date(ms).toISOString().replace('T', ' ').slice(0, 19))}`;
    return `(${v(`E${i}`)}, ${v(`P${e.person}`)}, ${e.day === null ? 'NULL::TIMESTAMP' : ts(at)}, ${v(e.agency)}, ${v(e.pathway)}, ${v(e.age)}, ${v(e.eligible)}, ${v(e.offered)},
      ${e.placedAfterMinutes === null ? 'NULL::TIMESTAMP' : ts(at + e.placedAfterMinutes * 60_000)}, ${v(e.treatment)}, ${v(e.engaged)}, ${v(e.kit)})`;
  }));
  await putRows(t.conn, 'costs', 'random-costs', ['date', 'amount', 'category', 'funding_source'], p.costs.map((c) =>
    `(DATE ${sqlString(dayIso(c.day))}, ${c.cents / 100}, ${v(c.category)}, ${v(c.fund)})`));
  await putRows(t.conn, 'naloxone', 'random-naloxone', ['date', 'agency', 'doses', 'outcome'], p.naloxone.map((n) =>
    `(DATE ${sqlString(dayIso(n.day))}, ${v(n.agency)}, ${n.doses}, ${v(n.outcome)})`));
  return readProgram(t.conn);
}

