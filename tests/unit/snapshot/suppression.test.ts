import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES, derivable, feasibleRanges, percentOrNa, suppressGrid, suppressList,
  type PublishedGrid, type SuppressionRules,
} from '../../../src/snapshot/suppression.ts';
import type { Cell } from '../../../src/snapshot/snapshotFormat.ts';

const S = 'suppressed' as const;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every entry of a table, in one order, with its true value: cells row by row, row totals,
 *  column totals, grand total. Written here independently of the module. */
function truth(values: readonly (readonly number[])[]): number[] {
  const cols = values[0]!.length;
  const colSums = Array.from({ length: cols }, (_, j) => sum(values.map((r) => r[j]!)));
  return [...values.flat(), ...values.map(sum), ...colSums, sum(colSums)];
}
const publishedFlat = (p: PublishedGrid): Cell[] => [...p.cells.flat(), ...p.rowTotals, ...p.colTotals, p.total];

/** The least value a suppressed entry can have, as a reader knows it: zeros are published, so
 *  every hidden value is >= 1 (>= 0 under rules that hide zeros). */
const floorOf = (rules: SuppressionRules) => (rules.min >= 1 ? 1 : 0);

/** Does a candidate table (cells) agree with everything published? */
function consistent(cells: number[][], pub: Cell[], floor: number): boolean {
  const t = truth(cells);
  return t.every((v, k) => (pub[k] === S ? v >= floor : v === pub[k]));
}

/** Independent check (not the module's auditor): for every suppressed entry, look for another
 *  table that agrees with everything published and gives that entry a different value. Tables
 *  differing from the true one by -1, 0 or +1 in each suppressed cell are enumerated and each one
 *  found is checked directly, so a "found" is certain. (Nothing is missed by looking only at +-1:
 *  any other consistent table differs from the true one by a sum of unit cycles of the table's
 *  network, and one of those through the entry is itself a +-1 change.) */
function entriesWithAlternative(values: number[][], pub: PublishedGrid, floor: number): boolean[] {
  const flat = publishedFlat(pub);
  const t = truth(values);
  const hiddenCells: [number, number][] = [];
  values.forEach((r, i) => r.forEach((_, j) => { if (pub.cells[i]![j] === S) hiddenCells.push([i, j]); }));
  const moved = flat.map(() => false);
  const cand = values.map((r) => [...r]);
  const visit = (k: number): void => {
    if (k === hiddenCells.length) {
      if (!consistent(cand, flat, floor)) return;
      truth(cand).forEach((v, e) => { if (v !== t[e]) moved[e] = true; });
      return;
    }
    const [i, j] = hiddenCells[k]!;
    for (const d of [-1, 0, 1]) {
      const v = values[i]![j]! + d;
      if (v < floor) continue;
      cand[i]![j] = v;
      visit(k + 1);
    }
    cand[i]![j] = values[i]![j]!;
  };
  visit(0);
  return flat.map((c, e) => c !== S || moved[e]!);
}

/** Independent exact ranges by enumerating every candidate value of the suppressed cells (each
 *  >= floor) with the sum of all cells at most `bound`. */
function bruteRanges(values: number[][], flat: Cell[], floor: number, bound: number): { min: number; max: number }[] {
  const rows = values.length, cols = values[0]!.length;
  const hiddenCells: [number, number][] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (flat[i * cols + j] === S) hiddenCells.push([i, j]);
  const lo = flat.map(() => Infinity), hi = flat.map(() => -Infinity);
  const cand = values.map((r) => [...r]);
  const visit = (k: number, total: number): void => {
    if (total > bound) return;
    if (k === hiddenCells.length) {
      if (!consistent(cand, flat, floor)) return;
      truth(cand).forEach((v, e) => { lo[e] = Math.min(lo[e]!, v); hi[e] = Math.max(hi[e]!, v); });
      return;
    }
    const [i, j] = hiddenCells[k]!;
    for (let v = floor; total + v <= bound; v++) { cand[i]![j] = v; visit(k + 1, total + v); }
    cand[i]![j] = values[i]![j]!;
  };
  const publishedSum = sum(values.flat().filter((_, k) => flat[k] !== S));
  visit(0, publishedSum);
  return flat.flatMap((c, e) => (c === S ? [{ min: lo[e]!, max: hi[e]! }] : []));
}

const grid = (maxRows: number, maxCols: number, value: fc.Arbitrary<number>) =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
/** Mostly 0-40, with many small counts and zeros. */
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);
const rulesArb: fc.Arbitrary<SuppressionRules> = fc.integer({ min: 0, max: 3 })
  .chain((min) => fc.integer({ min, max: 12 }).map((max) => ({ min, max })));

