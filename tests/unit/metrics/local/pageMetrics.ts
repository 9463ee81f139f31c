import type { Row } from '../../../../src/db/types.ts';
import * as agencies from '../../../../src/metrics/agencies.ts';
import * as breakdowns from '../../../../src/metrics/breakdowns.ts';
import * as costs from '../../../../src/metrics/costs.ts';
import * as coverage from '../../../../src/metrics/coverage.ts';
import type { ProgramFilter } from '../../../../src/metrics/filters.ts';
import * as funnel from '../../../../src/metrics/funnel.ts';
import * as naloxone from '../../../../src/metrics/naloxone.ts';
import * as placements from '../../../../src/metrics/placements.ts';
import type { Query } from '../../../../src/metrics/query.ts';
import * as referrals from '../../../../src/metrics/referrals.ts';
import * as times from '../../../../src/metrics/timeToPlacement.ts';

type Builder = (f: ProgramFilter) => Query<Row> | null;

/** Every metric a program page runs on a filter change. Each must say how to work it out from the
 *  program index, and give there exactly the rows its SQL gives. */
export const PAGE_METRICS: [string, Builder][] = [
  ['programKpis', placements.programKpis],
  ['placementsByMonth', placements.placementsByMonth],
  ['encounterSpans', () => coverage.encounterSpans()],
  ...(Object.keys(breakdowns.DIMENSIONS) as breakdowns.Dimension[]).map((d): [string, Builder] =>
    [`encountersBy ${d}`, (f) => breakdowns.encountersBy(d, f)]),
  ['repeatVisits', breakdowns.repeatVisits],
  ['agencyComparison', agencies.agencyComparison],
  ['serviceReferrals', referrals.serviceReferrals],
  ['funnel', funnel.funnel],
  ['outsideFunnel', funnel.outsideFunnel],
  ['ineligibleReasons', funnel.ineligibleReasons],
  ['placementTimes', times.placementTimes],
  ['placementTimeBands', times.placementTimeBands],
  ['placementTimesByMonth', times.placementTimesByMonth],
  ['costSummary', costs.costSummary],
  ['costsByMonth', costs.costsByMonth],
  ['costsBy category', (f) => costs.costsBy('category', f)],
  ['costsBy funding_source', (f) => costs.costsBy('funding_source', f)],
  ['naloxoneTotals', naloxone.naloxoneTotals],
  ['naloxoneByMonth', naloxone.naloxoneByMonth],
  ['kitsByMonth', naloxone.kitsByMonth],
  ['kitTotals', naloxone.kitTotals],
];
