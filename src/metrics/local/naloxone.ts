import type { ProgramFilter } from '../filters.ts';
import { OUTCOMES, type KitTotals, type MonthlyKits, type MonthlyNaloxone, type NaloxoneTotals } from '../naloxone.ts';
import { DistinctPeople } from './aggregate.ts';
import { DaySlots } from './daySlots.ts';
import type { ProgramIndex } from './programIndex.ts';
import { monthDate, monthSpine, selectEncounters, selectNaloxone } from './select.ts';

/** Each outcome code's position in OUTCOMES as `coalesce(outcome, 'unknown')` matches it (a blank
 *  outcome is 'unknown'); -1 for an outcome that is none of them, which no column counts. */
function outcomeSlots(dict: readonly (string | null)[]): Int8Array {
  const out = new Int8Array(dict.length);
  for (let k = 0; k < dict.length; k++) out[k] = (OUTCOMES as readonly string[]).indexOf(dict[k] ?? 'unknown');
  return out;
}

/** metrics/naloxone.ts `naloxoneTotals`, from the index: over the log in the filter (date and
 *  agency), count(*), coalesce(sum(doses), 0) (blank doses skipped) and the count per outcome. */
export function naloxoneTotals(ix: ProgramIndex, f: ProgramFilter): NaloxoneTotals[] {
  const { doses: dosesCol, outcome, dict } = ix.naloxone;
  const slotOf = outcomeSlots(dict.outcome);
  const counts = [0, 0, 0, 0];
  let doses = 0;
  const rows = selectNaloxone(ix, f);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const d = dosesCol[i]!;
    if (d === d) doses += d;
    const o = slotOf[outcome[i]!]!;
    if (o >= 0) counts[o]!++;
  }
  return [{ administrations: rows.length, doses, ...outcomeRow(counts) }];
}

function outcomeRow(counts: number[]): Record<(typeof OUTCOMES)[number], number> {
  return Object.fromEntries(OUTCOMES.map((o, k) => [o, counts[k]!])) as Record<(typeof OUTCOMES)[number], number>;
}

/** metrics/naloxone.ts `naloxoneByMonth`, from the index: the month spine of the log's dates,
 *  clipped to the filter's periods only, LEFT JOINed by month to the log in the filter; per month
 *  the rows, coalesce(sum(doses), 0) and the count per outcome (a row without a date joins no month). */
export function naloxoneByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyNaloxone[] {
  const { day, doses: dosesCol, outcome, dict, monthMin, monthMax } = ix.naloxone;
  const months = monthSpine(monthMin, monthMax, f.periods);
  const nm = months.length, no = OUTCOMES.length;
  const slots = new DaySlots(months);
  const slotOf = outcomeSlots(dict.outcome);
  const administrations = new Int32Array(nm), doses = new Float64Array(nm), outcomes = new Int32Array(nm * no);
  const rows = selectNaloxone(ix, f);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = slots.slot(day[i]!);
    if (k < 0) continue;
    administrations[k]!++;
    const d = dosesCol[i]!;
    if (d === d) doses[k]! += d;
    const o = slotOf[outcome[i]!]!;
    if (o >= 0) outcomes[k * no + o]!++;
  }
  return months.map((m, k) => ({
    month: monthDate(m), administrations: administrations[k]!, doses: doses[k]!,
    ...outcomeRow(Array.from(outcomes.subarray(k * no, k * no + no))),
  }));
}

/** metrics/naloxone.ts `kitsByMonth`, from the index: the month spine of the encounter dates
 *  clipped to the periods, LEFT JOINed by month to the encounters in the filter; per month the
 *  kits given, the encounters, and the encounters with the kit field filled in. */
export function kitsByMonth(ix: ProgramIndex, f: ProgramFilter): MonthlyKits[] {
  const { month, kit: kitCol, monthMin, monthMax } = ix.encounters;
  const months = monthSpine(monthMin, monthMax, f.periods);
  const nm = months.length;
  // The spine is a run of consecutive months: month m is slot m - first (NO_DATE falls outside).
  const first = months[0] ?? 0;
  // One count per month and kit value (-1 blank, 0 no, 1 yes) at counts[3k + kit + 1]: a single
  // increment per row, with no branch on the kit value.
  const counts = new Int32Array(nm * 3);
  const rows = selectEncounters(ix, f);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = month[i]! - first;
    if (k >= 0 && k < nm) counts[3 * k + kitCol[i]! + 1]!++;
  }
  return months.map((m, k) => {
    const blank = counts[3 * k]!, no = counts[3 * k + 1]!, yes = counts[3 * k + 2]!;
    return { month: monthDate(m), kits: yes, encounters: blank + no + yes, recorded: no + yes };
  });
}

/** metrics/naloxone.ts `kitTotals`, from the index: over the encounters in the filter, the kits
 *  given, the distinct people given one, the encounters with the kit field filled in, and all. */
export function kitTotals(ix: ProgramIndex, f: ProgramFilter): KitTotals[] {
  const { kit: kitCol, pid } = ix.encounters;
  const rows = selectEncounters(ix, f);
  const people = DistinctPeople.scratch(ix.encounters.people, 0);
  // Encounters by kit value (-1 blank, 0 no, 1 yes) at counts[kit + 1].
  const counts = new Int32Array(3);
  let nPeople = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const kit = kitCol[i]!;
    counts[kit + 1]!++;
    if (kit === 1 && people.see(pid[i]!)) nPeople++;
  }
  return [{ kits: counts[2]!, people: nPeople, recorded: counts[1]! + counts[2]!, encounters: rows.length }];
}
