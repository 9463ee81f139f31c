import { useProgram } from '../../state/useProgram.ts';
import { BreakdownChart } from '../../charts/BreakdownChart.tsx';
import { CumulativeCostChart } from '../../charts/CumulativeCostChart.tsx';
import { MonthlyBarsChart } from '../../charts/MonthlyBarsChart.tsx';
import { fmt } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { MethodsPanel } from '../../components/MethodsPanel.tsx';
import { costSummary, costsBy, costsByMonth } from '../../metrics/costs.ts';
import { narrowsBeyondPeriod } from '../../domain/filter.ts';
import type { Filters } from '../../state/useFilters.ts';
import { NoMatch, ProgramPage } from '../program/ProgramPage.tsx';
import { Awards } from './Awards.tsx';
import { CostComparison } from './CostComparison.tsx';

const usd = (v: number) => fmt.usd(v);
const CATEGORY_SERIES = [{ key: 'amount', label: 'Spend', color: '#1f4e79' }];
const SOURCE_SERIES = [{ key: 'amount', label: 'Spend', color: '#2e7d32' }];
const PART_COLUMNS = (label: string) => [{ key: 'value', label }, { key: 'amount', label: 'Amount (USD)', numeric: true, format: (v: unknown) => fmt.usd(v as number) },
  { key: 'entries', label: 'Ledger entries', numeric: true }, { key: 'share', label: '% of spend', numeric: true, format: (v: unknown) => fmt.pct(v as number | null) }];

function CostsBody({ filters }: { filters: Filters }) {
  const f = filters.filter;
  const summary = useProgram(costSummary, f);
  const monthly = useProgram(costsByMonth, f);
  const byCategory = useProgram(costsBy, 'category', f);
  const bySource = useProgram(costsBy, 'funding_source', f);
  const s = summary.rows[0];
  const narrowed = narrowsBeyondPeriod(f);
  if (s && s.entries === 0) return <NoMatch filters={filters} what="ledger entries" />;
  return (
    <>
      {narrowed && (
        <p className="notice" role="note" data-testid="costs-period-only">The cost ledger records no agency, pathway or treatment type, so costs are narrowed by the period only.
          Per-encounter and per-person figures divide by all of the program’s encounters and people placed in the period.</p>
      )}
      {s && (
        <div className="kpis" aria-busy={summary.loading}>
          <KpiCard testId="kpi-total-cost" label="Total spend" value={fmt.usd(s.total)}
            detail={`${fmt.int(s.entries)} ledger entries`} definition="Sum of ledger amounts dated in the period, every category and funding source." />
          <KpiCard testId="kpi-cost-per-person" label="Cost per person placed" value={fmt.usd(s.perPersonPlaced)}
            detail={`${fmt.usd(s.total)} ÷ ${fmt.int(s.peoplePlaced)} people placed`}
            definition="Total spend divided by distinct people with a placement from an encounter in the period." />
          <KpiCard testId="kpi-cost-per-encounter" label="Cost per encounter" value={fmt.usd(s.perEncounter)}
            detail={`${fmt.usd(s.total)} ÷ ${fmt.int(s.encounters)} encounters`} definition="Total spend divided by encounters in the period." />
          <KpiCard testId="kpi-cost-linked" label="Tied to one encounter" value={fmt.pct(s.linkedToEncounter)}
            definition="Share of spend whose ledger entry names an encounter (transport, a treatment bed). The rest is program-wide: staff, supplies." />
        </div>
      )}
      <div className="charts">
        <MonthlyBarsChart testId="chart-cost-month" loading={monthly.loading} rows={monthly.rows} valueKey="amount" valueLabel="USD per month" format={usd}
          title="Spend per month" description="Bars: ledger spend in each month of the period."
          definition="Ledger entries by their date, all categories and funding sources. Months without entries show zero."
          columns={[{ key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) }, { key: 'amount', label: 'Spend (USD)', numeric: true, format: (v) => fmt.usd(v as number) },
            { key: 'cumulative', label: 'Spend to date (USD)', numeric: true, format: (v) => fmt.usd(v as number) }]}
          fileName="spend-per-month" empty="No ledger entries in this period." />
        <CumulativeCostChart rows={monthly.rows} loading={monthly.loading} />
        <BreakdownChart testId="chart-cost-category" loading={byCategory.loading} rows={byCategory.rows} category="value"
          series={CATEGORY_SERIES} format={usd}
          title="Spend by category" description="Bars: spend in the period by the ledger’s category (treatment, transport, naloxone, staff, other)."
          definition="Categories as the ledger records them; blank categories are “(not recorded)”. The rows add up to total spend."
          columns={PART_COLUMNS('Category')} fileName="spend-by-category" />
        <BreakdownChart testId="chart-cost-source" loading={bySource.loading} rows={bySource.rows} category="value"
          series={SOURCE_SERIES} format={usd}
          title="Spend by funding source" description="Bars: spend in the period by the funding source charged."
          definition="Funding sources as the ledger names them; blank sources are “(not recorded)”. The rows add up to total spend."
          columns={PART_COLUMNS('Funding source')} fileName="spend-by-funding-source" />
      </div>
      <Awards />
      <CostComparison peoplePlaced={s?.peoplePlaced ?? null} total={s?.total ?? null} period={filters.period.label} />
      <MethodsPanel items={[
        { term: 'Period', definition: `${filters.period.label}, by the ledger entry’s date (not the date of the encounter it may be for).` },
        { term: 'Spend', definition: 'Amounts in the cost ledger. Treatment paid by insurance or Medicaid is not in a program’s ledger and is not counted.' },
        { term: 'Per person placed', definition: 'Spend in the period ÷ distinct people with a placement from an encounter in the period. Program-wide, whatever agency, pathway or treatment filter is chosen.' },
        { term: 'Per encounter', definition: 'Spend in the period ÷ encounters in the period.' },
        { term: 'Awards', definition: 'Grant awards and budgets you enter. Spend against an award is ledger spend charged to its funding source between its first and last day, whatever period the page shows.' },
        { term: 'Cost comparison', definition: 'Your assumptions, not measurements: the dashboard multiplies them out and shows where they came from.' },
      ]} />
    </>
  );
}

export function CostsPage() {
  return (
    <ProgramPage needs="costs" title="Costs"
      intro="What the program spent, on what, from which funds, and per person placed.">
      {(filters) => <CostsBody filters={filters} />}
    </ProgramPage>
  );
}
