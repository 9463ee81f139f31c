// What happens after an eligible visit: treatment type, provider, time to placement, and
// engagement at 30 days.

import { MINUTES_PER_DAY } from './calendar.ts';
import { DATA_END_DAY } from './config.ts';
import type { TreatmentType } from './config.ts';
import type { Rng, Weighted } from './prng.ts';

export type Placement = {
  treatmentType: TreatmentType;
  provider: string;
  /** Minutes since 1970-01-01. */
  placedAt: number;
  engaged30d: 'yes' | 'no' | 'unknown';
};

const FOR_OPIOIDS: Weighted<TreatmentType> = [
  ['detox', 29], ['residential short-term', 11], ['residential long-term', 8],
  ['intensive outpatient', 9], ['outpatient', 5], ['MOUD methadone', 9],
  ['MOUD buprenorphine', 16], ['MOUD naltrexone', 3], ['recovery support', 10],
];
const FOR_OTHER: Weighted<TreatmentType> = [
  ['detox', 27], ['residential short-term', 14], ['residential long-term', 8],
  ['intensive outpatient', 18], ['outpatient', 15], ['MOUD naltrexone', 5],
  ['recovery support', 13],
];

/** Provider pseudonyms by the services they offer. */
const PROVIDERS: Record<TreatmentType, Weighted<string>> = {
  'detox': [['Provider 01', 5], ['Provider 02', 3], ['Provider 03', 2]],
  'residential short-term': [['Provider 04', 4], ['Provider 05', 3], ['Provider 02', 1]],
  'residential long-term': [['Provider 05', 2], ['Provider 06', 3], ['Provider 07', 2]],
  'intensive outpatient': [['Provider 08', 4], ['Provider 09', 3]],
  'outpatient': [['Provider 08', 2], ['Provider 09', 2], ['Provider 10', 3]],
  'MOUD methadone': [['Provider 11', 5], ['Provider 12', 2]],
  'MOUD buprenorphine': [['Provider 10', 3], ['Provider 13', 4], ['Provider 08', 2]],
  'MOUD naltrexone': [['Provider 13', 2], ['Provider 10', 1], ['Provider 08', 1]],
  'recovery support': [['Provider 14', 4], ['Provider 15', 3]],
};

type Delay = 'same day' | 'next day' | 'wait for a bed';

/** How quickly each kind of treatment usually starts: residential beds take longest. */
const DELAY: Record<TreatmentType, Weighted<Delay>> = {
  'detox': [['same day', 72], ['next day', 23], ['wait for a bed', 5]],
  'residential short-term': [['same day', 50], ['next day', 38], ['wait for a bed', 12]],
  'residential long-term': [['same day', 30], ['next day', 45], ['wait for a bed', 25]],
  'intensive outpatient': [['same day', 55], ['next day', 37], ['wait for a bed', 8]],
  'outpatient': [['same day', 55], ['next day', 38], ['wait for a bed', 7]],
  'MOUD methadone': [['same day', 55], ['next day', 38], ['wait for a bed', 7]],
  'MOUD buprenorphine': [['same day', 75], ['next day', 22], ['wait for a bed', 3]],
  'MOUD naltrexone': [['same day', 50], ['next day', 40], ['wait for a bed', 10]],
  'recovery support': [['same day', 80], ['next day', 18], ['wait for a bed', 2]],
};

/** Chance of being in treatment at 30 days, among those whose outcome is known. */
const ENGAGED: Record<TreatmentType, number> = {
  'detox': 0.62,
  'residential short-term': 0.72,
  'residential long-term': 0.8,
  'intensive outpatient': 0.71,
  'outpatient': 0.66,
  'MOUD methadone': 0.78,
  'MOUD buprenorphine': 0.77,
  'MOUD naltrexone': 0.64,
  'recovery support': 0.68,
};
/** Share of placements the program lost track of (engagement unknown). */
const LOST_TO_FOLLOW_UP = 0.095;
/** Engagement at 30 days is not observable for placements in the last 30 days of data. */
const OBSERVABLE_UNTIL = (DATA_END_DAY - 30) * MINUTES_PER_DAY;
const END_OF_DATA = (DATA_END_DAY + 1) * MINUTES_PER_DAY - 1;

function delayHours(rng: Rng, kind: Delay): number {
  if (kind === 'same day') return Math.max(0.2, rng.lognormal(3.5, 0.6));
  if (kind === 'next day') return rng.lognormal(27, 0.55);
  // Waiting for a bed: redraw the rare draw beyond ten days.
  for (;;) {
    const hours = rng.lognormal(96, 0.45);
    if (hours <= 240) return hours;
  }
}

/**
 * A placement for an encounter at `encounterAt`, or null when the person is not placed
 * (declined, no bed found, or treatment would start after the data ends).
 */
export function place(rng: Rng, encounterAt: number, substance: string): Placement | null {
  const treatmentType = rng.weighted(substance === 'opioids' ? FOR_OPIOIDS : FOR_OTHER);
  const provider = rng.weighted(PROVIDERS[treatmentType]);
  const hours = delayHours(rng, rng.weighted(DELAY[treatmentType]));
  const placedAt = encounterAt + Math.max(10, Math.round(hours * 60));
  if (placedAt > END_OF_DATA) return null;
  let engaged30d: Placement['engaged30d'];
  if (placedAt > OBSERVABLE_UNTIL || rng.chance(LOST_TO_FOLLOW_UP)) engaged30d = 'unknown';
  else engaged30d = rng.chance(ENGAGED[treatmentType]) ? 'yes' : 'no';
  return { treatmentType, provider, placedAt, engaged30d };
}
