import { utcDay } from 'd3-time';
import type { ProgramData } from './records.ts';
import { count, dateRange } from './tally.ts';
import type { SpanRow } from './partialMonths.ts';

/** What the program's loaded records cover, unfiltered: which tables and columns are filled in and
 *  the dates they span. A page hides what no loaded file feeds, and a report says "no records
 *  loaded" for a period outside them rather than reporting zeros nobody counted. */

export interface TableCounts extends Record<string, unknown> { encounters: number; costs: number; naloxone: number }

/** How many rows each program table holds. */
export function programTableCounts(p: ProgramData): TableCounts[] {
  return [{ encounters: p.encounters.length, costs: p.costs.length, naloxone: p.naloxone.length }];
}

/** The optional encounter columns, whose presence the pages check. */
export const OPTIONAL_COLUMNS = ['agency', 'pathway', 'age_band', 'sex', 'race_ethnicity', 'residence', 'primary_substance', 'eligible',
  'ineligible_reason', 'placement_offered', 'placement_date', 'treatment_type', 'engaged_30d', 'naloxone_kit_given'] as const;

export interface ColumnPresence extends Record<string, unknown> { column: string; filled: number }

/** How many encounters have a value in each optional column: a column nobody filled in (or that
 *  the export does not have) is hidden from the pages, with the reason. */
export function encounterColumnsFilled(p: ProgramData): ColumnPresence[] {
  return OPTIONAL_COLUMNS.map((column) => ({ column, filled: count(p.encounters, (e) => e[column] !== null) }));
}

export interface TableRanges extends Record<string, unknown> {
  encountersFirst: Date | null; encountersLast: Date | null;
  naloxoneFirst: Date | null; naloxoneLast: Date | null;
  costsFirst: Date | null; costsLast: Date | null;
}

/** The first and last days each program table covers. */
export function tableRanges(p: ProgramData): TableRanges[] {
  const e = dateRange(p.encounters, (x) => x.encounter_date && utcDay.floor(x.encounter_date));
  const n = dateRange(p.naloxone, (x) => x.date);
  const c = dateRange(p.costs, (x) => x.date);
  return [{ encountersFirst: e.first, encountersLast: e.last, naloxoneFirst: n.first, naloxoneLast: n.last, costsFirst: c.first, costsLast: c.last }];
}

/** The span of the program's encounters, for the partial-month rule (metrics/partialMonths.ts): one
 *  over all encounter files (a program's exports are successive extracts of one records system),
 *  series 'encounters'; no row without dated encounters. */
export function encounterSpans(p: ProgramData): SpanRow[] {
  const days = new Set<number>();
  for (const e of p.encounters) if (e.encounter_date) days.add(utcDay.floor(e.encounter_date).getTime());
  if (days.size === 0) return [];
  const { first, last } = dateRange([...days], (t) => new Date(t));
  return [{ series: 'encounters', file: 'all', first: first!, last: last!, days: days.size }];
}
