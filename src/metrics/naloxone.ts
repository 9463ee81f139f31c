import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { encounterWhere, monthSpine, naloxoneWhere, type ProgramFilter } from './filters.ts';
import * as local from './local/naloxone.ts';
import { query } from './query.ts';

export const OUTCOMES = ['survived', 'transported', 'died', 'unknown'] as const;

export interface MonthlyNaloxone extends Record<string, unknown> {
  month: Date;
  administrations: number;
  doses: number;
  survived: number;
  transported: number;
  died: number;
  unknown: number;
}

/** Naloxone administrations by officers (one row of the log each), the doses given, and the
 *  outcomes, per month of the log's date. A blank outcome counts as unknown. */
export function naloxoneByMonth(f: ProgramFilter) {
  return query<MonthlyNaloxone>(`
    WITH n AS (SELECT CAST(date_trunc('month', date) AS DATE) AS month, doses, coalesce(outcome, 'unknown') AS outcome
      FROM naloxone WHERE ${naloxoneWhere(f)})
    SELECT m.month, count(n.month) AS administrations, coalesce(sum(n.doses), 0) AS doses,
      ${OUTCOMES.map((o) => `count(*) FILTER (WHERE n.outcome = '${o}') AS ${o}`).join(', ')}
    FROM ${monthSpine('naloxone', 'date', { periods: f.periods })} m LEFT JOIN n ON n.month = m.month
    GROUP BY m.month ORDER BY m.month`, (ix) => local.naloxoneByMonth(ix, f));
}

export interface NaloxoneTotals extends Record<string, unknown> {
  administrations: number; doses: number; survived: number; transported: number; died: number; unknown: number;
}

export function naloxoneTotals(f: ProgramFilter) {
  return query<NaloxoneTotals>(`
    SELECT count(*) AS administrations, coalesce(sum(doses), 0) AS doses,
      ${OUTCOMES.map((o) => `count(*) FILTER (WHERE coalesce(outcome, 'unknown') = '${o}') AS ${o}`).join(', ')}
    FROM naloxone WHERE ${naloxoneWhere(f)}`, (ix) => local.naloxoneTotals(ix, f));
}

export interface MonthlyKits extends Record<string, unknown> { month: Date; kits: number; encounters: number; recorded: number }

/** Naloxone kits handed out at program encounters, per month of the encounter. `recorded` counts
 *  encounters where the kit field is filled in at all. */
export function kitsByMonth(f: ProgramFilter) {
  return query<MonthlyKits>(`
    WITH e AS (SELECT month, naloxone_kit_given AS kit
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)})
    SELECT m.month, count(*) FILTER (WHERE e.kit) AS kits, count(e.month) AS encounters, count(e.kit) AS recorded
    FROM ${monthSpine(ENCOUNTER_FACTS, 'encounter_date', f)} m LEFT JOIN e ON e.month = m.month
    GROUP BY m.month ORDER BY m.month`, (ix) => local.kitsByMonth(ix, f));
}

export interface KitTotals extends Record<string, unknown> { kits: number; people: number; recorded: number; encounters: number }

/** Naloxone kits handed out at program encounters in the filter, the distinct people given one,
 *  and how many encounters have the kit field filled in. */
export function kitTotals(f: ProgramFilter) {
  return query<KitTotals>(`
    SELECT count(*) FILTER (WHERE naloxone_kit_given) AS kits,
      count(DISTINCT participant_id) FILTER (WHERE naloxone_kit_given) AS people,
      count(naloxone_kit_given) AS recorded, count(*) AS encounters
    FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}`, (ix) => local.kitTotals(ix, f));
}
