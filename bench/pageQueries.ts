import { encountersBy, repeatVisits } from '../src/metrics/breakdowns.ts';
import { costSummary, costsBy, costsByMonth } from '../src/metrics/costs.ts';
import type { ProgramFilter } from '../src/metrics/filters.ts';
import { funnel, ineligibleReasons, outsideFunnel } from '../src/metrics/funnel.ts';
import { kitTotals, kitsByMonth, naloxoneByMonth, naloxoneTotals } from '../src/metrics/naloxone.ts';
import { placementsByMonth, programKpis } from '../src/metrics/placements.ts';
import type { Query } from '../src/metrics/query.ts';
import { serviceReferrals } from '../src/metrics/referrals.ts';
import type { Row } from '../src/db/types.ts';
import { placementTimeBands, placementTimes, placementTimesByMonth } from '../src/metrics/timeToPlacement.ts';

type Builder = (f: ProgramFilter) => Query<Row> | null;

/** The queries each page runs when a filter changes (those that depend on the filter), for the
 *  native DuckDB reference: the same SQL, run one after another as the page's worker does. */
export const PAGE_QUERIES: Record<string, Builder[]> = {
  // One breakdown is shown at a time (pathway first).
  '/placements': [programKpis, placementsByMonth, repeatVisits, serviceReferrals, (f) => encountersBy('pathway', f)],
  '/placements/funnel': [funnel, outsideFunnel, ineligibleReasons],
  '/placements/time': [placementTimes, placementTimeBands, placementTimesByMonth],
  '/costs': [costSummary, costsByMonth, (f) => costsBy('category', f), (f) => costsBy('funding_source', f)],
  '/naloxone': [naloxoneTotals, naloxoneByMonth, kitsByMonth, kitTotals],
};
