import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlIdent, sqlString } from '../db/sql.ts';
import { PATHWAYS, TREATMENT_TYPES } from '../ingest/kinds/program.ts';
import { encounterWhere, type ProgramFilter } from './filters.ts';
import * as local from './local/breakdowns.ts';
import { query } from './query.ts';

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
 *  field has a fixed vocabulary (pathways, treatment types), every value appears, with zeros. */
export function encountersBy(dim: Dimension, f: ProgramFilter) {
  const col = sqlIdent(dim);
  const vocab = DIMENSIONS[dim].vocabulary;
  const list = vocab ? `[${vocab.map(sqlString).join(', ')}]` : null;
  // The vocabulary comes in as rows that count nothing but carry their order (a union, not a join).
  const spine = list
    ? `UNION ALL SELECT unnest(${list}), NULL, NULL, NULL, generate_subscripts(${list}, 1)`
    : '';
  return query<Breakdown>(`
    SELECT value, count(one) AS encounters, count(DISTINCT participant_id) AS people,
      count(one) FILTER (WHERE placed) AS placed, count(DISTINCT participant_id) FILTER (WHERE placed) AS peoplePlaced
    FROM (SELECT coalesce(${col}, ${sqlString(NOT_RECORDED)}) AS value, participant_id, placed, 1 AS one, CAST(NULL AS BIGINT) AS ord
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} ${spine})
    GROUP BY value
    ORDER BY min(ord) NULLS LAST, (value = ${sqlString(NOT_RECORDED)}), encounters DESC, value`,
    (ix) => local.encountersBy(ix, f, dim, vocab, NOT_RECORDED));
}

export interface RepeatVisits extends Record<string, unknown> {
  visits: string;
  people: number;
  encounters: number;
}

/** People by how many encounters they had in the filter's period: 1, 2, 3, 4 and 5 or more. */
export function repeatVisits(f: ProgramFilter) {
  return query<RepeatVisits>(`
    WITH p AS (SELECT least(count(*), 5) AS k, count(*) AS n FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} GROUP BY participant_id)
    SELECT CASE WHEN k = 5 THEN '5 or more' ELSE CAST(k AS VARCHAR) END AS visits,
      count(n) AS people, coalesce(sum(n), 0) AS encounters
    FROM (SELECT * FROM p UNION ALL SELECT unnest([1, 2, 3, 4, 5]), NULL)
    GROUP BY k ORDER BY k`, (ix) => local.repeatVisits(ix, f));
}

export interface FilterOptions extends Record<string, unknown> { field: string; value: string; n: number }

/** The values the filters offer: agencies, pathways and treatment types present in the data. */
export function filterOptions() {
  return query<FilterOptions>(`
    SELECT 'agency' AS field, agency AS value, count(*) AS n FROM ${ENCOUNTER_FACTS} WHERE agency IS NOT NULL GROUP BY agency
    UNION ALL SELECT 'pathway', pathway, count(*) FROM ${ENCOUNTER_FACTS} WHERE pathway IS NOT NULL GROUP BY pathway
    UNION ALL SELECT 'treatment', treatment_type, count(*) FROM ${ENCOUNTER_FACTS} WHERE treatment_type IS NOT NULL GROUP BY treatment_type
    ORDER BY field, value`);
}

export interface DataRange extends Record<string, unknown> { first: Date | null; last: Date | null }

/** The first and last dates of the program's records (encounters, costs, naloxone): the periods
 *  a user can choose from. */
export function programDataRange() {
  return query<DataRange>(`
    SELECT min(d) AS first, max(d) AS last FROM (
      SELECT CAST(encounter_date AS DATE) AS d FROM ${ENCOUNTER_FACTS} UNION ALL SELECT date FROM costs UNION ALL SELECT date FROM naloxone)`);
}
