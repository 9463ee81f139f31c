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
  private seen = new Int32Array(0);
  private gen = 0;
  /** The counter kept for `slot`, reset and large enough for `people`. The local forms run one at
   *  a time and use at most two counters at once (slots 0 and 1), so two arrays serve them all:
   *  no 200 KB array is allocated, and later collected, on every filter change. */
  static scratch(people: number, slot: 0 | 1): DistinctPeople {
    const d = (SCRATCH[slot] ??= new DistinctPeople());
    if (d.seen.length < people + 1) { d.seen = new Int32Array(people + 1); d.gen = 0; }
    d.reset();
    return d;
  }
  reset(): void { this.gen++; }
  see(pid: number): boolean {
    if (this.seen[pid] === this.gen) return false;
    this.seen[pid] = this.gen;
    return true;
  }
}
const SCRATCH: (DistinctPeople | undefined)[] = [];

/** A reused array of at least `n` numbers for `slot` (its contents are left over from before):
 *  for the temporary arrays of the local forms, which would otherwise allocate up to 800 KB per
 *  metric per filter change. A slot must not be used by two computations at once, and an array
 *  from here must never be kept in a result. */
const floats = new Map<string, Float64Array>(), ints = new Map<string, Int32Array>();
export function scratchFloat64(slot: string, n: number): Float64Array {
  let a = floats.get(slot);
  if (!a || a.length < n) floats.set(slot, (a = new Float64Array(Math.max(n, 1024))));
  return a;
}
export function scratchInt32(slot: string, n: number): Int32Array {
  let a = ints.get(slot);
  if (!a || a.length < n) ints.set(slot, (a = new Int32Array(Math.max(n, 1024))));
  return a;
}

/** x / y, or null when y is 0 (SQL's `x / NULLIF(y, 0)`); null when x is null. */
export function ratio(x: number | null, y: number | null): number | null {
  return x === null || y === null || y === 0 ? null : x / y;
}

/** A TIMESTAMP or DATE as DuckDB returns it, or null. */
export function dateOrNull(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms) : null;
}
