import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { encounterWhere, type ProgramFilter } from './filters.ts';
import * as local from './local/agencies.ts';
import { query } from './query.ts';

/** One agency's figures in a network's comparison (agency null: encounters with no agency). */
export interface AgencyFigures extends Record<string, unknown> {
  agency: string | null;
  encounters: number;
  people: number;
  /** Encounters screened eligible; null when none of this agency's encounters record eligibility. */
  eligible: number | null;
  placed: number;
  /** placed / eligible (or placed / encounters when this agency records no eligibility). */
  placementRate: number | null;
  medianHoursToPlacement: number | null;
  /** Placed encounters recorded as engaged in treatment at 30 days ("yes"). */
  engaged: number;
  /** engaged / placed. */
  engagedShare: number | null;
}

/** The program's figures agency by agency, for a network (Hope Not Handcuffs' 142 agencies,
 *  PAARI's partners) whose exports are loaded together: the same definitions as the headline
 *  figures (programKpis), each counted within one agency. Largest agency first. */
export function agencyComparison(f: ProgramFilter) {
  return query<AgencyFigures>(`
    WITH e AS (SELECT agency, participant_id, eligible, placed, hours, engaged_30d FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)})
    SELECT agency, count(*) AS encounters, count(DISTINCT participant_id) AS people,
      CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) END AS eligible,
      count(*) FILTER (WHERE placed) AS placed,
      count(*) FILTER (WHERE placed) / NULLIF(CASE WHEN count(eligible) > 0 THEN count(*) FILTER (WHERE eligible) ELSE count(*) END, 0) AS placementRate,
      quantile_cont(hours, 0.5) FILTER (WHERE placed) AS medianHoursToPlacement,
      count(*) FILTER (WHERE placed AND engaged_30d = 'yes') AS engaged,
      count(*) FILTER (WHERE placed AND engaged_30d = 'yes') / NULLIF(count(*) FILTER (WHERE placed), 0) AS engagedShare
    FROM e GROUP BY agency ORDER BY encounters DESC, agency NULLS LAST`, (ix) => local.agencyComparison(ix, f));
}
