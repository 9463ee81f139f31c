/** The metric as written before encounter_facts carried derived columns: plain SQL over the
 *  canonical columns, kept as the reference the fast builders are checked against
 *  (tests/unit/metrics/fastPath.test.ts). Not imported by the app. */
import { ENCOUNTER_FACTS } from '../../../../src/db/derived.ts';
import { sqlString } from '../../../../src/db/sql.ts';
import { encounterWhere, type ProgramFilter } from '../../../../src/metrics/filters.ts';
import { PLACED } from './placements.ts';
import { query } from '../../../../src/metrics/query.ts';
import type { ServiceReferrals } from '../../../../src/metrics/referrals.ts';

/** Treatment types that are medication for opioid use disorder. */
export const MOUD_TYPES = ['MOUD methadone', 'MOUD buprenorphine', 'MOUD naltrexone'] as const;
/** The treatment type that is a recovery support service, not treatment. */
export const RECOVERY_SUPPORT = 'recovery support';

const list = (xs: readonly string[]) => xs.map(sqlString).join(', ');

/** People referred to treatment, to recovery support, and to MOUD, by encounter date. A referral
 *  here is a placement (an encounter with a placement date and a treatment type): an offer that
 *  was not taken up is not a referral. A person with several placements counts once per line. */
export function serviceReferrals(f: ProgramFilter) {
  return query<ServiceReferrals>(`
    WITH p AS (SELECT participant_id, treatment_type FROM ${ENCOUNTER_FACTS} WHERE ${encounterWhere(f)} AND ${PLACED}),
    -- A placement with no treatment type recorded counts as treatment (not recovery support).
    c AS (SELECT *, coalesce(treatment_type, '') <> ${sqlString(RECOVERY_SUPPORT)} AS treat, treatment_type = ${sqlString(RECOVERY_SUPPORT)} AS rec,
      treatment_type IN (${list(MOUD_TYPES)}) AS moud FROM p)
    SELECT count(DISTINCT participant_id) FILTER (WHERE treat) AS peopleTreatment, count(*) FILTER (WHERE treat) AS placementsTreatment,
      count(DISTINCT participant_id) FILTER (WHERE rec) AS peopleRecovery, count(*) FILTER (WHERE rec) AS placementsRecovery,
      count(DISTINCT participant_id) FILTER (WHERE moud) AS peopleMoud, count(*) FILTER (WHERE moud) AS placementsMoud
    FROM c`);
}
