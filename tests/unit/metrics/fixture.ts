import { loadPath, tempFile, testDb, type TestDb } from '../../helpers/node.ts';

/** A hand-made program of 10 encounters by 7 people in 2024, with costs and a naloxone log.
 *  Every expected figure in the tests below is worked out by hand from these rows.
 *
 *  id  person date          agency pathway              eligible offered placed (hours)           engaged kit
 *  E1  P1  Jan 05 10:00     A  self-referral             yes  yes  Jan 05 14:00 detox (4)          yes   yes
 *  E2  P2  Jan 20 09:00     A  active outreach           yes  yes  Jan 21 09:00 outpatient (24)    no    no
 *  E3  P1  Feb 02 08:00     B  self-referral             yes  yes  - none                          -     yes
 *  E4  P3  Feb 10 12:00     B  naloxone plus             no (lives out of area)                    -     -
 *  E5  P4  Mar 01 12:00     A  self-referral             yes  yes  Mar 01 18:00 detox (6)          -     yes
 *  E6  P4  Mar 15 12:00     A  self-referral             yes  yes  Mar 18 12:00 MOUD bup. (72)     yes   no
 *  E7  P5  Apr 02 09:00     B  (blank)                   no (in custody)                           -     yes
 *  E8  P6  Apr 03 09:00     A  officer intervention      yes  no   -                               -     no
 *  E9  P1  Apr 20 10:00     A  self-referral             yes  yes  Apr 25 10:00 resid. short (120) yes   no
 *  E10 P7  May 01 10:00     B  active outreach           -    yes  May 01 20:00 detox (10)         no    -
 */
export const ENCOUNTERS = `encounter_id,participant_id,encounter_date,agency,pathway,age_band,residence,primary_substance,eligible,ineligible_reason,placement_offered,placement_date,treatment_type,engaged_30d,naloxone_kit_given
E1,P1,2024-01-05 10:00,A,self-referral,25-34,Town1,opioids,yes,,yes,2024-01-05 14:00,detox,yes,yes
E2,P2,2024-01-20 09:00,A,active outreach,35-44,Town2,opioids,yes,,yes,2024-01-21 09:00,outpatient,no,no
E3,P1,2024-02-02 08:00,B,self-referral,25-34,Town1,stimulants,yes,,yes,,none,,yes
E4,P3,2024-02-10 12:00,B,naloxone plus,45-54,Town1,opioids,no,lives out of area,,,,,
E5,P4,2024-03-01 12:00,A,self-referral,18-24,Town2,alcohol,yes,,yes,2024-03-01 18:00,detox,,yes
E6,P4,2024-03-15 12:00,A,self-referral,18-24,Town2,alcohol,yes,,yes,2024-03-18 12:00,MOUD buprenorphine,yes,no
E7,P5,2024-04-02 09:00,B,,35-44,Town1,opioids,no,in custody,,,,,yes
E8,P6,2024-04-03 09:00,A,officer intervention,25-34,,opioids,yes,,no,,,,no
E9,P1,2024-04-20 10:00,A,self-referral,25-34,Town1,opioids,yes,,yes,2024-04-25 10:00,residential short-term,yes,no
E10,P7,2024-05-01 10:00,B,active outreach,45-54,Town2,opioids,,,yes,2024-05-01 20:00,detox,no,
`;

/** Costs: 500 in all; 200 of it tied to an encounter (E3, E5); one entry without a category. */
export const COSTS = `date,amount,category,funding_source,encounter_id
2024-01-10,100,staff,Town,
2024-02-10,50,transport,Town,E3
2024-03-10,150,treatment,Grant,E5
2024-04-15,200,,Grant,
`;

export const NALOXONE = `date,agency,doses,outcome
2024-01-03,A,1,survived
2024-01-17,A,2,transported
2024-02-11,B,1,
2024-04-09,A,3,died
`;

export async function fixtureDb(): Promise<TestDb> {
  const t = await testDb();
  await loadPath(t, tempFile('encounters.csv', ENCOUNTERS));
  await loadPath(t, tempFile('costs.csv', COSTS), { kind: 'costs' });
  await loadPath(t, tempFile('naloxone.csv', NALOXONE), { kind: 'naloxone' });
  return t;
}
