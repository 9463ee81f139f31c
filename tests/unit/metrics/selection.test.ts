import { describe, expect, it } from 'vitest';
import { monthSpine } from '../../../src/metrics/selection.ts';

describe('the month spine', () => {
  const d = (s: string) => new Date(`${s}Z`);
  const rows = [d('2024-01-15T10:00:00'), null, d('2024-04-02T00:00:00')];
  it('every month from the first to the last record, clipped to the periods', () => {
    const months = (periods: { from?: string; to?: string }[]) => monthSpine(rows, (r) => r, periods).map((m) => m.toISOString().slice(0, 7));
    expect(months([])).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // A period from mid-February keeps February (it starts in it) and ends before April 1.
    expect(months([{ from: '2024-02-10', to: '2024-04-01' }])).toEqual(['2024-02', '2024-03']);
    // An end inside a month keeps that month.
    expect(months([{ to: '2024-03-02' }])).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(monthSpine([null], (r) => r, [])).toEqual([]);
  });
});
