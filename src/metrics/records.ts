import { bisector, quickselect } from 'd3-array';
import { utcMonth } from 'd3-time';
import type { Connection, Row } from '../db/database.ts';
import { listTest, periodBounds, periodTest, type Period, type ProgramFilter } from '../domain/filter.ts';
import { hoursToPlacement, isPlaced } from '../domain/placement.ts';

/** The program's records, held in the page as plain rows: every program metric (metrics/*.ts but
 *  crime and overdoses) is a TypeScript function of these and a filter. A program's exports are
 *  small (the largest networks report about 12,000 connections in seven years), so a pass over
 *  them takes a millisecond or two; they are read from the database once each time a program file
 *  is loaded or removed (held by state/DataContext.tsx, read by views through state/useProgram.ts;
 *  `readProgram` in Node). Field names are the
 *  canonical columns (db/schema.ts). */
export interface ProgramData {
  /** In order of encounter date, undated last (encountersIn relies on it). */
  encounters: readonly Encounter[];
  costs: readonly CostEntry[];
  naloxone: readonly NaloxoneEntry[];
}

export interface Encounter {
  participant_id: string;
  encounter_date: Date | null;
  agency: string | null;
  pathway: string | null;
  age_band: string | null;
  sex: string | null;
  race_ethnicity: string | null;
  residence: string | null;
  primary_substance: string | null;
  eligible: boolean | null;
  ineligible_reason: string | null;
  placement_offered: boolean | null;
  placement_date: Date | null;
  treatment_type: string | null;
  engaged_30d: string | null;
  naloxone_kit_given: boolean | null;
  /** Worked out once when read: the participant as a number (1, 2, ... in order of first
   *  encounter; counting distinct numbers is quicker than distinct text), the first day of the
   *  encounter's month (UTC), `isPlaced` and `hoursToPlacement` (domain/placement.ts). */
  person: number;
  month: Date | null;
  placed: boolean;
  hours: number | null;
}

export interface CostEntry {
  date: Date | null;
  amount: number | null;
  category: string | null;
  funding_source: string | null;
  /** True when the entry names an encounter. */
  linked: boolean;
}

export interface NaloxoneEntry {
  date: Date | null;
  agency: string | null;
  doses: number | null;
  outcome: string | null;
}

/** The encounter columns read (every canonical column but the encounter ID and the provider). */
export const ENCOUNTER_COLUMNS = ['participant_id', 'encounter_date', 'agency', 'pathway', 'age_band', 'sex', 'race_ethnicity', 'residence',
  'primary_substance', 'eligible', 'ineligible_reason', 'placement_offered', 'placement_date', 'treatment_type', 'engaged_30d',
  'naloxone_kit_given'] as const;

/** Reads the program's three tables in one transaction: a file loaded meanwhile (on another
 *  connection) is either wholly in or wholly out. */
export async function readProgram(conn: Connection): Promise<ProgramData> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const encounters = await conn.query<Omit<Encounter, 'month' | 'placed' | 'hours'>>(
      `SELECT ${ENCOUNTER_COLUMNS.join(', ')} FROM encounters ORDER BY encounter_date NULLS LAST, participant_id`);
    const costs = await conn.query<CostEntry & Row>(
      'SELECT date, amount, category, funding_source, encounter_id IS NOT NULL AS linked FROM costs ORDER BY date NULLS LAST');
    const naloxone = await conn.query<NaloxoneEntry & Row>(
      'SELECT date, agency, CAST(doses AS DOUBLE) AS doses, outcome FROM naloxone ORDER BY date NULLS LAST');
    const persons = new Map<string, number>();
    return {
      // Rows built with one literal shape each, so that every metric's pass over them is quick.
      encounters: encounters.map((e): Encounter => ({
        person: persons.get(e.participant_id) ?? persons.set(e.participant_id, persons.size + 1).size,
        participant_id: e.participant_id, encounter_date: e.encounter_date, agency: e.agency, pathway: e.pathway, age_band: e.age_band,
        sex: e.sex, race_ethnicity: e.race_ethnicity, residence: e.residence, primary_substance: e.primary_substance, eligible: e.eligible,
        ineligible_reason: e.ineligible_reason, placement_offered: e.placement_offered, placement_date: e.placement_date,
        treatment_type: e.treatment_type, engaged_30d: e.engaged_30d, naloxone_kit_given: e.naloxone_kit_given,
        month: e.encounter_date && utcMonth.floor(e.encounter_date), placed: isPlaced(e), hours: hoursToPlacement(e),
      })),
      costs: costs.map((c): CostEntry => ({ date: c.date, amount: c.amount, category: c.category, funding_source: c.funding_source, linked: c.linked })),
      naloxone: naloxone.map((x): NaloxoneEntry => ({ date: x.date, agency: x.agency, doses: x.doses, outcome: x.outcome })),
    };
  } finally {
    await conn.run('COMMIT');
  }
}

