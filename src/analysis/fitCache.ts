import { fitIts, type ItsInput, type ItsResult } from './its.ts';

/** The impact model's fits, kept for the series they were fitted to: going back to an agency or an
 *  offense group shown before (on /crime, /claim or the briefing) redraws without fitting again.
 *  A fit is a pure function of its input, so a kept one is the same result. The most recent
 *  MAX_KEPT are kept. */
const kept = new Map<string, ItsResult>();
export const MAX_KEPT = 64;

/** fitIts, answered from the fits kept when the same input was fitted before. */
export function fitItsKept(input: ItsInput): ItsResult {
  // Months are consecutive (fitIts checks), so the first and the number of them name them all.
  const key = JSON.stringify([input.months[0], input.months.length, input.counts, input.launch, input.comparison ?? null,
    input.offset ?? null, input.comparisonOffset ?? null, input.harmonics ?? null, input.lag ?? null]);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const result = fitIts(input);
  kept.set(key, result);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return result;
}
