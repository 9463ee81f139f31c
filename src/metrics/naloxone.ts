import { group } from 'd3-array';
import { utcMonth } from 'd3-time';
import type { ProgramFilter } from '../domain/filter.ts';
import type { NaloxoneEntry, ProgramData } from './records.ts';
import { encountersByMonth, encountersIn, monthSpine, naloxoneIn } from './selection.ts';
import { count, people, sumOrNull } from './tally.ts';

export const OUTCOMES = ['survived', 'transported', 'died', 'unknown'] as const;
type Outcome = (typeof OUTCOMES)[number];

export interface NaloxoneTotals extends Record<string, unknown> {
  administrations: number; doses: number; survived: number; transported: number; died: number; unknown: number;
}

export interface MonthlyNaloxone extends NaloxoneTotals { month: Date }

/** Administrations (one row of the log each), the doses given, and the outcomes. A blank outcome
 *  counts as unknown; an outcome outside the four is in no outcome's count. */
function tally(rows: readonly NaloxoneEntry[]): NaloxoneTotals {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, count(rows, (x) => (x.outcome ?? 'unknown') === o)])) as Record<Outcome, number>;
  return { administrations: rows.length, doses: sumOrNull(rows, (x) => x.doses) ?? 0, ...outcomes };
}

/** Naloxone administrations by officers, the doses given, and the outcomes, per month of the log's
 *  date. */
export function naloxoneByMonth(p: ProgramData, f: ProgramFilter): MonthlyNaloxone[] {
  const months = group(naloxoneIn(p, f), (x) => x.date && utcMonth.floor(x.date));
  return monthSpine(p.naloxone, (x) => x.date, f.periods).map((month) => ({ month, ...tally(months.get(month) ?? []) }));
}

export function naloxoneTotals(p: ProgramData, f: ProgramFilter): NaloxoneTotals[] {
  return [tally(naloxoneIn(p, f))];
}

export interface MonthlyKits extends Record<string, unknown> { month: Date; kits: number; encounters: number; recorded: number }

/** Naloxone kits handed out at program encounters, per month of the encounter. `recorded` counts
 *  encounters where the kit field is filled in at all. */
export function kitsByMonth(p: ProgramData, f: ProgramFilter): MonthlyKits[] {
  return encountersByMonth(p, f).map(([month, es]) => {
    return { month, kits: count(es, (e) => e.naloxone_kit_given === true), encounters: es.length, recorded: count(es, (e) => e.naloxone_kit_given !== null) };
  });
}

export interface KitTotals extends Record<string, unknown> { kits: number; people: number; recorded: number; encounters: number }

/** Naloxone kits handed out at program encounters in the filter, the distinct people given one,
 *  and how many encounters have the kit field filled in. */
export function kitTotals(p: ProgramData, f: ProgramFilter): KitTotals[] {
  const es = encountersIn(p, f);
  const given = es.filter((e) => e.naloxone_kit_given === true);
  return [{ kits: given.length, people: people(given), recorded: count(es, (e) => e.naloxone_kit_given !== null), encounters: es.length }];
}
