import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlString } from '../db/sql.ts';
import { encounterWhere, type ProgramFilter } from './filters.ts';
import * as local from './local/funnel.ts';
import { query } from './query.ts';

export type FunnelStepId = 'encounters' | 'eligible' | 'offered' | 'placed' | 'engaged';

export interface FunnelStep extends Record<string, unknown> {
  ord: number;
  step: FunnelStepId;
  label: string;
  /** Encounters that reached this step, having passed every earlier recorded step. */
  count: number;
  /** The step the percentage is taken of. */
  baseLabel: string | null;
  base: number | null;
  /** count / base. */
  share: number | null;
  /** count / all encounters. */
  shareOfEncounters: number | null;
  /** False when the export does not record this step (the column is empty): the step passes
   *  every encounter of the step before it through, and the page says so. */
  recorded: boolean;
  /** Encounters at the previous step whose value for this step is blank (or, for engagement,
   *  "unknown"). */
  unknown: number;
}

/** The funnel: encounters, eligible, placement offered, placed, engaged at 30 days. Each step
 *  counts the encounters of the step before it that also pass this one, so steps never increase.
 *  A step whose column the export does not fill in is shown as not recorded and lets every
 *  encounter through. An encounter placed without an offer on record is not counted as placed
 *  here (see `outsideFunnel`). */
export function funnel(f: ProgramFilter) {
  const first = 'Encounters';
  const steps: [FunnelStepId, string, string, string, string][] = [
    // id, label, passes, "recorded" test over the filtered rows, column whose blank means unknown
    ['eligible', 'Eligible', 'eligible', 'count(eligible) > 0', 'eligible'],
    ['offered', 'Placement offered', 'placement_offered', 'count(placement_offered) > 0', 'placement_offered'],
    ['placed', 'Placed in treatment', 'placed', '(count(placement_date) > 0 OR count(treatment_type) > 0)', ''],
    ['engaged', 'Engaged at 30 days', `engaged_30d = 'yes'`, 'count(engaged_30d) > 0', 'engaged_30d'],
  ];
  const has = steps.map(([id, , , rec]) => `${rec} AS has_${id}`).join(', ');
  // at_<step>: the encounter reached the step (true where the step is not recorded at all). Each
  // refers to the one before it by its alias, in one select list.
  const at = steps.map(([id, , pass], i) => {
    const prev = i === 0 ? 'true' : `at_${steps[i - 1]![0]}`;
    return `(${prev} AND (NOT h.has_${id} OR coalesce(${pass}, false))) AS at_${id}`;
  });
  const rows = `SELECT e.*, h.*, ${at.join(', ')} FROM e, h`;
  const unknown = steps.map(([id, , , , col], i) => {
    const prev = i === 0 ? 'true' : `at_${steps[i - 1]![0]}`;
    // A blank placement is "not placed", never unknown.
    if (id === 'placed') return `0 AS unknown_${id}`;
    const blank = id === 'engaged' ? `(${col} IS NULL OR ${col} = 'unknown')` : `${col} IS NULL`;
    return `count(*) FILTER (WHERE ${prev} AND ${blank}) AS unknown_${id}`;
  });
  const counts = steps.map(([id]) => `count(*) FILTER (WHERE at_${id}) AS n_${id}`);
  const recorded = steps.map(([id]) => `bool_or(has_${id}) AS r_${id}`);
  const union = [
    `SELECT 0 AS ord, 'encounters' AS step, ${sqlString(first)} AS label, n AS count, NULL AS baseLabel, NULL AS base, true AS recorded, 0 AS unknown FROM c`,
    ...steps.map(([id, label], i) => {
      const [prevId, prevLabel] = i === 0 ? ['', first] : [steps[i - 1]![0], steps[i - 1]![1]];
      const base = i === 0 ? 'n' : `n_${prevId}`;
      return `SELECT ${i + 1}, ${sqlString(id)}, ${sqlString(label)}, n_${id}, ${sqlString(prevLabel)}, ${base}, coalesce(r_${id}, false), unknown_${id} FROM c`;
    }),
  ];
  return query<FunnelStep>(`
    WITH e AS (SELECT eligible, placement_offered, placement_date, treatment_type, engaged_30d, placed
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}),
    h AS (SELECT ${has} FROM e),
    r AS (${rows}),
    c AS (SELECT count(*) AS n, ${counts.join(', ')}, ${unknown.join(', ')}, ${recorded.join(', ')} FROM r),
    u AS (${union.join('\n    UNION ALL ')})
    SELECT ord, step, label, count, baseLabel, base, count / NULLIF(base, 0) AS share,
      count / NULLIF((SELECT n FROM c), 0) AS shareOfEncounters, recorded, unknown
    FROM u ORDER BY ord`, (ix) => local.funnel(ix, f, [first, ...steps.map(([, label]) => label)]));
}

export interface OutsideFunnel extends Record<string, unknown> {
  /** Placements whose encounter is not counted as placed in the funnel, because an earlier
   *  recorded step (eligible, offered) is "no" or blank for it. */
  placedOutside: number;
}

export function outsideFunnel(f: ProgramFilter) {
  return query<OutsideFunnel>(`
    WITH e AS (SELECT eligible, placement_offered, placed
      FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)}),
    h AS (SELECT count(eligible) > 0 AS has_e, count(placement_offered) > 0 AS has_o FROM e)
    SELECT count(*) FILTER (WHERE placed AND ((h.has_e AND NOT coalesce(eligible, false))
      OR (h.has_o AND NOT coalesce(placement_offered, false)))) AS placedOutside
    FROM e, h`, (ix) => local.outsideFunnel(ix, f));
}

/** The reason shown for encounters marked not eligible without one. */
const NO_REASON = '(no reason recorded)';

export interface IneligibleReason extends Record<string, unknown> { reason: string; encounters: number; share: number }

/** Why encounters were not eligible: encounters marked not eligible, by reason (blank reasons
 *  are their own row). share = encounters / all encounters marked not eligible. */
export function ineligibleReasons(f: ProgramFilter) {
  return query<IneligibleReason>(`
    SELECT coalesce(ineligible_reason, ${sqlString(NO_REASON)}) AS reason, count(*) AS encounters,
      count(*) / sum(count(*)) OVER () AS share
    FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND eligible = false
    GROUP BY 1 ORDER BY (reason = ${sqlString(NO_REASON)}), encounters DESC, reason`, (ix) => local.ineligibleReasons(ix, f, NO_REASON));
}
