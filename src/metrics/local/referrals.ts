import type { ProgramFilter } from '../filters.ts';
import type { ServiceReferrals } from '../referrals.ts';
import { DistinctPeople } from './aggregate.ts';
import type { ProgramIndex } from './programIndex.ts';
import { selectEncounters } from './select.ts';

/** metrics/referrals.ts `serviceReferrals`, from the index: over the filtered placements,
 *  treatment is `coalesce(treatment_type, '') <> recovery`, recovery support is
 *  `treatment_type = recovery` and MOUD is `treatment_type IN moud` (a blank type is neither of
 *  the last two); placements and distinct people of each. */
export function serviceReferrals(ix: ProgramIndex, f: ProgramFilter, recovery: string, moud: readonly string[]): ServiceReferrals[] {
  const e = ix.encounters;
  const dict = e.dict.treatment;
  // What each treatment code counts as (code 0 is a blank type).
  const treat = new Uint8Array(dict.length), rec = new Uint8Array(dict.length), isMoud = new Uint8Array(dict.length);
  for (let k = 0; k < dict.length; k++) {
    const v = dict[k] ?? null;
    treat[k] = (v ?? '') !== recovery ? 1 : 0;
    rec[k] = v === recovery ? 1 : 0;
    isMoud[k] = v !== null && moud.includes(v) ? 1 : 0;
  }
  const rows = selectEncounters(ix, f);
  const pT = new DistinctPeople(e.people), pR = new DistinctPeople(e.people), pM = new DistinctPeople(e.people);
  let peopleT = 0, nT = 0, peopleR = 0, nR = 0, peopleM = 0, nM = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (e.placed[i] !== 1) continue;
    const k = e.treatment[i]!, pid = e.pid[i]!;
    if (treat[k]) { nT++; if (pT.see(pid)) peopleT++; }
    if (rec[k]) { nR++; if (pR.see(pid)) peopleR++; }
    if (isMoud[k]) { nM++; if (pM.see(pid)) peopleM++; }
  }
  return [{
    peopleTreatment: peopleT, placementsTreatment: nT, peopleRecovery: peopleR, placementsRecovery: nR,
    peopleMoud: peopleM, placementsMoud: nM,
  }];
}
