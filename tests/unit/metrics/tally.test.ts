import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Encounter } from '../../../src/metrics/records.ts';
import { peopleCounts, quantilesOf } from '../../../src/metrics/tally.ts';

/** Just enough of an encounter for the helpers below. */
const encounter = (person: number, placed: boolean) => ({ person, placed }) as Encounter;

describe('counting distinct people (and the encounters that pass)', () => {
  it('gives what a set of person numbers gives, call after call (the marks of one count never leak into the next)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ person: fc.integer({ min: 1, max: 6000 }), placed: fc.boolean() }), { minLength: 0, maxLength: 5000, size: 'max' }),
      (rows) => {
        const es = rows.map((r) => encounter(r.person, r.placed));
        const all = new Set(es.map((e) => e.person)).size;
        const placed = new Set(es.filter((e) => e.placed).map((e) => e.person)).size;
        expect(peopleCounts(es, (e) => e.placed)).toEqual([all, placed, es.filter((e) => e.placed).length]);
        expect(peopleCounts(es)).toEqual([all, all, es.length]);
      }), { numRuns: 60, endOnFailure: true });
  });

  it('a person counts as placed when any of their encounters is, first or later', () => {
    // Person 7 is placed only on a later encounter, person 8 only on the first; person 9000 is past the marks made so far.
    const es = Array.from({ length: 3000 }, (_, i) => encounter(100 + (i % 500), false));
    es.push(encounter(7, false), encounter(7, true), encounter(8, true), encounter(8, false), encounter(90_000, true));
    expect(peopleCounts(es, (e) => e.placed)).toEqual([503, 3, 3]);
  });
});

describe('quantiles', () => {
  it('interpolate between the two nearest values (R-7, as quantile_cont), skipping blanks', () => {
    // Hours 4, 6, 10, 24, 72, 120 and a blank: median (10 + 24) / 2; 90th at position 4.5: (72 + 120) / 2.
    expect(quantilesOf([4, 120, null, 6, 72, 10, 24], [0.5, 0.9], (h) => h)).toEqual([17, 96]);
    expect(quantilesOf([null, Number.NaN], [0.5], (h) => h)).toEqual([null]);
  });
});
