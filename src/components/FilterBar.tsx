import { useProgram } from '../state/useProgram.ts';
import { useMemo, useState } from 'react';
import { customPeriodName, periodsBetween, previousDay, type PeriodKind } from '../domain/periods.ts';
import { filterOptions, programDataRange } from '../metrics/breakdowns.ts';
import { describeFilters, type Filters } from '../state/useFilters.ts';

const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'all', label: 'All loaded data' },
  { kind: 'year', label: 'Calendar year' },
  { kind: 'fiscal', label: 'Federal fiscal year (Oct–Sep)' },
  { kind: 'half', label: 'Half year (Jan–Jun, Jul–Dec)' },
  { kind: 'quarter', label: 'Quarter' },
  { kind: 'month', label: 'Month' },
  { kind: 'custom', label: 'Custom range' },
];

/** The filters of the program pages. Every control writes to the address; see useFilters. */
export function FilterBar({ filters, show = ['agency', 'pathway', 'treatment'] }: {
  filters: Filters; show?: ('agency' | 'pathway' | 'treatment')[];
}) {
  const range = useProgram(programDataRange);
  const options = useProgram(filterOptions);
  const { period } = filters;
  // A kind chosen before its period is picked; forgotten when the address changes (back, forward).
  const [pending, setPending] = useState<{ after: string; kind: PeriodKind } | null>(null);
  const shownKind = pending && pending.after === period.name ? pending.kind : period.kind;
  const r = range.rows[0];
  const choices = useMemo(() => (r?.first && r.last && shownKind !== 'all' && shownKind !== 'custom'
    ? periodsBetween(shownKind, r.first, r.last) : []), [r?.first, r?.last, shownKind]);
  const values = (field: string) => options.rows.filter((o) => o.field === field);
  const labels = { agency: 'Agency', pathway: 'Pathway', treatment: 'Treatment type' } as const;

  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()} data-testid="filters">
      <fieldset>
        <legend>Reporting period</legend>
        <label>Kind{' '}
          <select value={shownKind} data-testid="period-kind" onChange={(e) => {
            const k = e.target.value as PeriodKind;
            setPending({ after: period.name, kind: k });
            if (k === 'all') filters.set({ period: null });
          }}>
            {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
        </label>
        {choices.length > 0 && (
          <label>Period{' '}
            <select value={period.kind === shownKind ? period.name : ''} data-testid="period"
              onChange={(e) => filters.set({ period: e.target.value || null })}>
              <option value="">Choose…</option>
              {choices.map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
            </select>
          </label>
        )}
        {shownKind === 'custom' && <CustomRange key={period.name} filters={filters} />}
      </fieldset>
      {show.map((field) => (
        <label key={field}>{labels[field]}{' '}
          <select value={filters[field][0] ?? ''} data-testid={`filter-${field}`}
            onChange={(e) => filters.set({ [field]: e.target.value || null })}>
            <option value="">All</option>
            {values(field).map((o) => <option key={o.value} value={o.value}>{o.value}</option>)}
            {filters[field].filter((v) => !values(field).some((o) => o.value === v)).map((v) =>
              <option key={v} value={v}>{v} (not in the data)</option>)}
          </select>
        </label>
      ))}
      {filters.active && <button type="button" className="link" onClick={filters.clear} data-testid="clear-filters">Clear filters</button>}
      <p className="filter-summary" role="status" data-testid="filter-summary">Showing: {describeFilters(filters)}</p>
      {filters.badPeriod != null && (
        <p className="error" role="alert">The address names a period, “{filters.badPeriod}”, that this dashboard does not know; all loaded data are shown.
          Periods look like 2024, 2024-Q1, 2024-H1, FY2024, 2024-03 or 2024-01-15..2024-06-30.</p>
      )}
    </form>
  );
}

/** First and last day of a custom range (both included), applied together. */
function CustomRange({ filters }: { filters: Filters }) {
  const { period } = filters;
  const [from, setFrom] = useState(period.kind === 'custom' ? period.from ?? '' : '');
  const [to, setTo] = useState(period.kind === 'custom' && period.to ? previousDay(period.to) : '');
  const backwards = !!from && !!to && to < from;
  return (
    <>
      <label>First day <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="period-from" /></label>
      <label>Last day <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="period-to" /></label>
      <button type="button" disabled={(!from && !to) || backwards} data-testid="period-apply"
        onClick={() => filters.set({ period: customPeriodName(from, to) })}>Apply range</button>
      {backwards && <span className="error">The last day is before the first.</span>}
    </>
  );
}
