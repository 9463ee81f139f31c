/** Small-count suppression for the public snapshot. Pure functions.
 *
 *  suppressGrid: an additive table (cells, row totals, column totals, grand total all published).
 *   1. Primary: every cell and every total whose value is in [min, max] (1-10) is suppressed.
 *      Zero is published: a true zero reveals nobody.
 *   2. Complementary, to a fixed point: each table equation (a row with its total, a column with
 *      its total, the row totals with the grand total, the column totals with the grand total)
 *      that has exactly one suppressed entry would give it away, so one more entry of that
 *      equation is suppressed: the smallest non-zero cell, else the smallest non-zero total
 *      (ties: first in row-major order, cells before totals).
 *   3. Audit: the exact auditor (./suppressionAudit.ts) lists the suppressed entries a reader can
 *      still work out (e.g. two hidden cells whose known sum is 2, each known to be >= 1). For the
 *      first one, the cheapest chain of published entries that lets it grow by one (a cycle
 *      through it in the table's network) is suppressed too; then back to 2. Each round hides at
 *      least one more entry and a fully hidden table leaks nothing, so this ends, and the result
 *      passes the audit. Deterministic: no randomness, every tie broken by position.
 *
 *  Zeros are never suppressed as complements (when min >= 1). A suppressed zero protects only one
 *  way: it can grow but not shrink, so the cell it is meant to cover gets a one-sided range that
 *  ends at its true value, and two such zeros around a rectangle pin it exactly; and a zero is
 *  often known from elsewhere (a treatment not offered that year), in which case hiding it hides
 *  nothing. It is never needed either: every suppressed value is then >= 1, so an equation with one
 *  suppressed entry always has another non-zero entry, and a non-zero cycle through any non-zero
 *  entry exists (its row total, grand total, column total). Because this is so, readers know every
 *  suppressed value is >= 1, and the auditor assumes they do. Under rules with min 0 zeros are
 *  suppressed as primary cells and may be complements, last of all.
 *
 *  suppressList: counts that do not add up to a published total (distinct people per year):
 *  primary suppression only. percentOrNa: a share, or 'n/a' under a base of 30 or when hidden. */
import type { Cell } from './snapshotFormat.ts';
import { arcIndex, derivable, lowerBound, tableArcs, type Arc, type PublishedGrid, type SuppressionRules } from './suppressionAudit.ts';


export { derivable, feasibleRanges, type Entry, type EntryRange, type PublishedGrid } from './suppressionAudit.ts';
export type { SuppressionRules } from './suppressionAudit.ts';

/** Counts from min to max inclusive are suppressed. */
export const DEFAULT_RULES: SuppressionRules = Object.freeze({ min: 1, max: 10 });

/** The published table: each entry is its true value or 'suppressed'. */
export type SuppressedGrid = PublishedGrid;

function checkRules(rules: SuppressionRules): void {
  if (!Number.isSafeInteger(rules.min) || !Number.isSafeInteger(rules.max) || rules.min < 0 || rules.max < rules.min) {
    throw new Error(`suppression rules: need integers 0 <= min <= max, got ${JSON.stringify(rules)}`);
  }
}

function checkCount(v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`suppression: ${String(v)} is not a count (a non-negative integer)`);
}

const hidden = (v: number, rules: SuppressionRules) => v >= rules.min && v <= rules.max;

/** Primary suppression of a list of counts that are not additive (no total is published). */
export function suppressList(values: readonly number[], rules: SuppressionRules = DEFAULT_RULES): Cell[] {
  checkRules(rules);
  return values.map((v) => { checkCount(v); return hidden(v, rules) ? 'suppressed' : v; });
}

/** numerator / base (0..1), or 'n/a' when either is not a published number or the base is under
 *  minBase. Pass the published (suppressed) cells, not raw counts. The caller must also not publish
 *  a share whose complement (base - numerator) is hidden elsewhere. */
export function percentOrNa(numerator: Cell, base: Cell, minBase = 30): number | 'n/a' {
  if (typeof numerator !== 'number' || typeof base !== 'number' || base < minBase || base <= 0) return 'n/a';
  if (!(numerator >= 0 && numerator <= base)) throw new Error(`percentOrNa: ${numerator} is not a part of ${base}`);
  return numerator / base;
}

interface Work {
  arcs: Arc[];
  values: number[];
  hide: boolean[];
  /** The arcs of each equation (node). */
  incident: number[][];
  /** Least value a complement may have: 1, or 0 when rules suppress zeros. */
  floor: number;
}

/** Preference among published entries to hide as complements: non-zero cells, non-zero totals,
 *  then (only when zeros may be hidden) zero cells, zero totals. */
const tier = (w: Work, k: number) => (w.values[k]! > 0 ? 0 : 2) + (w.arcs[k]!.entry.kind === 'cell' ? 0 : 1);

function eligible(w: Work, k: number): boolean {
  return !w.hide[k] && w.values[k]! >= w.floor;
}

