import { narrowsBeyondPeriod, type ProgramFilter } from '../domain/filter.ts';
import type { Encounter, ProgramData } from './records.ts';
import { costsIn, encountersByMonth, encountersIn } from './selection.ts';
import { peopleCounts, quantileOf, ratio, sumOrNull } from './tally.ts';

/** The headline figures of some encounters (those of a filter, or of one agency). */
export interface Headline {
  encounters: number;
  people: number;
  /** Encounters screened eligible; null when none of the encounters records eligibility. */
  eligible: number | null;
  /** Encounters that are placements (domain/placement.ts `isPlaced`). */
  placed: number;
  /** Distinct people with a placement. */
  peoplePlaced: number;
  /** placed / eligible (or placed / encounters when eligibility is not recorded). */
  placementRate: number | null;
  placementBase: 'eligible encounters' | 'all encounters';
  /** The median of the hours from encounter to placement, over placements. */
  medianHoursToPlacement: number | null;
  firstDate: Date | null;
  lastDate: Date | null;
}

/** Headline figures of the program under a filter (encounters by encounter date), with its costs. */
export interface ProgramKpis extends Headline, Record<string, unknown> {
  /** Ledger costs dated in the period; null without ledger entries in it, or when the filter
   *  narrows by agency, pathway or treatment, which the ledger does not record. */
  totalCost: number | null;
  costPerPersonPlaced: number | null;
}

export function programKpis(p: ProgramData, f: ProgramFilter): ProgramKpis[] {
  const k = headline(encountersIn(p, f));
  const entries = narrowsBeyondPeriod(f) ? [] : costsIn(p, f);
  const totalCost = entries.length > 0 ? sumOrNull(entries, (c) => c.amount) : null;
  return [{ ...k, totalCost, costPerPersonPlaced: ratio(totalCost, k.peoplePlaced) }];
}

/** The headline figures of some encounters, in date order (as encountersIn gives them). */
export function headline(es: readonly Encounter[]): Headline {
  let eligibleRecorded = false, eligible = 0, placed = 0;
  for (const e of es) {
    if (e.eligible !== null) eligibleRecorded = true;
    if (e.eligible === true) eligible++;
    if (e.placed) placed++;
  }
  // In date order, undated last: the first and last dated encounters are the range.
  const first = es.find((e) => e.encounter_date)?.encounter_date ?? null;
  const last = es.findLast((e) => e.encounter_date)?.encounter_date ?? null;
  const [people, peoplePlaced] = peopleCounts(es, (e) => e.placed);
  return {
    encounters: es.length,
    people,
    eligible: eligibleRecorded ? eligible : null,
    placed,
    peoplePlaced,
    placementRate: ratio(placed, eligibleRecorded ? eligible : es.length),
    placementBase: eligibleRecorded ? 'eligible encounters' : 'all encounters',
    medianHoursToPlacement: quantileOf(es, 0.5, (e) => (e.placed ? e.hours : null)),
    firstDate: first,
    lastDate: last,
  };
}

export interface MonthlyPlacements extends Record<string, unknown> {
  month: Date;
  encounters: number;
  people: number;
  placed: number;
  peoplePlaced: number;
}

/** Encounters, distinct people and placements per calendar month of the encounter date. Every
 *  month of the loaded data inside the filter's period appears, with zeros where nothing happened.
 *  People are counted once per month: the months' people do not add up to the period's people. */
export function placementsByMonth(p: ProgramData, f: ProgramFilter): MonthlyPlacements[] {
  return encountersByMonth(p, f).map(([month, es]) => {
    const [people, peoplePlaced, placed] = peopleCounts(es, (e) => e.placed);
    return { month, encounters: es.length, people, placed, peoplePlaced };
  });
}
