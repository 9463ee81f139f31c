import { describe, expect, it } from 'vitest';
import { fitItsKept, MAX_KEPT } from '../../../src/analysis/fitCache.ts';
import { fitIts } from '../../../src/analysis/its.ts';
import { monthRange, poissonDraws } from '../../helpers/series.ts';

const months = monthRange('2019-01', '2022-12');
const series = (seed: number) => poissonDraws(months.map(() => 40), seed);

describe('fits kept per series', () => {
  it('the same series gives the kept fit, equal to a fresh one; another series is fitted', () => {
    const counts = series(1);
    const first = fitItsKept({ months, counts: [...counts], launch: '2021-01' });
    expect(fitItsKept({ months, counts: [...counts], launch: '2021-01' })).toBe(first);
    expect(first).toEqual(fitIts({ months, counts, launch: '2021-01' }));
    expect(fitItsKept({ months, counts, launch: '2021-02' })).not.toBe(first);
    expect(fitItsKept({ months, counts, launch: '2021-01', comparison: series(2) })).not.toBe(first);
  });

  it('keeps the most recent fits only', () => {
    const counts = series(3);
    const first = fitItsKept({ months, counts, launch: '2021-01' });
    for (let i = 0; i < MAX_KEPT; i++) fitItsKept({ months, counts: series(100 + i), launch: '2021-01' });
    expect(fitItsKept({ months, counts, launch: '2021-01' })).not.toBe(first);
  });
});
