import type { Period } from './periods.ts';

export type { Period } from './periods.ts';

/** What the program pages are narrowed to. A record must fall in every period listed (so that
 *  narrowing a view twice is the same as narrowing it once to the overlap), and its agency,
 *  pathway and treatment type must be among those listed, where a list is given. A blank value is
 *  never among them. */
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

/** The same periods, without agency, pathway or treatment: what the cost ledger is narrowed by. */
export function periodOnly(f: ProgramFilter): ProgramFilter {
  return { periods: f.periods };
}

/** True when the filter narrows by something the cost ledger does not record. */
export function narrowsBeyondPeriod(f: ProgramFilter): boolean {
  return !!(f.agency?.length || f.pathway?.length || f.treatment?.length);
}

/** Midnight UTC of an ISO day: where a period starts or ends. */
export const dayStart = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** True when `date` falls in every period: on or after its first day and before its end. A record
 *  without a date falls in no period that has an end, and in a period without ends. */
export function inPeriods(date: Date | null, periods: readonly Period[]): boolean {
  for (const p of periods) {
    if (!p.from && !p.to) continue;
    if (!date) return false;
    const t = date.getTime();
    if (p.from && t < dayStart(p.from)) return false;
    if (p.to && t >= dayStart(p.to)) return false;
  }
  return true;
}

/** True when `list` does not narrow, or names `value` (a blank value is never listed). */
export function listed(value: string | null, list: readonly string[] | undefined): boolean {
  return !list || list.length === 0 || (value !== null && list.includes(value));
}
