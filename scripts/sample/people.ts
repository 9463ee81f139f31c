// Participants: stable attributes per person and the times of their visits.
// New people arrive at a monthly rate that ramps up after launch, then stays steady with mild
// seasonality; some come back weeks or months later.

import { daysInMonth, firstDayOfMonth, monthDiff, monthRange, seasonal, MINUTES_PER_DAY } from './calendar.ts';
import {
  AGE_BANDS, DATA_END_DAY, END_MONTH, LAUNCH_MONTH, NEIGHBOUR_TOWNS, SECOND_COACH_MONTH, TOWN,
} from './config.ts';
import type { Rng, Weighted } from './prng.ts';

export type Person = {
  participantId: string;
  /** Blank for the rare under-18 walk-in, who is screened out. */
  ageBand: string;
  sex: string;
  raceEthnicity: string;
  residence: string;
  primarySubstance: string;
  juvenile: boolean;
  /** Visit times, minutes since 1970-01-01, ascending. */
  visits: number[];
};

/** Steady-state new people per month, before seasonality. */
const NEW_PEOPLE_PER_MONTH = 27.4;
/** Share of the steady rate reached in the first months after launch. */
const RAMP = [0.45, 0.6, 0.75, 0.88, 0.95];
const JUVENILE_SHARE = 0.003;

const AGE: Weighted<string> = [
  [AGE_BANDS[0], 10], [AGE_BANDS[1], 33], [AGE_BANDS[2], 28],
  [AGE_BANDS[3], 16], [AGE_BANDS[4], 10], [AGE_BANDS[5], 3],
];
const SEX: Weighted<string> = [['male', 65], ['female', 34], ['unknown', 1]];
const RACE: Weighted<string> = [
  ['White', 77], ['Hispanic', 9], ['Black', 6], ['Asian', 1.5], ['Other', 3], ['Unknown', 3.5],
];
const RESIDENCE: Weighted<string> = [
  [TOWN, 58],
  [NEIGHBOUR_TOWNS[0], 10], [NEIGHBOUR_TOWNS[1], 8], [NEIGHBOUR_TOWNS[2], 7],
  [NEIGHBOUR_TOWNS[3], 5], [NEIGHBOUR_TOWNS[4], 5],
  ['out of state', 7],
];
const SUBSTANCE: Weighted<string> = [
  ['opioids', 68], ['alcohol', 16], ['stimulants', 8],
  ['benzodiazepines', 3], ['cannabis', 2], ['other', 3],
];
/** Planned number of visits per person (later ones may fall past the end of the data). */
const VISITS: Weighted<number> = [[1, 75], [2, 14.5], [3, 6], [4, 2.6], [5, 1.2], [6, 0.5], [7, 0.2]];
/** Relative encounter volume by hour of day: quiet overnight, busiest in the working day. */
const HOUR: Weighted<number> = [
  [0, 2], [1, 1.5], [2, 1.2], [3, 1], [4, 1], [5, 1], [6, 1.5], [7, 2.5], [8, 4], [9, 5.5],
  [10, 6], [11, 6], [12, 6], [13, 6], [14, 6], [15, 6], [16, 6], [17, 5.5], [18, 5],
  [19, 4.5], [20, 4], [21, 3.5], [22, 3], [23, 2.5],
];

function timeOfDay(rng: Rng): number {
  return rng.weighted(HOUR) * 60 + rng.int(0, 59);
}

function newPeopleRate(k: number, month: number, afterSecondCoach: boolean): number {
  const ramp = k < RAMP.length ? (RAMP[k] as number) : 1;
  return NEW_PEOPLE_PER_MONTH * ramp * seasonal(month, 0.07) * (afterSecondCoach ? 1.05 : 1);
}

function uniqueId(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const id = `P-${rng.hex(6)}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function laterVisits(rng: Rng, first: number, planned: number): number[] {
  const visits = [first];
  let last = first;
  for (let i = 1; i < planned; i++) {
    const gapDays = 14 + Math.min(520, Math.round(rng.lognormal(55, 0.85)));
    const day = Math.floor(last / MINUTES_PER_DAY) + gapDays;
    if (day > DATA_END_DAY) break;
    last = day * MINUTES_PER_DAY + timeOfDay(rng);
    visits.push(last);
  }
  return visits;
}

export function generatePeople(rng: Rng): Person[] {
  const taken = new Set<string>();
  const people: Person[] = [];
  for (const ym of monthRange(LAUNCH_MONTH, END_MONTH)) {
    const k = monthDiff(LAUNCH_MONTH, ym);
    const afterCoach = monthDiff(SECOND_COACH_MONTH, ym) >= 0;
    const arrivals = rng.poisson(newPeopleRate(k, ym.month, afterCoach));
    for (let i = 0; i < arrivals; i++) {
      const day = firstDayOfMonth(ym) + rng.int(0, daysInMonth(ym) - 1);
      const first = day * MINUTES_PER_DAY + timeOfDay(rng);
      const juvenile = rng.chance(JUVENILE_SHARE);
      const planned = juvenile ? 1 : rng.weighted(VISITS);
      people.push({
        participantId: uniqueId(rng, taken),
        ageBand: juvenile ? '' : rng.weighted(AGE),
        sex: rng.weighted(SEX),
        raceEthnicity: rng.weighted(RACE),
        residence: rng.weighted(RESIDENCE),
        primarySubstance: rng.weighted(SUBSTANCE),
        juvenile,
        visits: laterVisits(rng, first, planned),
      });
    }
  }
  return people;
}
