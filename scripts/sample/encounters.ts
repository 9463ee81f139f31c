// Encounters: one row per visit, with pathway, agency, screening, offer and placement.

import { AGENCY_PD, AGENCY_SHERIFF, SECOND_COACH_DAY } from './config.ts';
import type { Pathway, TreatmentType } from './config.ts';
import { MINUTES_PER_DAY } from './calendar.ts';
import type { Person } from './people.ts';
import { place } from './placement.ts';
import type { Rng, Weighted } from './prng.ts';

export type Encounter = {
  encounterId: string;
  person: Person;
  /** Minutes since 1970-01-01. */
  at: number;
  agency: string;
  pathway: Pathway;
  eligible: boolean;
  ineligibleReason: string;
  /** null when not eligible (the question does not apply). */
  placementOffered: boolean | null;
  /** Minutes since 1970-01-01; null when not placed. */
  placedAt: number | null;
  treatmentType: TreatmentType | 'none';
  provider: string;
  engaged30d: 'yes' | 'no' | 'unknown' | '';
  naloxoneKitGiven: boolean;
};

const INELIGIBLE_SHARE = 0.088;
const OFFERED_SHARE = 0.94;
const PLACED_WHEN_OFFERED = 0.83;
const SECOND_COACH_MINUTE = SECOND_COACH_DAY * MINUTES_PER_DAY;

function pathwayTable(substance: string, repeat: boolean, at: number): Weighted<Pathway> {
  const outreach = at >= SECOND_COACH_MINUTE ? 17 : 12;
  return [
    ['self-referral', repeat ? 52 : 44],
    ['active outreach', outreach],
    ['naloxone plus', substance === 'opioids' ? 11 : 0],
    ['officer prevention', 7],
    ['officer intervention', 15],
    ['community response', 8],
  ];
}

function ineligibleReasons(substance: string): Weighted<string> {
  const notSud = substance === 'cannabis' || substance === 'other' ? 45 : 12;
  return [
    ['outstanding warrant', 30],
    ['medical emergency', 20],
    ['declined screening', 27],
    ['not a substance use disorder', notSud],
  ];
}

function kitChance(substance: string, pathway: Pathway): number {
  if (pathway === 'naloxone plus') return 0.8;
  return substance === 'opioids' ? 0.47 : 0.14;
}

function visit(rng: Rng, person: Person, at: number, repeat: boolean): Omit<Encounter, 'encounterId'> {
  const substance = person.primarySubstance;
  const pathway = rng.weighted(pathwayTable(substance, repeat, at));
  const agency = rng.chance(pathway === 'self-referral' ? 0.03 : 0.25) ? AGENCY_SHERIFF : AGENCY_PD;
  const naloxoneKitGiven = rng.chance(kitChance(substance, pathway));
  const base = { person, at, agency, pathway, naloxoneKitGiven };
  const notPlaced = { placedAt: null, treatmentType: 'none' as const, provider: '', engaged30d: '' as const };

  const ineligible = person.juvenile || rng.chance(INELIGIBLE_SHARE);
  if (ineligible) {
    const reason = person.juvenile ? 'under 18' : rng.weighted(ineligibleReasons(substance));
    return { ...base, eligible: false, ineligibleReason: reason, placementOffered: null, ...notPlaced };
  }
  const offered = rng.chance(OFFERED_SHARE);
  const placement = offered && rng.chance(PLACED_WHEN_OFFERED) ? place(rng, at, substance) : null;
  if (!placement) {
    return { ...base, eligible: true, ineligibleReason: '', placementOffered: offered, ...notPlaced };
  }
  return {
    ...base,
    eligible: true,
    ineligibleReason: '',
    placementOffered: true,
    placedAt: placement.placedAt,
    treatmentType: placement.treatmentType,
    provider: placement.provider,
    engaged30d: placement.engaged30d,
  };
}

/** All visits of all people, in time order, numbered E00001, E00002, ... */
export function generateEncounters(rng: Rng, people: readonly Person[]): Encounter[] {
  const draft: Omit<Encounter, 'encounterId'>[] = [];
  for (const person of people) {
    person.visits.forEach((at, i) => draft.push(visit(rng, person, at, i > 0)));
  }
  // Stable sort: ties in time keep generation order, so the result is deterministic.
  draft.sort((a, b) => a.at - b.at);
  return draft.map((e, i) => ({ encounterId: `E${String(i + 1).padStart(5, '0')}`, ...e }));
}
