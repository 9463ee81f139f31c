import raw from '../../data/sample/summary.json';
import type { ProgramKpis } from '../metrics/placements.ts';

/** The sample program's headline figures, precomputed by scripts/sample-summary.ts, so the overview
 *  shows them at once while DuckDB-wasm starts (the database replaces them when it is ready). */
export const SAMPLE_SUMMARY: ProgramKpis = {
  ...raw,
  placementBase: raw.placementBase as ProgramKpis['placementBase'],
  firstDate: new Date(raw.firstDate),
  lastDate: new Date(raw.lastDate),
};
