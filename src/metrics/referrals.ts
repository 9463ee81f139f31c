import { ENCOUNTER_FACTS } from '../db/derived.ts';
import { sqlString } from '../db/sql.ts';
import { encounterWhere, type ProgramFilter } from './filters.ts';
import * as local from './local/referrals.ts';
import { query } from './query.ts';

/** Treatment types that are medication for opioid use disorder. */
export const MOUD_TYPES = ['MOUD methadone', 'MOUD buprenorphine', 'MOUD naltrexone'] as const;
/** The treatment type that is a recovery support service, not treatment. */
export const RECOVERY_SUPPORT = 'recovery support';

const list = (xs: readonly string[]) => xs.map(sqlString).join(', ');

export interface ServiceReferrals extends Record<string, unknown> {
  /** Distinct people with a placement in substance use treatment (any treatment type other than
   *  recovery support and none, MOUD included), and those placements. */
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
 *  here is a placement (an encounter with a placement date and a treatment type): an offer that
 *  was not taken up is not a referral. A person with several placements counts once per line. */
export function serviceReferrals(f: ProgramFilter) {
  return query<ServiceReferrals>(`
    WITH p AS (SELECT participant_id, treatment_type FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND placed),
    -- A placement with no treatment type recorded counts as treatment (not recovery support).
    c AS (SELECT *, coalesce(treatment_type, '') <> ${sqlString(RECOVERY_SUPPORT)} AS treat, treatment_type = ${sqlString(RECOVERY_SUPPORT)} AS rec,
      treatment_type IN (${list(MOUD_TYPES)}) AS moud FROM p)
    SELECT count(DISTINCT participant_id) FILTER (WHERE treat) AS peopleTreatment, count(*) FILTER (WHERE treat) AS placementsTreatment,
      count(DISTINCT participant_id) FILTER (WHERE rec) AS peopleRecovery, count(*) FILTER (WHERE rec) AS placementsRecovery,
      count(DISTINCT participant_id) FILTER (WHERE moud) AS peopleMoud, count(*) FILTER (WHERE moud) AS placementsMoud
    FROM c`, (ix) => local.serviceReferrals(ix, f, RECOVERY_SUPPORT, MOUD_TYPES));
}
