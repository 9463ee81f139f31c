import type { EndingRow } from './TwelveMonthChart.tsx';
import { fmt } from '../components/format.ts';
import { KpiCard } from '../components/KpiCard.tsx';
import { latestComparison, twelveMonthEnding, yearOverYear, type MonthValue } from '../analysis/rolling.ts';

export const ym = (d: Date) => d.toISOString().slice(0, 7);
const date = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** Chart rows from a monthly series (summed into 12-month-ending counts first) or from a series
 *  already published as 12-month-ending counts (CDC). */
export function endingRows(series: readonly { month: Date; value: number | null; status?: string | null }[], alreadyEnding: boolean): EndingRow[] {
  const mv: MonthValue[] = series.map((s) => ({ month: ym(s.month), value: s.value }));
  const ending = alreadyEnding ? mv : twelveMonthEnding(mv);
  const status = new Map(series.map((s) => [ym(s.month), s.status ?? null]));
  return yearOverYear(ending).map((r) => ({ month: date(r.month), value: r.value, yearEarlier: r.yearEarlier, change: r.change, status: r.value == null ? status.get(r.month) ?? null : null }));
}

/** The latest 12-month-ending count beside the one a year earlier. */
export function YearOverYearKpi({ rows, label, testId, definition }: { rows: EndingRow[]; label: string; testId: string; definition: string }) {
  const latest = latestComparison(rows.map((r) => ({ month: ym(r.month), value: r.value })));
  if (!latest) return <KpiCard testId={testId} label={label} value="—" definition={`${definition} Not enough months for a 12-month count.`} />;
  const pct = latest.ratioChange;
  const last = rows.at(-1);
  const later = last && ym(last.month) !== latest.month ? ` Later months up to ${fmt.month(last.month)} are ${last.status ?? 'not given'}.` : '';
  return (
    <KpiCard testId={testId} label={`${label}, 12 months ending ${fmt.month(date(latest.month))}`} value={fmt.int(latest.value)}
      detail={latest.yearEarlier == null ? 'No count for the same 12 months a year earlier.'
        : `${fmt.int(latest.yearEarlier)} a year earlier (${latest.change! > 0 ? '+' : latest.change! < 0 ? '−' : '±'}${fmt.int(Math.abs(latest.change!))}${pct != null ? `, ${pct > 0 ? '+' : pct < 0 ? '−' : ''}${fmt.pct(Math.abs(pct))}` : ''})`}
      definition={`${definition}${later}`} />
  );
}
