import { filterFor, NO_FILTER, type ProgramFilter } from '../domain/filter.ts';
import { TREATMENT_TYPES } from '../ingest/kinds/programFiles.ts';
import { encountersBy, NOT_RECORDED } from '../metrics/breakdowns.ts';
import { costSummary } from '../metrics/costs.ts';
import { programKpis } from '../metrics/placements.ts';
import type { ProgramData } from '../metrics/records.ts';
import { placementTimes } from '../metrics/timeToPlacement.ts';

/** The program figures the public snapshot publishes, by calendar year: the app's own metrics
 *  (metrics/*.ts) for each year, so a published number is the number the pages show for that
 *  year. Only counts over groups leave here; suppression happens after (snapshot/suppression.ts). */

const year = (y: number): ProgramFilter => filterFor({ from: `${y}-01-01`, to: `${y + 1}-01-01` });
const yearsOf = (dates: readonly (Date | null)[]) =>
  [...new Set(dates.filter((d): d is Date => d !== null).map((d) => d.getUTCFullYear()))].sort((a, b) => a - b);

/** The calendar years with encounters. */
export function encounterYears(p: ProgramData): number[] {
  return yearsOf(p.encounters.map((e) => e.encounter_date));
}

export interface YearPeople { year: number; people: number; encounters: number; peoplePlaced: number }

/** Per calendar year of the encounter: distinct people, encounters, distinct people placed. */
export function peopleByYear(p: ProgramData): YearPeople[] {
  return encounterYears(p).map((y) => {
    const [k] = programKpis(p, year(y));
    return { year: y, people: k!.people, encounters: k!.encounters, peoplePlaced: k!.peoplePlaced };
  });
}

/** All encounters and distinct people, and the first and last encounter. */
export function overallTotals(p: ProgramData) {
  const [k] = programKpis(p, NO_FILTER);
  return { people: k!.people, encounters: k!.encounters, first: k!.firstDate, last: k!.lastDate };
}

export interface TreatmentYear { treatment: string; year: number; placements: number }

/** The grid's label for placements without a treatment type. */
export const TREATMENT_NOT_RECORDED = 'not recorded';

/** Placements by treatment type and year: every standard type and every year with encounters
 *  appears (zeros included), so the grid is complete and additive; placements with no treatment
 *  type recorded are a row of their own, so a year's column adds up to its placements of the
 *  standard types. */
export function placementsByTreatmentAndYear(p: ProgramData): TreatmentYear[] {
  const types = [...TREATMENT_TYPES.filter((t) => t !== 'none'), TREATMENT_NOT_RECORDED];
  const years = encounterYears(p).map((y) => ({ y, rows: encountersBy(p, 'treatment_type', year(y)) }));
  return types.flatMap((treatment) => years.map(({ y, rows }) => {
    const value = treatment === TREATMENT_NOT_RECORDED ? NOT_RECORDED : treatment;
    return { treatment, year: y, placements: rows.find((r) => r.value === value)?.placed ?? 0 };
  }));
}

export interface YearTimes { year: number; placed: number; medianHours: number | null; within24: number }

/** Time to placement in the years with placements. */
export function placementTimesByYear(p: ProgramData): YearTimes[] {
  return encounterYears(p).map((y) => {
    const [t] = placementTimes(p, year(y));
    return { year: y, placed: t!.placed, medianHours: t!.medianHours, within24: t!.within24 };
  }).filter((t) => t.placed > 0);
}

export interface YearSpend { year: number; spend: number }

/** Ledger spend per calendar year of the entries' dates. */
export function spendByYear(p: ProgramData): YearSpend[] {
  return yearsOf(p.costs.map((c) => c.date)).map((y) => ({ year: y, spend: costSummary(p, year(y))[0]!.total ?? 0 }));
}
