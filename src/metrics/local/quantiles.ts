/** DuckDB's `quantile_cont` by selection instead of sorting. Sorting is most of the time a
 *  quantile takes over 100,000 rows in the page (a typed array sort of 70,000 hours takes several
 *  milliseconds); selection finds the same order statistics in linear time, and they are then
 *  interpolated as aggregate.ts `quantileCont` does: the value at position (n - 1) × q, between its
 *  two neighbours. */

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Rearranges a[left..right] so that a[k] holds the value a sort would put there, with no larger
 *  value before it and no smaller one after it: Floyd and Rivest's selection (each partition's
 *  pivot is first selected within a small range around k, so few partitions are needed). A range
 *  that keeps splitting badly is sorted instead, so the worst case stays n log n. NaN-free input. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1, m = k - left + 1, z = Math.log(n), s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    // Partition around t = a[k], which ends at position j.
    const t = a[k]!;
    let i = left, j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);
    // Now a[left..j - 1] <= a[j] = t <= a[j + 1..right].
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** `quantile_cont(x, q)` for each q of `qs` (ascending), over the values of `a` (no NaN), null
 *  when there are none. Reorders `a`. */
export function quantilesCont(a: Float64Array, qs: readonly number[]): (number | null)[] {
  const n = a.length;
  if (n === 0) return qs.map(() => null);
  // After selecting position `done`, a[done + 1..] hold exactly the values ranked after it, so a
  // later (larger) position is selected among those only.
  let done = -1;
  return qs.map((q) => {
    const rn = (n - 1) * q;
    const lo = Math.floor(rn), hi = Math.ceil(rn);
    if (lo !== done) {
      select(a, lo, lo > done ? done + 1 : 0, n - 1);
      done = lo;
    }
    const v = a[lo]!;
    if (hi === lo) return v;
    // The next value up is the least of those after position lo.
    let b = a[lo + 1]!;
    for (let p = lo + 2; p < n; p++) if (a[p]! < b) b = a[p]!;
    return v + (b - v) * (rn - lo);
  });
}
