import type { Period } from '../analysis/periods.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';

export type { Period } from '../analysis/periods.ts';

/** SQL condition that keeps rows whose `column` falls in the period. */
export function periodCondition(column: string, p: Period): string {
  const parts: string[] = [];
  if (p.from) parts.push(`${column} >= CAST(${sqlString(p.from)} AS DATE)`);
  if (p.to) parts.push(`${column} < CAST(${sqlString(p.to)} AS DATE)`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/** What the program pages are narrowed to. A row must fall in every period listed (so that
 *  narrowing a view twice is the same as narrowing it once to the overlap), and its agency,
 *  pathway and treatment type must be among those listed, where a list is given. */
export interface ProgramFilter {
  periods: readonly Period[];
  agency?: readonly string[];
  pathway?: readonly string[];
  treatment?: readonly string[];
}

export const NO_FILTER: ProgramFilter = { periods: [] };

export function filterFor(period: Period, rest: Omit<ProgramFilter, 'periods'> = {}): ProgramFilter {
  return { periods: [period], ...rest };
}

function inList(column: string, values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return `${sqlIdent(column)} IN (${values.map(sqlString).join(', ')})`;
}

function periodsCondition(column: string, f: ProgramFilter): string[] {
  return f.periods.map((p) => periodCondition(column, p)).filter((c) => c !== 'true');
}

function and(parts: (string | null)[]): string {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(' AND ') : 'true';
}

/** Encounters: period by encounter date, then agency, pathway and treatment type. */
export function encounterWhere(f: ProgramFilter): string {
  return and([...periodsCondition('encounter_date', f), inList('agency', f.agency), inList('pathway', f.pathway),
    inList('treatment_type', f.treatment)]);
}

/** The cost ledger has no agency, pathway or treatment: it is narrowed by its date only. */
export function costWhere(f: ProgramFilter): string {
  return and(periodsCondition('date', f));
}

/** The naloxone log: its date and its agency. */
export function naloxoneWhere(f: ProgramFilter): string {
  return and([...periodsCondition('date', f), inList('agency', f.agency)]);
}

/** True when the filter narrows by something the cost ledger does not record. */
export function narrowsBeyondPeriod(f: ProgramFilter): boolean {
  return !!(f.agency?.length || f.pathway?.length || f.treatment?.length);
}

/** A month spine for monthly series: every month from the first to the last month that has rows
 *  in `table` (over all loaded data), clipped to the filter's periods, so that months with
 *  nothing in them show as zero instead of disappearing. */
export function monthSpine(table: string, dateColumn: string, f: ProgramFilter): string {
  const clip = f.periods.flatMap((p) => [
    p.from ? `month >= CAST(date_trunc('month', CAST(${sqlString(p.from)} AS DATE)) AS DATE)` : null,
    p.to ? `month < CAST(${sqlString(p.to)} AS DATE)` : null,
  ]);
  return `(SELECT month FROM (
      SELECT CAST(unnest(generate_series(date_trunc('month', min(${dateColumn})), date_trunc('month', max(${dateColumn})), INTERVAL 1 MONTH)) AS DATE) AS month
      FROM ${table}) WHERE ${and(clip)})`;
}
