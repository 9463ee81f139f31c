import { useMemo } from 'react';
import { checkClaim, type ClaimCheck } from '../../analysis/claim.ts';
import type { ItsResult } from '../../analysis/its.ts';
import { fitItsKept } from '../../analysis/fitCache.ts';
import { launchProblem } from '../../analysis/summary.ts';
import { withoutPartial } from '../../metrics/partialMonths.ts';
import { useData, useOpening } from '../../state/DataContext.tsx';
import { specOf } from './claimParams.ts';
import { useClaimSeries } from './useClaimSeries.ts';

/** A claim (its search parameters, claimParams.ts) checked on the loaded data: the series, the
 *  model fitted on every loaded month, and the check (analysis/claim.ts). The claim page and the
 *  briefing's claim section read it alike. */
export function useClaimCheck(params: URLSearchParams) {
  const { status, program } = useData();
  const s = useClaimSeries(params.get('series'), params.get('group'), params.get('compare'));
  const spec = useMemo(() => specOf(params), [params]);
  const launch = program.launchDate ? program.launchDate.slice(0, 7) : '';
  const main = s.mainSeries;
  // The comparison on the main series' months.
  const compCounts = useMemo(() => {
    if (!s.compSeries || !main) return undefined;
    const { counts } = withoutPartial(s.compSeries.months, s.compSeries.counts, s.compSeries.partial);
    const at = new Map(s.compSeries.months.map((m, i) => [m, counts[i] ?? null]));
    return main.months.map((m) => at.get(m) ?? null);
  }, [s.compSeries, main]);
  const fit = useMemo((): { result: ItsResult | null; error?: string } => {
    if (!main) return { result: null, error: 'No series is chosen.' };
    const problem = launchProblem(main.months, launch);
    if (problem) return { result: null, error: problem };
    try {
      // Partial months are left out of the fit, as on /crime.
      const { counts } = withoutPartial(main.months, main.counts, main.partial);
      return { result: fitItsKept({ months: main.months, counts, launch, ...(compCounts ? { comparison: compCounts } : {}) }) };
    } catch (e) {
      return { result: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [main, launch, compCounts]);
  const check = useMemo((): ClaimCheck | { error: string } | null => {
    if (!main || !main.months.length) return null;
    return checkClaim({
      months: main.months, counts: main.counts, partial: main.partial, launch, result: fit.result, ...(fit.error ? { modelError: fit.error } : {}),
      ...(compCounts && s.compSeries ? { comparison: { label: s.compSeries.label, counts: compCounts } } : {}),
      fbiReported: !!s.main?.fbiReported,
    }, spec);
  }, [main, launch, fit, compCounts, s.compSeries, s.main, spec]);
  const what = s.main?.value.startsWith('death:') ? 'overdose deaths' : s.main?.kind === 'overdose' ? 'overdoses' : s.group ? `${s.group} offenses` : 'addiction-associated offenses';
  const title = main ? `${what[0]!.toUpperCase()}${what.slice(1)} in ${main.label}` : 'A claim';
  const opening = !!useOpening();
  const loading = s.loading || status !== 'ready' || opening;
  const ok = check && !('error' in check) ? check : null;
  return { s, spec, launch, main, fit, check, ok, what, title, loading };
}