describe('suppressGrid: hand examples', () => {
  it('a 2x2 with one small cell hides a rectangle of four cells and keeps the totals', () => {
    const p = suppressGrid({ values: [[5, 20], [30, 40]] });
    expect(p).toEqual({ cells: [[S, S], [S, S]], rowTotals: [25, 70], colTotals: [35, 60], total: 95 });
    expect(feasibleRanges(p, DEFAULT_RULES)[0]).toEqual({ entry: { kind: 'cell', row: 0, col: 0 }, min: 1, max: 24 });
  });

  it('a 1-D distribution [5, 50, 60] (total 115) hides the 5 and the next smallest count', () => {
    const p = suppressGrid({ values: [[5], [50], [60]] });
    expect(p).toEqual({ cells: [[S], [S], [60]], rowTotals: [S, S, 60], colTotals: [115], total: 115 });
    expect(derivable(p, DEFAULT_RULES)).toEqual([]);
  });

  it('two hidden 1s whose sum is published would be known (each is >= 1): a third count is hidden', () => {
    const leaky: PublishedGrid = { cells: [[S], [S], [50]], rowTotals: [S, S, 50], colTotals: [52], total: 52 };
    expect(derivable(leaky, DEFAULT_RULES)).toHaveLength(4);
    expect(derivable(leaky, { min: 0, max: 10 })).toEqual([]); // not if hidden zeros were possible
    const p = suppressGrid({ values: [[1], [1], [50]] });
    expect(p.cells).toEqual([[S], [S], [S]]);
    expect(p.total).toBe(52);
    expect(derivable(p, DEFAULT_RULES)).toEqual([]);
  });

  it('all zeros and all large counts publish everything', () => {
    expect(suppressGrid({ values: [[0, 0], [0, 0]] })).toEqual({ cells: [[0, 0], [0, 0]], rowTotals: [0, 0], colTotals: [0, 0], total: 0 });
    expect(suppressGrid({ values: [[11, 20], [30, 0]] })).toEqual({ cells: [[11, 20], [30, 0]], rowTotals: [31, 30], colTotals: [41, 20], total: 61 });
  });

  it('a grand total of 7 hides every non-zero entry and still publishes the zeros', () => {
    expect(suppressGrid({ values: [[3, 4], [0, 0]] })).toEqual({ cells: [[S, S], [0, 0]], rowTotals: [S, 0], colTotals: [S, S], total: S });
    expect(suppressGrid({ values: [[7]] })).toEqual({ cells: [[S]], rowTotals: [S], colTotals: [S], total: S });
  });

  it('never hides a zero as a complement', () => {
    expect(suppressGrid({ values: [[5, 0], [20, 0]] })).toEqual({ cells: [[S, 0], [S, 0]], rowTotals: [S, S], colTotals: [25, 0], total: 25 });
  });

  it('rejects what is not a table of counts', () => {
    expect(() => suppressGrid({ values: [] })).toThrow();
    expect(() => suppressGrid({ values: [[1, 2], [3]] })).toThrow();
    expect(() => suppressGrid({ values: [[-1]] })).toThrow();
    expect(() => suppressGrid({ values: [[1.5]] })).toThrow();
    expect(() => suppressGrid({ values: [[1]] }, { min: 5, max: 2 })).toThrow();
  });
});

describe('derivable: the auditor', () => {
  it('finds a cell given away by its row total, and entries pinned by non-negativity', () => {
    expect(derivable({ cells: [[S, 20], [30, 40]], rowTotals: [25, 70], colTotals: [35, 60], total: 95 }, DEFAULT_RULES))
      .toEqual([{ kind: 'cell', row: 0, col: 0 }]);
    // Two hidden zeros summing to a published 0: every hidden cell is then known (rules hiding zeros).
    const pinned: PublishedGrid = { cells: [[S, S], [S, S]], rowTotals: [12, 20], colTotals: [0, 32], total: 32 };
    expect(derivable(pinned, { min: 0, max: 10 })).toHaveLength(4);
  });

  it('rejects a table whose published numbers do not add up', () => {
    expect(() => derivable({ cells: [[S, 20]], rowTotals: [10], colTotals: [S, 20], total: 30 }, DEFAULT_RULES)).toThrow(/add up/);
    expect(() => derivable({ cells: [['n/a']], rowTotals: [S], colTotals: [S], total: S }, DEFAULT_RULES)).toThrow();
  });

  it('matches exact brute-force ranges on random hidden patterns (including leaky ones)', () => {
    const arb = grid(2, 3, fc.integer({ min: 0, max: 4 })).chain((values) => {
      const t = truth(values);
      return fc.tuple(fc.constant(values), fc.array(fc.boolean(), { minLength: t.length, maxLength: t.length }), fc.boolean());
    });
    let leaks = 0;
    fc.assert(fc.property(arb, ([raw, mask, transpose]) => {
      const values = transpose ? raw[0]!.map((_, j) => raw.map((r) => r[j]!)) : raw;
      const t = truth(values);
      const flat: Cell[] = t.map((v, k) => (mask[k] && v > 0 ? S : v)); // zeros are always published
      const rows = values.length, cols = values[0]!.length;
      const pub: PublishedGrid = {
        cells: values.map((r, i) => r.map((_, j) => flat[i * cols + j]!)),
        rowTotals: flat.slice(rows * cols, rows * cols + rows),
        colTotals: flat.slice(rows * cols + rows, rows * cols + rows + cols),
        total: flat[flat.length - 1]!,
      };
      const ranges = feasibleRanges(pub, DEFAULT_RULES);
      const total = t[t.length - 1]!;
      if (pub.total !== S) {
        // Every entry is at most the published total: the enumeration covers every table.
        expect(ranges.map(({ min, max }) => ({ min, max }))).toEqual(bruteRanges(values, flat, 1, total));
      } else {
        // An alternative, if any, is one unit cycle away, so its total is at most total + 1.
        const brute = bruteRanges(values, flat, 1, total + 1);
        expect(ranges.map((r) => r.min === r.max)).toEqual(brute.map((r) => r.min === r.max));
      }
      leaks += ranges.filter((r) => r.min === r.max).length;
    }), { seed: 7, numRuns: 300 });
    expect(leaks).toBeGreaterThan(0); // the patterns did include leaks to find
  });
});

