import type { ProgramFilter } from '../domain/filter.ts';
import { MOUD_TYPES, RECOVERY_SUPPORT } from '../domain/placement.ts';
import type { Encounter, ProgramData } from './records.ts';
import { encountersIn } from './selection.ts';
import { peopleCounts } from './tally.ts';

export { MOUD_TYPES, RECOVERY_SUPPORT } from '../domain/placement.ts';

export interface ServiceReferrals extends Record<string, unknown> {
  /** Distinct people with a placement in substance use treatment (any treatment type other than
   *  recovery support and none, MOUD included, or none recorded), and those placements. */
  peopleTreatment: number;
  placementsTreatment: number;
  /** The same for recovery support services. */
  peopleRecovery: number;
  placementsRecovery: number;
  /** The same for the three MOUD treatment types. */
  peopleMoud: number;
  placementsMoud: number;
}

/** People referred to treatment, to recovery support, and to MOUD, by encounter date. A referral
 *  here is a placement (domain/placement.ts): an offer that was not taken up is not a referral. A
 *  person with several placements counts once per line. */
export function serviceReferrals(p: ProgramData, f: ProgramFilter): ServiceReferrals[] {
  const es = encountersIn(p, f);
  const treatment = (e: Encounter) => e.placed && e.treatment_type !== RECOVERY_SUPPORT;
  const recovery = (e: Encounter) => e.placed && e.treatment_type === RECOVERY_SUPPORT;
  const moud = (e: Encounter) => e.placed && (MOUD_TYPES as readonly (string | null)[]).includes(e.treatment_type);
  // Each: [people, people referred, referrals].
  const [, peopleTreatment, placementsTreatment] = peopleCounts(es, treatment);
  const [, peopleRecovery, placementsRecovery] = peopleCounts(es, recovery);
  const [, peopleMoud, placementsMoud] = peopleCounts(es, moud);
  return [{ peopleTreatment, placementsTreatment, peopleRecovery, placementsRecovery, peopleMoud, placementsMoud }];
}