/** The last filter's encounters, per program: a page's metrics all narrow by the same filter. */
const lastSelection = new WeakMap<ProgramData, { key: string; rows: readonly Encounter[] }>();

/** Encounters by date, undated last: the order readProgram reads them in. */
const byDate = bisector((e: Encounter) => e.encounter_date?.getTime() ?? Infinity);

/** Each agency's, pathway's and treatment type's encounters, per program, made on first use: a
 *  filter on one value of one of them starts from those encounters instead of testing every one. */
const valueGroups = new WeakMap<ProgramData, Map<FilterField, Map<string | null, Encounter[]>>>();
type FilterField = 'agency' | 'pathway' | 'treatment_type';

function encountersWith(p: ProgramData, field: FilterField, value: string): readonly Encounter[] {
  let fields = valueGroups.get(p);
  if (!fields) valueGroups.set(p, (fields = new Map()));
  let groups = fields.get(field);
  if (!groups) fields.set(field, (groups = groupBy(p.encounters, (e) => e[field])));
  return groups.get(value) ?? [];
}

/** The encounters a filter keeps: by encounter date, agency, pathway and treatment type, in date
 *  order. Treat the array as read-only (it is shared by the metrics of one filter). */
export function encountersIn(p: ProgramData, f: ProgramFilter): readonly Encounter[] {
  const key = JSON.stringify([f.periods, f.agency, f.pathway, f.treatment]);
  const last = lastSelection.get(p);
  if (last?.key === key) return last.rows;
  let rows = p.encounters;
  for (const [field, list] of [['agency', f.agency], ['pathway', f.pathway], ['treatment_type', f.treatment]] as const) {
    if (!list?.length) continue;
    if (rows === p.encounters && list.length === 1) rows = encountersWith(p, field, list[0]!);
    else {
      const test = listTest(list);
      rows = rows.filter((e) => test(e[field]));
    }
  }
  // The encounters are in date order (readProgram; grouping and filtering keep it), so those of a
  // period are a slice, found by bisection; an undated encounter falls in no period with an end.
  const [from, to] = periodBounds(f.periods);
  if (from !== -Infinity || to !== Infinity) rows = rows.slice(byDate.left(rows, from), byDate.left(rows, to));
  lastSelection.set(p, { key, rows });
  return rows;
}

/** Every month of the spine (`monthSpine` of the encounters, clipped to the filter's periods) with
 *  the filter's encounters of that month. The encounters are in date order, so a month's are a
 *  slice of them, found by bisection. */
export function encountersByMonth(p: ProgramData, f: ProgramFilter): [month: Date, encounters: readonly Encounter[]][] {
  const es = encountersIn(p, f);
  return monthSpine(p.encounters, (e) => e.encounter_date, f.periods)
    .map((month) => [month, es.slice(byDate.left(es, month.getTime()), byDate.left(es, utcMonth.offset(month, 1).getTime()))]);
}

/** Ledger entries by their date only: the ledger records no agency, pathway or treatment. */
export function costsIn(p: ProgramData, f: ProgramFilter): CostEntry[] {
  const inPeriod = periodTest(f.periods);
  return p.costs.filter((c) => inPeriod(c.date));
}

/** Naloxone log rows by their date and their agency. */
export function naloxoneIn(p: ProgramData, f: ProgramFilter): NaloxoneEntry[] {
  const inPeriod = periodTest(f.periods), agency = listTest(f.agency);
  return p.naloxone.filter((x) => inPeriod(x.date) && agency(x.agency));
}

/** Each table's first and last date, by its rows (a table is always spanned by the same date
 *  column, and its rows never change once read): worked out once, not on every filter change. */
const tableRanges = new WeakMap<object, { first: Date | null; last: Date | null }>();

/** The months a monthly series shows: every month from the first to the last month of `rows`' dates
 *  (all of a table's rows, not only those the filter keeps, so that months with nothing in them
 *  show as zero instead of disappearing), clipped to the periods: a month is kept from the month a
 *  period starts in, and while it starts before the period's end. */
export function monthSpine<T>(rows: readonly T[], date: (r: T) => Date | null, periods: readonly Period[]): Date[] {
  let range = tableRanges.get(rows);
  if (!range) tableRanges.set(rows, (range = dateRange(rows, date)));
  const { first, last } = range;
  if (!first || !last) return [];
  let from = utcMonth.floor(first), end = utcMonth.offset(utcMonth.floor(last), 1);
  for (const p of periods) {
    if (p.from) from = new Date(Math.max(+from, +utcMonth.floor(new Date(`${p.from}T00:00:00Z`))));
    if (p.to) end = new Date(Math.min(+end, +utcMonth.ceil(new Date(`${p.to}T00:00:00Z`))));
  }
  return utcMonth.range(from, end);
}

