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
