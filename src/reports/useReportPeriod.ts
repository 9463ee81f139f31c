import { useProgram } from '../state/useProgram.ts';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { latestCompletePeriod } from '../domain/periods.ts';
import { programDataRange } from '../metrics/breakdowns.ts';
import { useFilters, type Filters } from '../state/useFilters.ts';
import { latestParams } from '../state/latestParams.ts';

/** The filters of a report page. A report opened without a period gets the newest calendar
 *  quarter the loaded records cover to its end, written into the address (replacing the entry,
 *  so Back still leaves the page), so the link a user copies names the period they saw. */
export function useReportPeriod(): { filters: Filters; ready: boolean } {
  const filters = useFilters();
  const [params, setParams] = useSearchParams();
  const range = useProgram(programDataRange);
  const r = range.rows[0];
  const missing = !params.has('period');
  useEffect(() => {
    if (!missing || range.loading || !r?.first || !r.last) return;
    const p = latestCompletePeriod('quarter', r.first, r.last);
    if (p) setParams((prev) => { const next = latestParams(prev); if (next.has('period')) return next; next.set('period', p.name); return next; }, { replace: true });
  }, [missing, range.loading, r?.first, r?.last, setParams]);
  // Without any records there is no default to wait for.
  return { filters, ready: !missing || (!range.loading && !r?.first) };
}
