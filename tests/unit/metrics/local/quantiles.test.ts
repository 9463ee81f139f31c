import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileCont } from '../../../../src/metrics/local/aggregate.ts';
import { quantilesCont } from '../../../../src/metrics/local/quantiles.ts';

/** The random programs of the agreement test give each quantile a few dozen values at most, which
 *  selection handles by insertion sort alone; here the partitioning is exercised too. */
describe('quantiles by selection', () => {
  const qs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });
  const values = fc.oneof(
    // -0 and 0 are equal to selection but not to a sort (nor to toEqual): hours are never -0.
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0), { maxLength: 300 }),
    fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2000 }),
    fc.array(fc.integer({ min: -1000, max: 1000 }).map((x) => x / 8), { maxLength: 2000 }),
  );

  it('give quantileCont of the sorted values, for any q in any order', () => {
    fc.assert(fc.property(values, qs, fc.boolean(), (xs, q, ascending) => {
      const sorted = Float64Array.from(xs).sort();
      const order = ascending ? [...q].sort((a, b) => a - b) : q;
      const src = Float64Array.from(xs);
      if (ascending) src.sort();
      expect(quantilesCont(src, order)).toEqual(order.map((p) => quantileCont(sorted, p)));
    }), { numRuns: 500 });
  });

  it('handle sorted, reversed, organ-pipe and constant inputs', () => {
    const n = 20_001;
    for (const xs of [Float64Array.from({ length: n }, (_, i) => i), Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)), new Float64Array(n).fill(3)]) {
      const sorted = xs.slice().sort();
      expect(quantilesCont(xs.slice(), [0.5, 0.9])).toEqual([quantileCont(sorted, 0.5), quantileCont(sorted, 0.9)]);
    }
  });
});
