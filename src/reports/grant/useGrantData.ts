import { useProgram } from '../../state/useProgram.ts';
import { useMemo } from 'react';
import { encountersBy, type Breakdown, type Dimension } from '../../metrics/breakdowns.ts';
import { encounterColumnsFilled, programTableCounts, tableRanges } from '../../metrics/programCoverage.ts';
import type { ProgramFilter } from '../../domain/filter.ts';
import { funnel } from '../../metrics/funnel.ts';
import { kitTotals, naloxoneByMonth, naloxoneTotals, type MonthlyNaloxone } from '../../metrics/naloxone.ts';
import { placementsByMonth, programKpis, type MonthlyPlacements } from '../../metrics/placements.ts';
import { serviceReferrals } from '../../metrics/referrals.ts';
import { placementTimes } from '../../metrics/timeToPlacement.ts';
import type { Period } from '../../domain/periods.ts';
import { grantMeasures, type Measure } from './measures.ts';

/** The breakdowns a grant report gives, in order. */
export const GRANT_BREAKDOWNS: Dimension[] = ['pathway', 'treatment_type', 'agency', 'age_band', 'sex', 'race_ethnicity'];

export interface GrantData {
  loading: boolean;
  measures: Measure[];
  breakdowns: { dim: Dimension; rows: Breakdown[] }[];
  monthly: MonthlyPlacements[];
  naloxoneMonthly: MonthlyNaloxone[];
  hasNaloxoneLog: boolean;
  encounters: number;
}

/** Runs the analytics queries a grant report is made of (the same builders the analytics pages
 *  run, with the same filter) and turns them into the report's measures. */
export function useGrantData(filter: ProgramFilter, period: Period, launchDate: string): GrantData {
  const counts = useProgram(programTableCounts);
  const hasLog = (counts.rows[0]?.naloxone ?? 0) > 0;
  const ranges = useProgram(tableRanges);
  const filled = useProgram(encounterColumnsFilled);
  const kpis = useProgram(programKpis, filter);
  const referrals = useProgram(serviceReferrals, filter);
  const times = useProgram(placementTimes, filter);
  const steps = useProgram(funnel, filter);
  const nalox = useProgram(hasLog ? naloxoneTotals : null, filter);
  const naloxMonthly = useProgram(hasLog ? naloxoneByMonth : null, filter);
  const kits = useProgram(kitTotals, filter);
  const monthly = useProgram(placementsByMonth, filter);
  const b0 = useProgram(encountersBy, GRANT_BREAKDOWNS[0]!, filter);
  const b1 = useProgram(encountersBy, GRANT_BREAKDOWNS[1]!, filter);
  const b2 = useProgram(encountersBy, GRANT_BREAKDOWNS[2]!, filter);
  const b3 = useProgram(encountersBy, GRANT_BREAKDOWNS[3]!, filter);
  const b4 = useProgram(encountersBy, GRANT_BREAKDOWNS[4]!, filter);
  const b5 = useProgram(encountersBy, GRANT_BREAKDOWNS[5]!, filter);
  const all = [counts, ranges, filled, kpis, referrals, times, steps, kits, monthly, b0, b1, b2, b3, b4, b5, ...(hasLog ? [nalox, naloxMonthly] : [])];
  const loading = all.some((q) => q.loading);
  const fill = Object.fromEntries(filled.rows.map((r) => [r.column, r.filled]));
  const measures = useMemo(() => {
    if (loading) return [];
    return grantMeasures({
      period, launchDate, ranges: ranges.rows[0]!, kpis: kpis.rows[0]!, referrals: referrals.rows[0]!, times: times.rows[0]!,
      funnel: steps.rows, naloxone: hasLog ? nalox.rows[0]! : null, kits: kits.rows[0]!,
      kitFieldFilled: fill.naloxone_kit_given ?? 0, engagementFilled: fill.engaged_30d ?? 0,
    });
  }, [loading, period, launchDate, ranges.rows, kpis.rows, referrals.rows, times.rows, steps.rows, hasLog, nalox.rows, kits.rows, filled.rows]); // eslint-disable-line react-hooks/exhaustive-deps
  const bs = [b0, b1, b2, b3, b4, b5];
  return {
    loading, measures,
    breakdowns: GRANT_BREAKDOWNS.map((dim, i) => ({ dim, rows: bs[i]!.rows }))
      // A demographic column no loaded encounter fills in is left out (the report says so).
      .filter((b) => dim0(b.dim) || (fill[b.dim] ?? 0) > 0),
    monthly: monthly.rows,
    naloxoneMonthly: naloxMonthly.rows,
    hasNaloxoneLog: hasLog,
    encounters: kpis.rows[0]?.encounters ?? 0,
  };
}

/** Pathway and treatment type are always listed (with zeros), being the program's own vocabulary. */
function dim0(d: Dimension): boolean {
  return d === 'pathway' || d === 'treatment_type';
}
