/** What the whole app means by a placement, and by the time it took. Every figure about
 *  placements (the pages, the reports, the public snapshot, the sample's own summary) counts
 *  encounters with `isPlaced` and measures them with `hoursToPlacement`. */

export interface PlacementFields {
  encounter_date: Date | null;
  placement_date: Date | null;
  treatment_type: string | null;
}

/** A placement is an encounter with a placement date and a treatment type other than "none" (a
 *  placement date with no treatment type recorded is a placement). */
export function isPlaced(e: PlacementFields): boolean {
  return e.placement_date !== null && e.treatment_type !== 'none';
}

/** Hours from the encounter to the placement; null without both dates. */
export function hoursToPlacement(e: PlacementFields): number | null {
  if (!e.placement_date || !e.encounter_date) return null;
  return (e.placement_date.getTime() - e.encounter_date.getTime()) / 3_600_000;
}

/** Treatment types that are medication for opioid use disorder. */
export const MOUD_TYPES = ['MOUD methadone', 'MOUD buprenorphine', 'MOUD naltrexone'] as const;
/** The treatment type that is a recovery support service, not treatment. */
export const RECOVERY_SUPPORT = 'recovery support';