/** Step 2: while some equation has exactly one suppressed entry, hide its best other entry. */
function closeEquations(w: Work): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const arcs of w.incident) {
      if (arcs.filter((k) => w.hide[k]).length !== 1) continue;
      let best = -1;
      for (const k of arcs) {
        if (!eligible(w, k)) continue;
        if (best < 0 || tier(w, k) < tier(w, best) || (tier(w, k) === tier(w, best) && w.values[k]! < w.values[best]!)) best = k;
      }
      if (best < 0) throw new Error('suppression: no complement available (cannot happen with min >= 1)');
      w.hide[best] = true;
      changed = true;
    }
  }
}

/** Step 3 for a derivable entry e (arc u -> v): hide the cheapest published entries that complete
 *  a path from v back to u along which one unit can flow (forward along any arc, backward along an
 *  arc whose value exceeds the floor), so that e can grow by one. Hidden arcs cost nothing; costs
 *  are tiered so that any path through lower tiers is cheaper than one arc of a higher tier. */
function openCycle(w: Work, e: number): void {
  const cost = new Array<number>(w.arcs.length).fill(0);
  let base = 0;
  for (let t = 0; t < 4; t++) {
    let sum = 0;
    w.arcs.forEach((_, k) => { if (!w.hide[k] && tier(w, k) === t) { cost[k] = base + w.values[k]! + 1; sum += cost[k]!; } });
    base += sum + 1;
  }
  const edges: { from: number; to: number; arc: number }[] = [];
  w.arcs.forEach((a, k) => {
    if (k === e || !(w.hide[k] || eligible(w, k))) return;
    edges.push({ from: a.from, to: a.to, arc: k });
    if (w.values[k]! > w.floor) edges.push({ from: a.to, to: a.from, arc: k });
  });
  const { from: u, to: v } = w.arcs[e]!;
  const n = w.incident.length;
  const dist = new Array<number>(n).fill(Infinity);
  const via = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[v] = 0;
  for (;;) { // Dijkstra, ties to the lowest node and the first edge
    let x = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (x < 0 || dist[i]! < dist[x]!)) x = i;
    if (x < 0 || x === u) break;
    done[x] = true;
    for (const ed of edges) {
      const d = dist[x]! + (w.hide[ed.arc] ? 0 : cost[ed.arc]!);
      if (ed.from === x && d < dist[ed.to]!) { dist[ed.to] = d; via[ed.to] = ed.arc; }
    }
  }
  if (via[u]! < 0) throw new Error('suppression: no cycle to protect a derivable entry (cannot happen)');
  let added = 0;
  for (let x = u; x !== v;) {
    const k = via[x]!;
    if (!w.hide[k]) added++;
    w.hide[k] = true;
    const a = w.arcs[k]!;
    x = a.to === x ? a.from : a.to;
  }
  // A path of hidden entries already lets e grow, so the auditor disagrees: stop rather than loop.
  if (added === 0) throw new Error('suppression: the auditor reports a leak that a hidden cycle already covers');
}

function publish(w: Work, rows: number, cols: number): SuppressedGrid {
  const at = (k: number): Cell => (w.hide[k] ? 'suppressed' : w.values[k]!);
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => at(i * cols + j))),
    rowTotals: Array.from({ length: rows }, (_, i) => at(rows * cols + i)),
    colTotals: Array.from({ length: cols }, (_, j) => at(rows * cols + rows + j)),
    total: at(rows * cols + rows + cols),
  };
}

/** Suppresses an additive table of counts (rows x columns, at least 1 x 1; a 1-D distribution is
 *  n x 1) together with its row totals, column totals and grand total, so that no suppressed value
 *  can be worked out from the published ones (see the module comment and ./suppressionAudit.ts). */
export function suppressGrid(grid: { values: readonly (readonly number[])[] }, rules: SuppressionRules = DEFAULT_RULES): SuppressedGrid {
  checkRules(rules);
  const rows = grid.values.length, cols = grid.values[0]?.length ?? 0;
  if (rows < 1 || cols < 1 || grid.values.some((r) => r.length !== cols)) throw new Error('suppressGrid: values must be a non-empty rows x columns table');
  grid.values.forEach((r) => r.forEach(checkCount));
  const arcs = tableArcs(rows, cols);
  const cell = (i: number, j: number) => grid.values[i]![j]!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rowSum = (i: number) => sum(Array.from({ length: cols }, (_, j) => cell(i, j)));
  const colSum = (j: number) => sum(Array.from({ length: rows }, (_, i) => cell(i, j)));
  const values = arcs.map(({ entry: e }) =>
    e.kind === 'cell' ? cell(e.row, e.col) : e.kind === 'rowTotal' ? rowSum(e.row) : e.kind === 'colTotal' ? colSum(e.col)
      : sum(Array.from({ length: rows }, (_, i) => rowSum(i))));
  const incident = Array.from({ length: rows + cols + 2 }, () => [] as number[]);
  arcs.forEach((a, k) => { incident[a.from]!.push(k); incident[a.to]!.push(k); });
  const w: Work = { arcs, values, hide: values.map((v) => hidden(v, rules)), incident, floor: lowerBound(rules) };
  for (;;) {
    closeEquations(w);
    const leaks = derivable(publish(w, rows, cols), rules);
    if (leaks.length === 0) return publish(w, rows, cols);
    openCycle(w, arcIndex(leaks[0]!, rows, cols));
  }
}
