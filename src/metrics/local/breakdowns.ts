import type { Breakdown, Dimension, RepeatVisits } from '../breakdowns.ts';
import type { ProgramFilter } from '../filters.ts';
import { DistinctPeople, scratchInt32 } from './aggregate.ts';
import type { EncounterText, ProgramIndex } from './programIndex.ts';
import { selectEncounters } from './select.ts';

/** The index column that holds each dimension. */
const COLUMN: Record<Dimension, EncounterText> = {
  pathway: 'pathway', treatment_type: 'treatment', agency: 'agency', residence: 'residence', age_band: 'ageBand',
  sex: 'sex', race_ethnicity: 'race', primary_substance: 'substance',
};

/** metrics/breakdowns.ts `encountersBy`, from the index. The SQL groups the filtered rows by
 *  `coalesce(value, notRecorded)` (so a cell that literally reads `notRecorded` joins the blanks),
 *  adds the vocabulary as rows that count nothing but carry their position, and orders by
 *  min(position) NULLS LAST, (value = notRecorded), encounters DESC, value. Values outside the
 *  vocabulary are dictionary codes, numbered in DuckDB's own text order (the index's dictionaries
 *  are `row_number() OVER (ORDER BY v)`), so the last key is the code. */
export function encountersBy(ix: ProgramIndex, f: ProgramFilter, dim: Dimension,
  vocabulary: readonly string[] | null, notRecorded: string): Breakdown[] {
  const e = ix.encounters;
  const col = e[COLUMN[dim]], dict = e.dict[COLUMN[dim]];
  // Groups by text: group of each code, and each group's text, vocabulary position and code.
  const values: string[] = [], ord: number[] = [], code: number[] = [];
  const byValue = new Map<string, number>();
  const group = (v: string, k: number) => {
    let g = byValue.get(v);
    if (g === undefined) { byValue.set(v, (g = values.length)); values.push(v); ord.push(Infinity); code.push(k); }
    return g;
  };
  const groupOf = new Int32Array(dict.length);
  groupOf[0] = group(notRecorded, 0);
  for (let k = 1; k < dict.length; k++) groupOf[k] = group(dict[k]!, k);
  vocabulary?.forEach((v, p) => { const g = group(v, -1); ord[g] = Math.min(ord[g]!, p + 1); });
  const G = values.length;

  // Rows bucketed by group (a counting sort), so that each group's people are counted with one
  // generation of the distinct counters.
  const rows = selectEncounters(ix, f);
  const start = new Int32Array(G + 1);
  for (let j = 0; j < rows.length; j++) start[groupOf[col[rows[j]!]!]! + 1]!++;
  for (let g = 0; g < G; g++) start[g + 1]! += start[g]!;
  const at = start.slice(0, G), sorted = scratchInt32('groups', rows.length);
  for (let j = 0; j < rows.length; j++) { const i = rows[j]!; sorted[at[groupOf[col[i]!]!]!++] = i; }

  const people = DistinctPeople.scratch(e.people, 0), peoplePlaced = DistinctPeople.scratch(e.people, 1);
  const out: { r: Breakdown; g: number }[] = [];
  for (let g = 0; g < G; g++) {
    const encounters = start[g + 1]! - start[g]!;
    if (encounters === 0 && ord[g] === Infinity) continue;
    people.reset();
    peoplePlaced.reset();
    let nPeople = 0, placed = 0, nPeoplePlaced = 0;
    for (let j = start[g]!; j < start[g + 1]!; j++) {
      const i = sorted[j]!, pid = e.pid[i]!;
      if (people.see(pid)) nPeople++;
      if (e.placed[i] === 1) {
        placed++;
        if (peoplePlaced.see(pid)) nPeoplePlaced++;
      }
    }
    out.push({ r: { value: values[g]!, encounters, people: nPeople, placed, peoplePlaced: nPeoplePlaced }, g });
  }
  const blank = (g: number) => (values[g] === notRecorded ? 1 : 0);
  out.sort((a, b) => ord[a.g]! - ord[b.g]! || blank(a.g) - blank(b.g) || b.r.encounters - a.r.encounters || code[a.g]! - code[b.g]!);
  return out.map((x) => x.r);
}

/** metrics/breakdowns.ts `repeatVisits`, from the index: each person's encounters under the
 *  filter, capped at 5, and the people and encounters per cap; all five rows, zeros included. */
export function repeatVisits(ix: ProgramIndex, f: ProgramFilter): RepeatVisits[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const perPerson = new Int32Array(e.people + 1);
  for (let j = 0; j < rows.length; j++) perPerson[e.pid[rows[j]!]!]!++;
  const people = [0, 0, 0, 0, 0, 0], encounters = [0, 0, 0, 0, 0, 0];
  for (let pid = 1; pid <= e.people; pid++) {
    const n = perPerson[pid]!;
    if (n === 0) continue;
    const k = n < 5 ? n : 5;
    people[k]!++;
    encounters[k]! += n;
  }
  return [1, 2, 3, 4, 5].map((k) => ({ visits: k === 5 ? '5 or more' : String(k), people: people[k]!, encounters: encounters[k]! }));
}
