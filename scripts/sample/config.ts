// The fictional town and program the sample describes. Everything here is invented.

import { parseDay } from './calendar.ts';
import type { YearMonth } from './calendar.ts';

export const SEED = 20220301;

export const PROGRAM_NAME = 'Harbor Point ANCHOR Program (synthetic sample)';
export const TOWN = 'Harbor Point';
export const POPULATION = 31200;
export const STATE = 'MA';

export const AGENCY_PD = 'Harbor Point PD';
export const AGENCY_SHERIFF = 'Bay County Sheriff';

export const LAUNCH_DATE = '2022-03-01';
export const SECOND_COACH_DATE = '2023-07-01';
export const DATA_END_DATE = '2025-06-30';
export const CONTEXT_START_DATE = '2019-01-01';

export const LAUNCH_DAY = parseDay(LAUNCH_DATE);
export const SECOND_COACH_DAY = parseDay(SECOND_COACH_DATE);
export const DATA_END_DAY = parseDay(DATA_END_DATE);
export const CONTEXT_START_DAY = parseDay(CONTEXT_START_DATE);

export const LAUNCH_MONTH: YearMonth = { year: 2022, month: 3 };
export const SECOND_COACH_MONTH: YearMonth = { year: 2023, month: 7 };
export const END_MONTH: YearMonth = { year: 2025, month: 6 };
export const CONTEXT_START_MONTH: YearMonth = { year: 2019, month: 1 };

export const EVENTS = [
  { date: LAUNCH_DATE, label: 'ANCHOR program launch' },
  { date: SECOND_COACH_DATE, label: 'Second recovery coach hired' },
] as const;

/** Invented neighbouring towns (names chosen not to match real Massachusetts towns). */
export const NEIGHBOUR_TOWNS = [
  'Gannet Bay',
  'North Tidewell',
  'Marrow Falls',
  'East Shoalwick',
  'Brindle Hill',
] as const;

export const PATHWAYS = [
  'self-referral',
  'active outreach',
  'naloxone plus',
  'officer prevention',
  'officer intervention',
  'community response',
] as const;

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export const TREATMENT_TYPES = [
  'detox',
  'residential short-term',
  'residential long-term',
  'intensive outpatient',
  'outpatient',
  'MOUD methadone',
  'MOUD buprenorphine',
  'MOUD naltrexone',
  'recovery support',
] as const;

export type Pathway = (typeof PATHWAYS)[number];
export type TreatmentType = (typeof TREATMENT_TYPES)[number];
