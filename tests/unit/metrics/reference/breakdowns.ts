/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { sqlIdent, sqlString } from '../../../../src/db/sql.ts';
import { encounterWhere, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { PLACED } from './placements.ts';
import { query } from '../../../../src/metrics/query.ts';
import { DIMENSIONS, NOT_RECORDED, type Breakdown, type Dimension, type RepeatVisits } from '../../../../src/metrics/breakdowns.ts';

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
