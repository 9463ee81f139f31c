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

/** The instants every period allows, in milliseconds: on or after the first, before the second
 *  (±Infinity where no period bounds them). */
export function periodBounds(periods: readonly Period[]): [from: number, to: number] {
  let from = -Infinity, to = Infinity;
  for (const p of periods) {
    if (p.from) from = Math.max(from, dayStart(p.from));
    if (p.to) to = Math.min(to, dayStart(p.to));
  }
  return [from, to];
}

/** A test of whether a date falls in every period: on or after its first day and before its end. A
 *  record without a date falls in no period that has an end, and in a period without ends. */
export function periodTest(periods: readonly Period[]): (date: Date | null) => boolean {
  const [from, to] = periodBounds(periods);
  if (from === -Infinity && to === Infinity) return () => true;
  return (date) => {
    if (!date) return false;
    const t = date.getTime();
    return t >= from && t < to;
  };
}

/** A test of whether a value is among those listed (always true when the list does not narrow; a
 *  blank value is never listed). */
export function listTest(list: readonly string[] | undefined): (value: string | null) => boolean {
  if (!list || list.length === 0) return () => true;
  // One value (the usual choice) is compared as it is: quicker than a set's lookup.
  if (list.length === 1) {
    const only = list[0];
    return (value) => value === only;
  }
  const wanted = new Set(list);
  return (value) => value !== null && wanted.has(value);
}
