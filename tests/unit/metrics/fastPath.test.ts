import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/db/types.ts';
import * as breakdowns from '../../../src/metrics/breakdowns.ts';
import * as costs from '../../../src/metrics/costs.ts';
import type { ProgramFilter } from '../../../src/metrics/filters.ts';
import * as funnel from '../../../src/metrics/funnel.ts';
import * as naloxone from '../../../src/metrics/naloxone.ts';
import * as placements from '../../../src/metrics/placements.ts';
import { runQuery, type Query } from '../../../src/metrics/query.ts';
import * as referrals from '../../../src/metrics/referrals.ts';
import * as times from '../../../src/metrics/timeToPlacement.ts';
import { testDb, type TestDb } from '../../helpers/node.ts';
import { fullProgram, wideFilter, write } from './random.ts';
import * as refBreakdowns from './reference/breakdowns.ts';
import * as refCosts from './reference/costs.ts';
import * as refFunnel from './reference/funnel.ts';
import * as refNaloxone from './reference/naloxone.ts';
import * as refPlacements from './reference/placements.ts';
import * as refReferrals from './reference/referrals.ts';
import * as refTimes from './reference/timeToPlacement.ts';

type Builder = (f: ProgramFilter) => Query<Row> | null;

/** Each metric the pages run, beside the plain SQL it replaced. */
const PAIRS: [string, Builder, Builder][] = [
  ['programKpis', placements.programKpis, refPlacements.programKpis],
  ['placementsByMonth', placements.placementsByMonth, refPlacements.placementsByMonth],
  ...(Object.keys(breakdowns.DIMENSIONS) as breakdowns.Dimension[]).map((d): [string, Builder, Builder] =>
    [`encountersBy ${d}`, (f) => breakdowns.encountersBy(d, f), (f) => refBreakdowns.encountersBy(d, f)]),
  ['repeatVisits', breakdowns.repeatVisits, refBreakdowns.repeatVisits],
  ['serviceReferrals', referrals.serviceReferrals, refReferrals.serviceReferrals],
  ['funnel', funnel.funnel, refFunnel.funnel],
  ['outsideFunnel', funnel.outsideFunnel, refFunnel.outsideFunnel],
  ['ineligibleReasons', funnel.ineligibleReasons, refFunnel.ineligibleReasons],
  ['placementTimes', times.placementTimes, refTimes.placementTimes],
  ['placementTimeBands', times.placementTimeBands, refTimes.placementTimeBands],
  ['placementTimesByMonth', times.placementTimesByMonth, refTimes.placementTimesByMonth],
  ['costSummary', costs.costSummary, refCosts.costSummary],
  ['costsByMonth', costs.costsByMonth, refCosts.costsByMonth],
  ['kitsByMonth', naloxone.kitsByMonth, refNaloxone.kitsByMonth],
  ['kitTotals', naloxone.kitTotals, refNaloxone.kitTotals],
];

describe('the fast metrics give the plain SQL’s figures', () => {
  let t: TestDb;
  beforeAll(async () => { t = await testDb(); });
  afterAll(async () => { await t.conn.run('DELETE FROM encounters; DELETE FROM costs; DELETE FROM naloxone;'); });

  it('on random programs under random filters, row for row', async () => {
    await fc.assert(fc.asyncProperty(fullProgram, wideFilter, async (p, f) => {
      await write(t, p);
      for (const [name, fast, plain] of PAIRS) {
        const a = fast(f), b = plain(f);
        const got = a ? await runQuery(t.conn, a) : null;
        const want = b ? await runQuery(t.conn, b) : null;
        expect({ name, rows: got }).toEqual({ name, rows: want });
      }
    // No shrinking: a failure is reported at once, with the program and filter that gave it.
    }), { numRuns: 80, endOnFailure: true });
  }, 120_000);
});
