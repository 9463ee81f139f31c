/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { sqlIdent, sqlString } from '../../../../src/db/sql.ts';
import { PATHWAYS, TREATMENT_TYPES } from '../../../../src/ingest/kinds/program.ts';
import { encounterWhere, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { PLACED } from './placements.ts';
import { query } from '../../../../src/metrics/query.ts';

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
  const spine = vocab
    ? `SELECT unnest([${vocab.map(sqlString).join(', ')}]) AS value, generate_subscripts([${vocab.map(sqlString).join(', ')}], 1) AS ord`
    : `SELECT NULL::VARCHAR AS value, 0 AS ord WHERE false`;
  return query<Breakdown>(`
    WITH e AS (SELECT coalesce(${col}, ${sqlString(NOT_RECORDED)}) AS value, participant_id, ${PLACED} AS placed
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}),
    g AS (SELECT value, count(*) AS encounters, count(DISTINCT participant_id) AS people,
      count(*) FILTER (WHERE placed) AS placed, count(DISTINCT participant_id) FILTER (WHERE placed) AS peoplePlaced
      FROM e GROUP BY value),
    s AS (${spine})
    SELECT coalesce(s.value, g.value) AS value, coalesce(g.encounters, 0) AS encounters, coalesce(g.people, 0) AS people,
      coalesce(g.placed, 0) AS placed, coalesce(g.peoplePlaced, 0) AS peoplePlaced
    FROM s FULL JOIN g ON g.value = s.value
    ORDER BY s.ord NULLS LAST, (coalesce(s.value, g.value) = ${sqlString(NOT_RECORDED)}), encounters DESC, value`);
}

export interface RepeatVisits extends Record<string, unknown> {
  visits: string;
  people: number;
  encounters: number;
}

/** People by how many encounters they had in the filter's period: 1, 2, 3, 4 and 5 or more. */
export function repeatVisits(f: ProgramFilter) {
  return query<RepeatVisits>(`
    WITH p AS (SELECT participant_id, count(*) AS n FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} GROUP BY participant_id),
    s AS (SELECT unnest([1, 2, 3, 4, 5]) AS k)
    SELECT CASE WHEN s.k = 5 THEN '5 or more' ELSE CAST(s.k AS VARCHAR) END AS visits,
      count(p.n) AS people, coalesce(sum(p.n), 0) AS encounters
    FROM s LEFT JOIN p ON least(p.n, 5) = s.k
    GROUP BY s.k ORDER BY s.k`);
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
