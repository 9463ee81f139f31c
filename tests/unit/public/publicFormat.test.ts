import { describe, expect, it } from 'vitest';
import { columnKind, formatters, numeric, parseDate } from '../../../src/public/publicFormat.ts';

describe('public page formatting', () => {
  it('reads a column id as money, a share, hours or a count', () => {
    expect(columnKind('spend_usd')).toBe('usd');
    expect(columnKind('cost_per_person_placed_usd')).toBe('usd');
    expect(columnKind('share_within_24h')).toBe('share');
    expect(columnKind('median_hours')).toBe('hours');
    expect(columnKind('people')).toBe('count');
    expect(columnKind('2024')).toBe('count');
  });

  it('formats numbers and dates per locale with Intl', () => {
    const en = formatters('en-US');
    const es = formatters('es-US');
    expect(en.value('people', 1114)).toBe('1,114');
    expect(en.value('spend_usd', 674750)).toBe('$674,750');
    expect(en.value('share_within_24h', 81.3)).toBe('81.3%');
    expect(en.value('share_within_24h', 80)).toBe('80%');
    expect(en.value('median_hours', 6.75)).toBe('6.8');
    expect(en.day('2025-07-15T14:30:00.000Z')).toBe('July 15, 2025');
    expect(es.day('2025-07-15T14:30:00.000Z')).toBe('15 de julio de 2025');
    expect(en.month('2022-03-01')).toBe('March 2022');
    expect(es.month('2022-03-01')).toBe('marzo de 2022');
    expect(es.monthName('2025-06-30')).toBe('junio');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(es.list(['a', 'b', 'c'])).toBe('a, b y c');
  });

  it('reads days as calendar days, whatever the time zone', () => {
    expect(parseDate('2025-06-30').toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(formatters('en-US').day('2025-01-01')).toBe('January 1, 2025');
  });

  it('takes numbers only from numeric cells', () => {
    expect(numeric(12)).toBe(12);
    expect(numeric(0)).toBe(0);
    expect(numeric('suppressed')).toBeNull();
    expect(numeric('n/a')).toBeNull();
    expect(numeric(undefined)).toBeNull();
  });
});
