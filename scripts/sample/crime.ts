// Crime incidents reported to Harbor Point PD, 2019-01 to 2025-06.
// Addiction-associated offenses run at about 100 a month with a summer peak, a spring-2020
// pandemic dip, and a MODEST downward drift after launch (reaching -10% by mid-2025).
// The other offenses have the same seasonality and no drift: they are the quiet comparison.

import { daysInMonth, firstDayOfMonth, formatDay, monthDiff, monthRange, seasonal } from './calendar.ts';
import type { YearMonth } from './calendar.ts';
import { AGENCY_PD, CONTEXT_START_MONTH, END_MONTH, LAUNCH_MONTH } from './config.ts';
import type { Rng } from './prng.ts';

export type Offense = { offense: string; nibrsCode: string; perMonth: number; addiction: boolean };
export type Incident = { incidentId: string; day: number; offense: string; nibrsCode: string; agency: string };

export const OFFENSES: readonly Offense[] = [
  { offense: 'Burglary/Breaking and Entering', nibrsCode: '220', perMonth: 10, addiction: true },
  { offense: 'Shoplifting', nibrsCode: '23C', perMonth: 27, addiction: true },
  { offense: 'Theft From Motor Vehicle', nibrsCode: '23F', perMonth: 14, addiction: true },
  { offense: 'Theft From Building', nibrsCode: '23D', perMonth: 9, addiction: true },
  { offense: 'All Other Larceny', nibrsCode: '23H', perMonth: 18, addiction: true },
  { offense: 'Motor Vehicle Theft', nibrsCode: '240', perMonth: 5, addiction: true },
  { offense: 'Stolen Property Offenses', nibrsCode: '280', perMonth: 3, addiction: true },
  { offense: 'Drug/Narcotic Violations', nibrsCode: '35A', perMonth: 9.5, addiction: true },
  { offense: 'Drug Equipment Violations', nibrsCode: '35B', perMonth: 4, addiction: true },
  { offense: 'Simple Assault', nibrsCode: '13B', perMonth: 21, addiction: false },
  { offense: 'Aggravated Assault', nibrsCode: '13A', perMonth: 4, addiction: false },
  { offense: 'Vandalism', nibrsCode: '290', perMonth: 13, addiction: false },
  { offense: 'Robbery', nibrsCode: '120', perMonth: 1.5, addiction: false },
];

export const ADDICTION_CODES: ReadonlySet<string> = new Set(
  OFFENSES.filter((o) => o.addiction).map((o) => o.nibrsCode),
);

const SEASONAL_AMPLITUDE = 0.1;
/** Drift after launch: linear from 0 to -10% over the 40 program months. */
const PROGRAM_DRIFT = 0.1;
const PROGRAM_MONTHS = 40;
const PANDEMIC: Readonly<Record<string, number>> = { '2020-4': 0.86, '2020-5': 0.9, '2020-6': 0.95 };

function multiplier(ym: YearMonth, addiction: boolean): number {
  let m = seasonal(ym.month, SEASONAL_AMPLITUDE) * (PANDEMIC[`${ym.year}-${ym.month}`] ?? 1);
  const k = monthDiff(LAUNCH_MONTH, ym);
  if (addiction && k >= 0) m *= 1 - PROGRAM_DRIFT * Math.min(1, (k + 1) / PROGRAM_MONTHS);
  return m;
}

export function generateCrime(rng: Rng): Incident[] {
  const drafts: { day: number; order: number; offense: Offense }[] = [];
  for (const ym of monthRange(CONTEXT_START_MONTH, END_MONTH)) {
    for (const offense of OFFENSES) {
      const n = rng.poisson(offense.perMonth * multiplier(ym, offense.addiction));
      for (let i = 0; i < n; i++) {
        drafts.push({ day: firstDayOfMonth(ym) + rng.int(0, daysInMonth(ym) - 1), order: rng.next(), offense });
      }
    }
  }
  // Report numbers follow the date; within a day, the (random) order reports came in.
  drafts.sort((a, b) => a.day - b.day || a.order - b.order);
  const perYear = new Map<string, number>();
  return drafts.map((d) => {
    const year = formatDay(d.day).slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return {
      incidentId: `HP-${year}-${String(seq).padStart(5, '0')}`,
      day: d.day,
      offense: d.offense.offense,
      nibrsCode: d.offense.nibrsCode,
      agency: AGENCY_PD,
    };
  });
}
