import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, isEmptyPeriod, latestCompletePeriod, nextDay, parsePeriod, periodsBetween, previousPeriod, sameLastYear } from '../../../src/domain/periods.ts';

describe('reporting periods', () => {
  it('reads every kind of period name', () => {
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', from: '2024-01-01', to: '2025-01-01' });
    expect(parsePeriod('2024-Q4')).toMatchObject({ kind: 'quarter', from: '2024-10-01', to: '2025-01-01' });
    expect(parsePeriod('2024-Q2')).toMatchObject({ from: '2024-04-01', to: '2024-07-01', label: 'Q2 2024 (Apr–Jun)' });
    expect(parsePeriod('2024-H2')).toMatchObject({ kind: 'half', from: '2024-07-01', to: '2025-01-01' });
    expect(parsePeriod('FY2024')).toMatchObject({ kind: 'fiscal', from: '2023-10-01', to: '2024-10-01' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', from: '2024-02-01', to: '2024-03-01', label: 'February 2024' });
    expect(parsePeriod('2024-12')).toMatchObject({ from: '2024-12-01', to: '2025-01-01' });
    expect(parsePeriod('2024-01-15..2024-02-29')).toMatchObject({ kind: 'custom', from: '2024-01-15', to: '2024-03-01' });
    expect(parsePeriod('..2024-02-29')).toEqual({ kind: 'custom', name: '..2024-02-29', label: 'Up to 29 Feb 2024', to: '2024-03-01' });
    expect(parsePeriod('')).toMatchObject({ kind: 'all' });
    expect(parsePeriod(null)).toMatchObject({ kind: 'all' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2024-13', '2024-Q5', 'FY24', '2023-02-29..2023-03-01', '2024-03-01..2024-02-01', '..', 'last year', "2024'; DROP"]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('lists the periods that overlap the data, newest first', () => {
    const q = periodsBetween('quarter', new Date('2023-11-20T00:00:00Z'), new Date('2024-04-02T00:00:00Z'));
    expect(q.map((p) => p.name)).toEqual(['2024-Q2', '2024-Q1', '2023-Q4']);
    const fy = periodsBetween('fiscal', new Date('2023-11-20T00:00:00Z'), new Date('2024-10-02T00:00:00Z'));
    expect(fy.map((p) => p.name)).toEqual(['FY2025', 'FY2024']);
  });

  it('intersection: a day is in both periods exactly when it is in their intersection', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
    const period = fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })
      .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as { from?: string; to?: string });
    const inside = (d: string, p: { from?: string; to?: string }) => (!p.from || d >= p.from) && (!p.to || d < p.to);
    fc.assert(fc.property(period, period, day, (a, b, d) => {
      const i = intersect(a, b);
      expect(inside(d, i)).toBe(inside(d, a) && inside(d, b));
      if (isEmptyPeriod(i)) expect(inside(d, i)).toBe(false);
    }));
  });

  it('nextDay crosses months and leap days', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-02-29')).toBe('2024-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it('the previous period is the one just before, of the same kind and length', () => {
    const prev = (n: string) => previousPeriod(parsePeriod(n)!)?.name ?? null;
    expect(prev('2025-Q1')).toBe('2024-Q4');
    expect(prev('2025-Q3')).toBe('2025-Q2');
    expect(prev('2025-H1')).toBe('2024-H2');
    expect(prev('2025-H2')).toBe('2025-H1');
    expect(prev('FY2025')).toBe('FY2024');
    expect(prev('2025')).toBe('2024');
    expect(prev('2025-01')).toBe('2024-12');
    expect(prev('2025-10')).toBe('2025-09');
    // 10 days (both ends included) before 1-10 March 2024: 20-29 February (a leap year).
    expect(prev('2024-03-01..2024-03-10')).toBe('2024-02-20..2024-02-29');
    expect(prev('')).toBeNull();
    expect(prev('2024-03-01..')).toBeNull();
  });

  it('the same period last year', () => {
    const ly = (n: string) => sameLastYear(parsePeriod(n)!)?.name ?? null;
    expect(ly('2025-Q2')).toBe('2024-Q2');
    expect(ly('2025-H2')).toBe('2024-H2');
    expect(ly('FY2025')).toBe('FY2024');
    expect(ly('2025-03')).toBe('2024-03');
    expect(ly('2024-02-01..2024-02-29')).toBe('2023-02-01..2023-02-28');
    expect(ly('..2024-02-01')).toBeNull();
    // The last day included is shifted, not the exclusive end (29 Feb 2024 would become 28 Feb).
    expect(ly('2024-01-01..2024-02-28')).toBe('2023-01-01..2023-02-28');
    expect(ly('2023-03-01..2024-02-28')).toBe('2022-03-01..2023-02-28');
  });

  it('previous periods are adjacent and as long, for any custom range', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => {
      const [x, y] = a <= b ? [a, b] : [b, a];
      const p = parsePeriod(`${x}..${y}`)!;
      const q = previousPeriod(p)!;
      expect(q.to).toBe(p.from);
      const days = (r: { from?: string; to?: string }) => (Date.parse(r.to!) - Date.parse(r.from!)) / 86_400_000;
      expect(days(q)).toBe(days(p));
    }));
  });

  it('a report\'s default period is the newest quarter the data cover to its end', () => {
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    expect(latestCompletePeriod('quarter', d('2022-03-01'), d('2025-06-30'))?.name).toBe('2025-Q2');
    expect(latestCompletePeriod('quarter', d('2022-03-01'), d('2025-08-14'))?.name).toBe('2025-Q2');
    // Records stopping a few days before the quarter's end still cover it; three weeks before do not.
    expect(latestCompletePeriod('quarter', d('2022-03-01'), d('2025-06-25'))?.name).toBe('2025-Q2');
    expect(latestCompletePeriod('quarter', d('2022-03-01'), d('2025-06-09'))?.name).toBe('2025-Q1');
    // Data shorter than a quarter: the one quarter there is.
    expect(latestCompletePeriod('quarter', d('2025-05-02'), d('2025-05-20'))?.name).toBe('2025-Q2');
  });
});
