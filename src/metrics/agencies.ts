import type { ProgramFilter } from '../domain/filter.ts';
import { headline } from './placements.ts';
import type { ProgramData } from './records.ts';
import { encountersIn } from './selection.ts';
import { compareText, count, groupBy, ratio } from './tally.ts';

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
 *  PAARI's partners) whose exports are loaded together: the headline figures (placements.ts `headline`), each
 *  counted within one agency. Largest agency first. */
export function agencyComparison(p: ProgramData, f: ProgramFilter): AgencyFigures[] {
  return [...groupBy(encountersIn(p, f), (e) => e.agency)].map(([agency, es]) => {
    const k = headline(es);
    const engaged = count(es, (e) => e.placed && e.engaged_30d === 'yes');
    return { agency, encounters: k.encounters, people: k.people, eligible: k.eligible, placed: k.placed, placementRate: k.placementRate,
      medianHoursToPlacement: k.medianHoursToPlacement, engaged, engagedShare: ratio(engaged, k.placed) };
  }).sort((a, b) => b.encounters - a.encounters || (a.agency === null ? 1 : b.agency === null ? -1 : compareText(a.agency, b.agency)));
}
