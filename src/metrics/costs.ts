import { group } from 'd3-array';
import { utcDay, utcMonth } from 'd3-time';
import { periodOnly, type ProgramFilter } from '../domain/filter.ts';
import type { Award } from '../domain/programInfo.ts';
import type { ProgramData } from './records.ts';
import { costsIn, encountersIn, monthSpine } from './selection.ts';
import { compareText, people, ratio, sumOrNull } from './tally.ts';

/** Costs are narrowed by their date only: the ledger records no agency, pathway or treatment.
 *  The per-person and per-encounter figures therefore divide by the whole program's counts in
 *  the period, whatever other filter is chosen. */

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
export function costSummary(p: ProgramData, f: ProgramFilter): CostSummary[] {
  const entries = costsIn(p, f);
  const es = encountersIn(p, periodOnly(f));
  const total = sumOrNull(entries, (c) => c.amount);
  const linked = sumOrNull(entries.filter((c) => c.linked), (c) => c.amount);
  const peoplePlaced = people(es.filter((e) => e.placed));
  return [{
    entries: entries.length, total, encounters: es.length, peoplePlaced,
    perEncounter: ratio(total, es.length), perPersonPlaced: ratio(total, peoplePlaced), linkedToEncounter: ratio(linked, total),
  }];
}

export interface CostPart extends Record<string, unknown> { value: string; amount: number; entries: number; share: number | null }

export const COST_NOT_RECORDED = '(not recorded)';

/** Spend by category or by funding source; blank cells are their own row, so parts add up to the
 *  total. Largest first, the blank row last. */
export function costsBy(p: ProgramData, column: 'category' | 'funding_source', f: ProgramFilter): CostPart[] {
  const groups = group(costsIn(p, f), (c) => c[column] ?? COST_NOT_RECORDED);
  const parts = [...groups].map(([value, cs]) => ({ value, amount: sumOrNull(cs, (c) => c.amount), entries: cs.length }));
  const total = sumOrNull(parts, (x) => x.amount);
  return parts.map((x) => ({ ...x, amount: x.amount as number, share: ratio(x.amount, total) }))
    .sort((a, b) => Number(a.value === COST_NOT_RECORDED) - Number(b.value === COST_NOT_RECORDED)
      || (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || compareText(a.value, b.value));
}

export interface MonthlyCost extends Record<string, unknown> { month: Date; amount: number; cumulative: number }

/** Spend per month and the running total from the start of the period (months without entries
 *  show zero). */
export function costsByMonth(p: ProgramData, f: ProgramFilter): MonthlyCost[] {
  const months = group(costsIn(p, f), (c) => c.date && utcMonth.floor(c.date));
  let cumulative = 0;
  return monthSpine(p.costs, (c) => c.date, f.periods).map((month) => {
    const amount = sumOrNull(months.get(month) ?? [], (c) => c.amount) ?? 0;
    cumulative += amount;
    return { month, amount, cumulative };
  });
}


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
export function spendAgainstAwards(p: ProgramData, awards: readonly Award[]): AwardSpend[] | null {
  if (awards.length === 0) return null;
  const last = p.costs.reduce<Date | null>((m, c) => (c.date && (!m || c.date > m) ? c.date : m), null);
  return awards.map((a) => {
    const from = new Date(`${a.from}T00:00:00Z`), to = new Date(`${a.to}T00:00:00Z`);
    const amount = Number(a.amount) || 0;
    const spent = sumOrNull(p.costs.filter((c) => c.funding_source === a.fundingSource && c.date && c.date >= from && c.date <= to),
      (c) => c.amount) ?? 0;
    // Days elapsed by the last ledger date, over the award's days, both ends included.
    const elapsed = last ? (utcDay.count(from, last) + 1) / (utcDay.count(from, to) + 1) : 1;
    return { name: a.name, fundingSource: a.fundingSource, amount, from, to, spent, remaining: amount - spent,
      shareSpent: ratio(spent, amount), shareElapsed: Math.max(0, Math.min(1, elapsed)) };
  });
}
