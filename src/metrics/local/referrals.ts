import type { ProgramFilter } from '../filters.ts';
import type { ServiceReferrals } from '../referrals.ts';
import type { ProgramIndex } from './programIndex.ts';
import { selectEncounters } from './select.ts';

const TREAT = 1, REC = 2, MOUD = 4;

/** metrics/referrals.ts `serviceReferrals`, from the index: over the filtered placements,
 *  treatment is `coalesce(treatment_type, '') <> recovery`, recovery support is
 *  `treatment_type = recovery` and MOUD is `treatment_type IN moud` (a blank type is neither of
 *  the last two); placements and distinct people of each, in one pass over the placements. */
export function serviceReferrals(ix: ProgramIndex, f: ProgramFilter, recovery: string, moud: readonly string[]): ServiceReferrals[] {
  const e = ix.encounters;
  const dict = e.dict.treatment;
  // What each treatment code counts as (code 0 is a blank type): bit 1 treatment, 2 recovery, 4 MOUD.
  const kinds = new Uint8Array(dict.length);
  for (let k = 0; k < dict.length; k++) {
    const v = dict[k] ?? null;
    kinds[k] = ((v ?? '') !== recovery ? TREAT : 0) | (v === recovery ? REC : 0) | (v !== null && moud.includes(v) ? MOUD : 0);
  }
  // The same bits per person, set when the person is first counted on a line.
  const seen = new Uint8Array(e.people + 1);
  const rows = selectEncounters(ix, f);
  let peopleT = 0, nT = 0, peopleR = 0, nR = 0, peopleM = 0, nM = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (e.placed[i] !== 1) continue;
    const kind = kinds[e.treatment[i]!]!, pid = e.pid[i]!;
    const fresh = kind & ~seen[pid]!;
    if (fresh) seen[pid]! |= fresh;
    if (kind & TREAT) { nT++; if (fresh & TREAT) peopleT++; }
    if (kind & REC) { nR++; if (fresh & REC) peopleR++; }
    if (kind & MOUD) { nM++; if (fresh & MOUD) peopleM++; }
  }
  return [{
    peopleTreatment: peopleT, placementsTreatment: nT, peopleRecovery: peopleR, placementsRecovery: nR,
    peopleMoud: peopleM, placementsMoud: nM,
  }];
}
