import { describe, expect, it } from 'vitest';
import { latestComparison, twelveMonthEnding, yearOverYear } from '../../../src/analysis/rolling.ts';

const months = (from: number, n: number) => Array.from({ length: n }, (_, i) => {
  const k = from + i;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
});

describe('12-month-ending sums', () => {
  // 2020-01 .. 2021-12 with value = month number 1..24.
  const ms = months(2020 * 12, 24);
  const series = ms.map((month, i) => ({ month, value: i + 1 }));

  it('sums the 12 months up to and including each month; none before 12 months exist', () => {
    const e = twelveMonthEnding(series);
    expect(e.slice(0, 11).every((x) => x.value === null)).toBe(true);
    expect(e[11]).toEqual({ month: '2020-12', value: 78 }); // 1+…+12
    expect(e[23]).toEqual({ month: '2021-12', value: 222 }); // 13+…+24
  });

  it('a gap (null or a missing month) leaves every window that contains it without a sum', () => {
    const gappy = series.map((s) => (s.month === '2021-03' ? { ...s, value: null } : s));
    const e = twelveMonthEnding(gappy);
    expect(e.filter((x) => x.value !== null).map((x) => x.month)).toEqual(['2020-12', '2021-01', '2021-02']);
    const missing = twelveMonthEnding(series.filter((s) => s.month !== '2020-06'));
    expect(missing.filter((x) => x.value !== null).map((x) => x.month)).toEqual(['2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('compares year over year, never month over month', () => {
    const yoy = yearOverYear(twelveMonthEnding(series));
    const dec = yoy.find((r) => r.month === '2021-12')!;
    expect(dec).toEqual({ month: '2021-12', value: 222, yearEarlier: 78, change: 144, ratioChange: 144 / 78 });
    expect(yoy.find((r) => r.month === '2021-11')!.yearEarlier).toBeNull();
    expect(latestComparison(twelveMonthEnding(series))).toEqual(dec);
  });

  it('no change is reported against a zero year', () => {
    const zeros = ms.map((month, i) => ({ month, value: i < 12 ? 0 : 1 }));
    expect(latestComparison(twelveMonthEnding(zeros))).toMatchObject({ value: 12, yearEarlier: 0, change: 12, ratioChange: null });
  });

  it('rejects a malformed month', () => {
    expect(() => twelveMonthEnding([{ month: '2021-13', value: 1 }])).toThrow(/YYYY-MM/);
  });
});
