// Officer naloxone administrations, drawn from the month's overdoses: officers reach some of
// the overdoses first and give one or more doses before EMS arrive.

import { daysInMonth, firstDayOfMonth } from './calendar.ts';
import { AGENCY_PD, AGENCY_SHERIFF } from './config.ts';
import type { OverdoseMonth } from './overdoses.ts';
import type { Rng, Weighted } from './prng.ts';

export type NaloxoneRow = { day: number; agency: string; doses: number; outcome: string };

/** Share of overdoses where an officer gave naloxone. */
const OFFICER_FIRST_NONFATAL = 0.27;
const OFFICER_FIRST_FATAL = 0.3;
const SHERIFF_SHARE = 0.15;

const NONFATAL_OUTCOME: Weighted<string> = [['transported', 62], ['survived', 28], ['unknown', 10]];
/** Fentanyl made two or more doses common; the shift shows from 2020 on. */
const DOSES_EARLY: Weighted<number> = [[1, 55], [2, 36], [3, 8], [4, 1]];
const DOSES_LATE: Weighted<number> = [[1, 42], [2, 42], [3, 13], [4, 3]];

const OUTCOME_ORDER = ['survived', 'transported', 'died', 'unknown'];

export function generateNaloxone(rng: Rng, overdoses: readonly OverdoseMonth[]): NaloxoneRow[] {
  const rows: NaloxoneRow[] = [];
  for (const od of overdoses) {
    const doses = od.month.year >= 2020 ? DOSES_LATE : DOSES_EARLY;
    const outcomes = [
      ...Array.from({ length: rng.binomial(od.nonfatal, OFFICER_FIRST_NONFATAL) }, () => rng.weighted(NONFATAL_OUTCOME)),
      ...Array.from({ length: rng.binomial(od.fatal, OFFICER_FIRST_FATAL) }, () => 'died'),
    ];
    for (const outcome of outcomes) {
      rows.push({
        day: firstDayOfMonth(od.month) + rng.int(0, daysInMonth(od.month) - 1),
        agency: rng.chance(SHERIFF_SHARE) ? AGENCY_SHERIFF : AGENCY_PD,
        doses: rng.weighted(doses),
        outcome,
      });
    }
  }
  return rows.sort((a, b) =>
    a.day - b.day ||
    (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0) ||
    a.doses - b.doses ||
    OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
}