describe('suppressGrid: properties', () => {
  it('no suppressed entry is derivable (module auditor, grids up to 4 x 4)', () => {
    fc.assert(fc.property(grid(4, 4, count), (values) => {
      expect(derivable(suppressGrid({ values }), DEFAULT_RULES)).toEqual([]);
    }), { seed: 42, numRuns: 200 });
  });

  it('no suppressed entry is derivable (independent search, grids up to 3 x 3, counts up to 15)', () => {
    fc.assert(fc.property(grid(3, 3, fc.integer({ min: 0, max: 15 })), (values) => {
      const p = suppressGrid({ values });
      expect(entriesWithAlternative(values, p, 1).every(Boolean)).toBe(true);
    }), { seed: 42, numRuns: 200 });
  });

  it('under other rules too (min 0 to 3, max up to 12)', () => {
    fc.assert(fc.property(grid(3, 3, fc.integer({ min: 0, max: 15 })), rulesArb, (values, rules) => {
      const p = suppressGrid({ values }, rules);
      expect(derivable(p, rules)).toEqual([]);
      expect(entriesWithAlternative(values, p, floorOf(rules)).every(Boolean)).toBe(true);
      const flat = publishedFlat(p);
      truth(values).forEach((v, k) => { if (v >= rules.min && v <= rules.max) expect(flat[k]).toBe(S); });
    }), { seed: 3, numRuns: 150 });
  });

  it('publishes true values only, hides every count of 1-10 (cells and totals), never hides a zero', () => {
    fc.assert(fc.property(grid(4, 4, count), (values) => {
      const flat = publishedFlat(suppressGrid({ values }));
      truth(values).forEach((v, k) => {
        const c = flat[k];
        if (c !== S) expect(c).toBe(v);
        if (v >= 1 && v <= 10) expect(c).toBe(S);
        if (v === 0) expect(c).toBe(0);
      });
    }), { seed: 42, numRuns: 200 });
  });

  it('is deterministic and leaves its input alone', () => {
    fc.assert(fc.property(grid(4, 4, count), (values) => {
      const copy = values.map((r) => [...r]);
      const a = suppressGrid({ values });
      expect(values).toEqual(copy);
      expect(suppressGrid({ values: copy })).toEqual(a);
    }), { seed: 42, numRuns: 200 });
  });
});

describe('suppressList and percentOrNa', () => {
  it('suppresses 1-10 in a list with no totals', () => {
    expect(suppressList([0, 1, 10, 11, 250])).toEqual([0, S, S, 11, 250]);
    expect(suppressList([2, 3], { min: 3, max: 5 })).toEqual([2, S]);
    expect(() => suppressList([-2])).toThrow();
  });

  it('gives a share, or n/a under a base of 30 or when either count is hidden', () => {
    expect(percentOrNa(15, 60)).toBe(0.25);
    expect(percentOrNa(0, 30)).toBe(0);
    expect(percentOrNa(15, 29)).toBe('n/a');
    expect(percentOrNa(S, 60)).toBe('n/a');
    expect(percentOrNa(40, S)).toBe('n/a');
    expect(percentOrNa(40, 'n/a')).toBe('n/a');
    expect(percentOrNa(5, 12, 10)).toBeCloseTo(5 / 12);
    expect(percentOrNa(0, 0, 0)).toBe('n/a');
    expect(() => percentOrNa(61, 60)).toThrow();
  });
});