/** How many distinct people the encounters are (those that pass `test`, when given). */
export function people(es: readonly Encounter[], test?: (e: Encounter) => boolean): number {
  return peopleCounts(es, test)[1];
}

// Distinct people are counted by marking each person number with the count it was last seen in
// (and last seen passing in): one pass, nothing allocated per count. A page counts people dozens
// of times per filter change (per month, per group), and sets of person numbers were the largest
// cost of a repaint in a profile at 21,500 encounters.
let seenIn = new Int32Array(0), passedIn = new Int32Array(0), counting = 0;

/** How many distinct people the encounters are, and how many of them have an encounter that passes
 *  `test` (all of them without one): [people, people passing]. */
export function peopleCounts(es: readonly Encounter[], test: (e: Encounter) => boolean = () => true): [number, number] {
  if (++counting === 0x7fffffff) { counting = 1; seenIn.fill(0); passedIn.fill(0); }
  let all = 0, passing = 0;
  for (const e of es) {
    const k = e.person;
    if (k >= seenIn.length) grow(k);
    if (seenIn[k] !== counting) { seenIn[k] = counting; all++; }
    if (passedIn[k] !== counting && test(e)) { passedIn[k] = counting; passing++; }
  }
  return [all, passing];
}

function grow(person: number) {
  const size = Math.max(person + 1, seenIn.length * 2, 1024);
  const seen = new Int32Array(size), passed = new Int32Array(size);
  seen.set(seenIn);
  passed.set(passedIn);
  seenIn = seen;
  passedIn = passed;
}

/** The rows by a text key (blank included), in order of first appearance. d3-array's `group` does
 *  the same for any key, but interns each one (for dates), which a profile at 21,500 encounters
 *  put at 3 ms of every filter change; it is kept for the month groups of the small ledger and log. */
export function groupBy<T, K extends string | null>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r), g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export function count<T>(rows: readonly T[], test: (r: T) => boolean): number {
  let n = 0;
  for (const r of rows) if (test(r)) n++;
  return n;
}

/** The sum of the values that are not blank; null when every one is (as SQL's `sum`). */
export function sumOrNull<T>(rows: readonly T[], value: (r: T) => number | null): number | null {
  let s: number | null = null;
  for (const r of rows) {
    const v = value(r);
    if (v !== null && !Number.isNaN(v)) s = (s ?? 0) + v;
  }
  return s;
}

/** The q-quantile of the values that are not blank, interpolated between the two nearest (R-7,
 *  as DuckDB's `quantile_cont`); null without values. */
export function quantileOf<T>(rows: readonly T[], q: number, value: (r: T) => number | null): number | null {
  return quantilesOf(rows, [q], value)[0]!;
}

/** Several quantiles of the same values. Each is found as d3-array's `quantile` finds it (its
 *  `quickselect` puts the value of rank ⌊(n − 1)q⌋ in place, the next one up is the least of the
 *  rest), on a typed array filled directly: `quantile` itself walks a generator, and sorting is
 *  several times slower than selecting at the tens of thousands of placements a network has. */
export function quantilesOf<T>(rows: readonly T[], qs: readonly number[], value: (r: T) => number | null): (number | null)[] {
  const all = new Float64Array(rows.length);
  let n = 0;
  for (const r of rows) {
    const v = value(r);
    if (v !== null && !Number.isNaN(v)) all[n++] = v;
  }
  const xs = all.subarray(0, n);
  return qs.map((q) => {
    if (n === 0) return null;
    const i = (n - 1) * q, i0 = Math.floor(i);
    quickselect(xs as unknown as number[], i0);
    const lower = xs[i0]!;
    if (i0 === i) return lower;
    let upper = Infinity;
    for (let j = i0 + 1; j < n; j++) if (xs[j]! < upper) upper = xs[j]!;
    return lower + (upper - lower) * (i - i0);
  });
}

/** a / b, null when either is null or b is 0 (as SQL's `a / NULLIF(b, 0)`). */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** The first and last date of the rows; null when none is dated. */
export function dateRange<T>(rows: readonly T[], date: (r: T) => Date | null): { first: Date | null; last: Date | null } {
  let first: Date | null = null, last: Date | null = null;
  for (const r of rows) {
    const d = date(r);
    if (!d) continue;
    if (!first || d.getTime() < first.getTime()) first = d;
    if (!last || d.getTime() > last.getTime()) last = d;
  }
  return { first, last };
}

/** Text order as the database sorts it (by code point). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
