// Monthly overdose counts for the town: a rise into the fentanyl years, a plateau, then the
// decline seen across the country from 2023-2024. Not driven by the program at all.

import { monthDiff, monthRange, seasonal } from './calendar.ts';
import type { YearMonth } from './calendar.ts';
import { CONTEXT_START_MONTH, END_MONTH, TOWN } from './config.ts';
import type { Rng } from './prng.ts';

export type OverdoseMonth = { month: YearMonth; area: string; fatal: number; nonfatal: number };

type Knot = readonly [YearMonth, number];

const NONFATAL_TREND: readonly Knot[] = [
  [{ year: 2019, month: 1 }, 10.5],
  [{ year: 2020, month: 6 }, 13.5],
  [{ year: 2021, month: 12 }, 15],
  [{ year: 2022, month: 12 }, 14.5],
  [{ year: 2023, month: 12 }, 13],
  [{ year: 2024, month: 12 }, 11],
  [{ year: 2025, month: 6 }, 10],
];
const FATAL_TREND: readonly Knot[] = [
  [{ year: 2019, month: 1 }, 0.85],
  [{ year: 2021, month: 6 }, 1.3],
  [{ year: 2023, month: 6 }, 1.15],
  [{ year: 2025, month: 6 }, 0.8],
];
const MAX_FATAL = 3;

/** Piecewise-linear interpolation between knots. */
export function trendAt(knots: readonly Knot[], ym: YearMonth): number {
  const first = knots[0];
  if (!first) throw new Error('empty trend');
  let prev: Knot = first;
  if (monthDiff(prev[0], ym) <= 0) return prev[1];
  for (const knot of knots.slice(1)) {
    const span = monthDiff(prev[0], knot[0]);
    const into = monthDiff(prev[0], ym);
    if (into <= span) return prev[1] + ((knot[1] - prev[1]) * into) / span;
    prev = knot;
  }
  return prev[1];
}

export function generateOverdoses(rng: Rng): OverdoseMonth[] {
  return monthRange(CONTEXT_START_MONTH, END_MONTH).map((month) => {
    const nonfatal = rng.poisson(trendAt(NONFATAL_TREND, month) * seasonal(month.month, 0.08));
    let fatal = rng.poisson(trendAt(FATAL_TREND, month));
    // A town this size rarely loses more than three people in a month; redraw the rare tail.
    while (fatal > MAX_FATAL) fatal = rng.poisson(trendAt(FATAL_TREND, month));
    return { month, area: TOWN, fatal, nonfatal };
  });
}
