import { utcDay } from 'd3-time';
import type { ProgramFilter } from '../domain/filter.ts';
import { PATHWAYS, TREATMENT_TYPES } from '../ingest/kinds/programFiles.ts';
import type { Encounter, ProgramData } from './records.ts';
import { encountersIn } from './selection.ts';
import { compareText, dateRange, groupBy, peopleCounts } from './tally.ts';

/** The encounter columns the program can be broken down by. */
export const DIMENSIONS = {
  pathway: { label: 'Pathway', vocabulary: PATHWAYS as readonly string[] },
  treatment_type: { label: 'Treatment type', vocabulary: TREATMENT_TYPES as readonly string[] },
  agency: { label: 'Agency', vocabulary: null },
  residence: { label: 'Residence', vocabulary: null },
  age_band: { label: 'Age band', vocabulary: null },
  sex: { label: 'Sex', vocabulary: null },
  race_ethnicity: { label: 'Race / ethnicity', vocabulary: null },
  primary_substance: { label: 'Primary substance', vocabulary: null },
} as const;

export type Dimension = keyof typeof DIMENSIONS;

/** The value shown for a blank cell. */
export const NOT_RECORDED = '(not recorded)';

export interface Breakdown extends Record<string, unknown> {
  value: string;
  encounters: number;
  people: number;
  placed: number;
  peoplePlaced: number;
}

/** Encounters, distinct people and placements for each value of one column. Blank cells form
 *  their own row, so the encounters of all rows add up to the total. A person whose encounters
 *  carry different values is counted under each of them, so people need not add up. Where the
 *  field has a fixed vocabulary (pathways, treatment types), every value appears, with zeros, in
 *  the vocabulary's order; other values follow, largest first, the blank row last. */
export function encountersBy(p: ProgramData, dim: Dimension, f: ProgramFilter): Breakdown[] {
  const vocab = DIMENSIONS[dim].vocabulary ?? [];
  const groups = groupBy(encountersIn(p, f), (e) => e[dim] ?? NOT_RECORDED);
  for (const v of vocab) if (!groups.has(v)) groups.set(v, []);
  const rank = (v: string) => (vocab.includes(v) ? vocab.indexOf(v) : Infinity);
  return [...groups].map(([value, es]) => {
    const [people, peoplePlaced, placed] = peopleCounts(es, (e) => e.placed);
    return { value, encounters: es.length, people, placed, peoplePlaced };
  }).sort((a, b) => (rank(a.value) - rank(b.value) || 0) || Number(a.value === NOT_RECORDED) - Number(b.value === NOT_RECORDED)
    || b.encounters - a.encounters || compareText(a.value, b.value));
}

export interface RepeatVisits extends Record<string, unknown> {
  visits: string;
  people: number;
  encounters: number;
}

/** People by how many encounters they had in the filter's period: 1, 2, 3, 4 and 5 or more. */
export function repeatVisits(p: ProgramData, f: ProgramFilter): RepeatVisits[] {
  const es = encountersIn(p, f);
  // Each person's encounters, by person number; then each person once (their count taken and
  // cleared), walking the encounters rather than every person number of the program.
  const visits = new Int32Array(es.reduce((most, e) => Math.max(most, e.person), 0) + 1);
  for (const e of es) visits[e.person]!++;
  const rows = [1, 2, 3, 4, 5].map((k) => ({ visits: k === 5 ? '5 or more' : String(k), people: 0, encounters: 0 }));
  for (const e of es) {
    const n = visits[e.person]!;
    if (n === 0) continue;
    visits[e.person] = 0;
    const r = rows[Math.min(n, 5) - 1]!;
    r.people++;
    r.encounters += n;
  }
  return rows;
}

export interface PersonGroup extends Record<string, unknown> { value: string | null; people: number }

/** Distinct people by the value on their most recent encounter (one value per person, so the
 *  groups add up to all people), blank last. */
export function peopleByLatest(p: ProgramData, dim: Dimension): PersonGroup[] {
  // A person whose encounters are all undated has no latest value.
  const latest = new Map<string, Encounter | null>();
  for (const e of p.encounters) {
    const had = latest.get(e.participant_id);
    if (!had || (e.encounter_date && (!had.encounter_date || e.encounter_date >= had.encounter_date))) latest.set(e.participant_id, e.encounter_date ? e : had ?? null);
  }
  const by = new Map<string | null, number>();
  for (const e of latest.values()) {
    const v = e ? e[dim] : null;
    by.set(v, (by.get(v) ?? 0) + 1);
  }
  return [...by].map(([value, n]) => ({ value, people: n }))
    .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : compareText(a.value, b.value)));
}

export interface FilterOptions extends Record<string, unknown> { field: 'agency' | 'pathway' | 'treatment'; value: string; n: number }

/** The values the filters offer: agencies, pathways and treatment types present in the data. */
export function filterOptions(p: ProgramData): FilterOptions[] {
  const fields = [['agency', 'agency'], ['pathway', 'pathway'], ['treatment', 'treatment_type']] as const;
  return fields.flatMap(([field, column]) => {
    const by = new Map<string, number>();
    for (const e of p.encounters) {
      const v = e[column];
      if (v !== null) by.set(v, (by.get(v) ?? 0) + 1);
    }
    return [...by].sort((a, b) => compareText(a[0], b[0])).map(([value, n]) => ({ field, value, n }));
  });
}

export interface DataRange extends Record<string, unknown> { first: Date | null; last: Date | null }

/** The first and last days of the program's records (encounters, costs, naloxone): the periods a
 *  user can choose from. */
export function programDataRange(p: ProgramData): DataRange[] {
  const dates = [...p.encounters.map((e) => e.encounter_date && utcDay.floor(e.encounter_date)), ...p.costs.map((c) => c.date), ...p.naloxone.map((x) => x.date)];
  return [dateRange(dates, (d) => d)];
}
