/** Aggregates over row numbers of the program index, with DuckDB's semantics. */

/** DuckDB's `quantile_cont(x, q)` of values already sorted ascending: the value at position
 *  (n - 1) × q, interpolated between its two neighbours; null for no values. */
export function quantileCont(sorted: Float64Array | readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rn = (n - 1) * q;
  const lo = Math.floor(rn), hi = Math.ceil(rn);
  if (lo === hi) return sorted[lo]!;
  const a = sorted[lo]!, b = sorted[hi]!;
  return a + (b - a) * (rn - lo);
}

/** The non-NaN values of `col` at `rows` (those passing `keep`), in row order. */
export function valuesAt(col: Float64Array, rows: Int32Array, keep?: (i: number) => boolean): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const v = col[i]!;
    if (v === v && (!keep || keep(i))) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** The same, sorted ascending. */
export function sortedValues(col: Float64Array, rows: Int32Array, keep?: (i: number) => boolean): Float64Array {
  return valuesAt(col, rows, keep).sort();
}

/** The k-th smallest of `xs` (from 0), moving elements around (Hoare's selection): linear time,
 *  where sorting 70,000 hours would take several milliseconds. */
function select(xs: Float64Array, k: number): number {
  let lo = 0, hi = xs.length - 1;
  while (hi > lo) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo, j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) { const t = xs[i]!; xs[i] = xs[j]!; xs[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

/** `quantile_cont(x, q)` of unsorted values (reordered in place): the same figure as
 *  `quantileCont` of the sorted values. */
export function quantileOf(xs: Float64Array, q: number): number | null {
  const n = xs.length;
  if (n === 0) return null;
  const rn = (n - 1) * q;
  const lo = Math.floor(rn), hi = Math.ceil(rn);
  const a = select(xs, lo);
  if (lo === hi) return a;
  // After selecting position lo, everything after it is at least as large: the next order
  // statistic is the smallest of those.
  let b = Infinity;
  for (let i = lo + 1; i < n; i++) if (xs[i]! < b) b = xs[i]!;
  return a + (b - a) * (rn - lo);
}

/** Counts distinct people: `see(pid)` is true the first time a person is seen since `reset()`.
 *  One array of the size of the people numbering, reused (a generation number per reset). */
export class DistinctPeople {
  private readonly seen: Int32Array;
  private gen = 1;
  constructor(people: number) { this.seen = new Int32Array(people + 1); }
  reset(): void { this.gen++; }
  see(pid: number): boolean {
    if (this.seen[pid] === this.gen) return false;
    this.seen[pid] = this.gen;
    return true;
  }
}

/** x / y, or null when y is 0 (SQL's `x / NULLIF(y, 0)`); null when x is null. */
export function ratio(x: number | null, y: number | null): number | null {
  return x === null || y === null || y === 0 ? null : x / y;
}

/** A TIMESTAMP or DATE as DuckDB returns it, or null. */
export function dateOrNull(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms) : null;
}
