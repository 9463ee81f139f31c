import { bisector } from 'd3-array';
import { utcMonth } from 'd3-time';
import { listTest, periodBounds, periodTest, type Period, type ProgramFilter } from '../domain/filter.ts';
import type { CostEntry, Encounter, NaloxoneEntry, ProgramData } from './records.ts';
import { dateRange, groupBy } from './tally.ts';

/** What a filter keeps of the program's records (records.ts), for the metrics to count. */

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
