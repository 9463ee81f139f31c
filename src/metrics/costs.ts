import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlString } from '../db/sql.ts';
import { costWhere, encounterWhere, monthSpine, type ProgramFilter } from './filters.ts';
import * as local from './local/costs.ts';
import { query } from './query.ts';

/** Costs are narrowed by their date only: the ledger records no agency, pathway or treatment.
 *  The per-person and per-encounter figures therefore divide by the whole program's counts in
 *  the period, whatever other filter is chosen (see `periodOnly`). */
export function periodOnly(f: ProgramFilter): ProgramFilter {
  return { periods: f.periods };
}

export interface CostSummary extends Record<string, unknown> {
  entries: number;
  total: number | null;
  encounters: number;
  peoplePlaced: number;
  perEncounter: number | null;
  perPersonPlaced: number | null;
  linkedToEncounter: number | null;
}

/** Total spend in the period, per encounter and per person placed in the same period (program
 *  wide), and the share of spend that the ledger ties to a single encounter. */
export function costSummary(f: ProgramFilter) {
  const p = periodOnly(f);
  return query<CostSummary>(`
    WITH c AS (SELECT count(*) AS entries, sum(amount) AS total,
        sum(amount) FILTER (WHERE encounter_id IS NOT NULL) AS linked FROM costs WHERE ${costWhere(p)}),
      e AS (SELECT count(*) AS encounters, count(DISTINCT participant_id) FILTER (WHERE placed) AS peoplePlaced
        FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(p)})
    SELECT c.entries, c.total, e.encounters, e.peoplePlaced,
      c.total / NULLIF(e.encounters, 0) AS perEncounter, c.total / NULLIF(e.peoplePlaced, 0) AS perPersonPlaced,
      c.linked / NULLIF(c.total, 0) AS linkedToEncounter
    FROM c, e`, (ix) => local.costSummary(ix, f));
}

export interface CostPart extends Record<string, unknown> { value: string; amount: number; entries: number; share: number | null }

/** Spend by category or by funding source; blank cells are their own row, so parts add up to the total. */
export function costsBy(column: 'category' | 'funding_source', f: ProgramFilter) {
  return query<CostPart>(`
    SELECT coalesce(${column}, '(not recorded)') AS value, sum(amount) AS amount, count(*) AS entries,
      sum(amount) / NULLIF(sum(sum(amount)) OVER (), 0) AS share
    FROM costs WHERE ${costWhere(periodOnly(f))}
    GROUP BY 1 ORDER BY (value = '(not recorded)'), amount DESC, value`, (ix) => local.costsBy(ix, column, f));
}

export interface MonthlyCost extends Record<string, unknown> { month: Date; amount: number; cumulative: number }

/** Spend per month and the running total from the start of the period (months without entries
 *  show zero). */
export function costsByMonth(f: ProgramFilter) {
  const p = periodOnly(f);
  return query<MonthlyCost>(`
    WITH c AS (SELECT CAST(date_trunc('month', date) AS DATE) AS month, sum(amount) AS amount
      FROM costs WHERE ${costWhere(p)} GROUP BY 1)
    SELECT m.month, coalesce(c.amount, 0) AS amount,
      sum(coalesce(c.amount, 0)) OVER (ORDER BY m.month) AS cumulative
    FROM ${monthSpine('costs', 'date', p)} m LEFT JOIN c ON c.month = m.month
    ORDER BY m.month`, (ix) => local.costsByMonth(ix, f));
}

/** A grant award or budget line entered by the user. `to` is the award's last day (inclusive). */
export interface Award { name: string; fundingSource: string; amount: number; from: string; to: string }

export interface AwardSpend extends Record<string, unknown> {
  name: string;
  fundingSource: string;
  amount: number;
  from: Date;
  to: Date;
  spent: number;
  remaining: number;
  shareSpent: number | null;
  /** Share of the award's time that has passed by the last ledger date. */
  shareElapsed: number | null;
}

/** Spend charged to each award's funding source between the award's first and last day,
 *  against its amount. This ignores the page's period filter: an award has its own period. */
export function spendAgainstAwards(awards: readonly Award[]) {
  if (awards.length === 0) return null;
  const values = awards.map((a, i) => `(${i}, ${sqlString(a.name)}, ${sqlString(a.fundingSource)}, ${Number(a.amount) || 0},
    CAST(${sqlString(a.from)} AS DATE), CAST(${sqlString(a.to)} AS DATE))`).join(', ');
  return query<AwardSpend>(`
    WITH a AS (SELECT * FROM (VALUES ${values}) AS v(ord, name, fundingSource, amount, "from", "to")),
    s AS (SELECT a.ord, coalesce(sum(c.amount), 0) AS spent FROM a
      LEFT JOIN costs c ON c.funding_source = a.fundingSource AND c.date >= a."from" AND c.date <= a."to" GROUP BY a.ord),
    last AS (SELECT max(date) AS d FROM costs)
    SELECT a.name, a.fundingSource, a.amount, a."from", a."to", s.spent, a.amount - s.spent AS remaining,
      s.spent / NULLIF(a.amount, 0) AS shareSpent,
      greatest(0, least(1, (date_diff('day', a."from", last.d) + 1) / (date_diff('day', a."from", a."to") + 1))) AS shareElapsed
    FROM a JOIN s ON s.ord = a.ord, last
    ORDER BY a.ord`);
}

