import type { ProgramFilter } from '../src/domain/filter.ts';
import { plain } from '../tests/unit/metrics/plainSql.ts';

type Statement = (f: ProgramFilter) => string;

/** The native DuckDB reference for each program page's filter change: the page's main figures as
 *  plain SQL over the canonical tables (tests/unit/metrics/plainSql.ts), run one after another. The
 *  page itself works them out in TypeScript from the records it holds (metrics/*.ts). */
export const PAGE_QUERIES: Record<string, Statement[]> = {
  '/placements': [plain.kpis, plain.byMonth, plain.byPathway],
  '/placements/funnel': [plain.funnel],
  '/placements/time': [plain.times],
  // The bench loads encounters only: the naloxone page shows the kits handed out at encounters, and
  // the costs page, with no ledger, has no figures to repaint.
  '/naloxone': [plain.kpis],
};
