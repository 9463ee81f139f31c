/** The auditor of a suppressed additive table: which suppressed entries can a reader work out
 *  exactly from what is published? Pure functions; used by suppressGrid (./suppression.ts) to
 *  verify its own output, and exported so that tests and the snapshot builder can check a table.
 *
 *  The table as a network. An R x C table with its row totals r, column totals c and grand total T
 *  is a circulation: nodes S, row i, column j, Z; the total is the arc Z -> S, a row total the arc
 *  S -> row i, a cell the arc row i -> column j, a column total the arc column j -> Z. The flow
 *  conservation equation at each node is one of the table's equations: at row i, the cells of the
 *  row add up to r_i; at column j, the cells add up to c_j; at S, the row totals add up to T; at Z,
 *  the column totals add up to T. An entry is an arc; published entries have a fixed flow.
 *
 *  What the reader knows: every published number, the equations, that every value is an integer,
 *  and, because zeros are always published and never hidden as complements (see suppressGrid),
 *  that every suppressed value is at least 1 (at least 0 under rules that suppress zeros: min 0).
 *  The reader does not learn which suppressed entries are primary (1-10), since a complement can
 *  be any size, so the range [min, max] is not a constraint on any one suppressed entry.
 *  (Known limit: the auditor does not model a reader who reverse-engineers the choice of
 *  complements, e.g. "the complement is the smallest cell of its row".)
 *
 *  Definition. A suppressed entry is DERIVABLE when it takes the same value in every table of
 *  integers that agrees with every published number, satisfies the equations, and has every
 *  suppressed value >= L (L = 1, or 0 when rules.min is 0). Only such exact disclosure is a leak;
 *  a range that is narrow (even entirely within 1-10) is what suppression means and is allowed.
 *
 *  Method (exact, no search): the constraint matrix of a network is totally unimodular, so the
 *  minimum and maximum of an entry over the integer tables equal those over the real ones, and a
 *  value can change iff some cycle through its arc can carry one unit: a feasible table comes from
 *  a max-flow, and each entry's range from two more max-flows in the residual network. */
import type { Cell } from './snapshotFormat.ts';

/** Counts from min to max (inclusive) are suppressed. */
export interface SuppressionRules { readonly min: number; readonly max: number }

/** A table as published: numbers (true values) and 'suppressed'. */
export interface PublishedGrid { cells: Cell[][]; rowTotals: Cell[]; colTotals: Cell[]; total: Cell }

/** One entry of the table: a cell or a total. */
export type Entry =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'rowTotal'; row: number }
  | { kind: 'colTotal'; col: number }
  | { kind: 'total' };

/** An entry as an arc between two equations (nodes: 0 = S, 1..R rows, R+1..R+C columns, R+C+1 = Z). */
export interface Arc { entry: Entry; from: number; to: number }

/** The feasible values of a suppressed entry; max is Infinity when it is unbounded. */
export interface EntryRange { entry: Entry; min: number; max: number }

/** The arcs in canonical order: cells row by row, row totals, column totals, grand total. */
export function tableArcs(rows: number, cols: number): Arc[] {
  const Z = rows + cols + 1;
  const arcs: Arc[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) arcs.push({ entry: { kind: 'cell', row: i, col: j }, from: 1 + i, to: 1 + rows + j });
  for (let i = 0; i < rows; i++) arcs.push({ entry: { kind: 'rowTotal', row: i }, from: 0, to: 1 + i });
  for (let j = 0; j < cols; j++) arcs.push({ entry: { kind: 'colTotal', col: j }, from: 1 + rows + j, to: Z });
  arcs.push({ entry: { kind: 'total' }, from: Z, to: 0 });
  return arcs;
}

/** The position of an entry in tableArcs' order. */
export function arcIndex(e: Entry, rows: number, cols: number): number {
  switch (e.kind) {
    case 'cell': return e.row * cols + e.col;
    case 'rowTotal': return rows * cols + e.row;
    case 'colTotal': return rows * cols + rows + e.col;
    case 'total': return rows * cols + rows + cols;
  }
}

/** The least value a reader knows any suppressed entry has: 1, since zeros are published and
 *  never used as complements, unless the rules suppress zeros (min 0). */
export function lowerBound(rules: SuppressionRules): number {
  return rules.min >= 1 ? 1 : 0;
}

function entryOf(p: PublishedGrid, e: Entry): Cell | undefined {
  switch (e.kind) {
    case 'cell': return p.cells[e.row]?.[e.col];
    case 'rowTotal': return p.rowTotals[e.row];
    case 'colTotal': return p.colTotals[e.col];
    case 'total': return p.total;
  }
}

/** A small max-flow graph (Edmonds-Karp); capacities may be Infinity. Edge id ^ 1 is its reverse. */
class FlowGraph {
  private readonly head: number[] = [];
  private readonly cap: number[] = [];
  private readonly adj: number[][];
  constructor(n: number) { this.adj = Array.from({ length: n }, () => []); }
  add(u: number, v: number, c: number): number {
    const id = this.head.length;
    this.head.push(v, u);
    this.cap.push(c, 0);
    this.adj[u]!.push(id);
    this.adj[v]!.push(id + 1);
    return id;
  }
  /** The flow on an edge added with add(). */
  flow(id: number): number { return this.cap[id + 1]!; }
  /** Augments from s to t until no path is left or `limit` is reached; Infinity when unbounded. */
  maxFlow(s: number, t: number, limit = Infinity): number {
    let total = 0;
    while (total < limit) {
      const via = new Array<number>(this.adj.length).fill(-1);
      const queue = [s];
      for (let q = 0; q < queue.length && via[t] === -1; q++) {
        for (const id of this.adj[queue[q]!]!) {
          const w = this.head[id]!;
          if (this.cap[id]! > 0 && via[w] === -1 && w !== s) { via[w] = id; queue.push(w); }
        }
      }
      if (via[t] === -1) break;
      let push = limit - total;
      for (let w = t; w !== s; w = this.head[via[w]! ^ 1]!) push = Math.min(push, this.cap[via[w]!]!);
      if (push === Infinity) return Infinity;
      for (let w = t; w !== s; w = this.head[via[w]! ^ 1]!) { this.cap[via[w]!]! -= push; this.cap[via[w]! ^ 1]! += push; }
      total += push;
    }
    return total;
  }
}

function checkShape(p: PublishedGrid): { rows: number; cols: number } {
  const rows = p.cells.length, cols = p.colTotals.length;
  if (rows < 1 || cols < 1 || p.rowTotals.length !== rows || p.cells.some((r) => r.length !== cols)) {
    throw new Error('published table: cells must be rows x columns, with one total per row and per column');
  }
  return { rows, cols };
}

/** The range of every suppressed entry (in tableArcs' order) over all integer tables consistent
 *  with the published numbers, the equations and "every suppressed value >= lowerBound(rules)".
 *  Throws when no such table exists (the numbers do not add up) or an entry is 'n/a'. */
export function feasibleRanges(published: PublishedGrid, rules: SuppressionRules): EntryRange[] {
  const { rows, cols } = checkShape(published);
  const arcs = tableArcs(rows, cols);
  const L = lowerBound(rules);
  const nodes = rows + cols + 2;
  // Every arc carries a fixed part (its published value, or L when suppressed); the suppressed
  // arcs carry a free part y >= 0 that must balance what the fixed parts leave at each node.
  const excess = new Array<number>(nodes).fill(0);
  const free: number[] = [];
  arcs.forEach((a, k) => {
    const v = entryOf(published, a.entry);
    if (v === 'suppressed') free.push(k);
    else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Error(`published table: ${JSON.stringify(a.entry)} is ${String(v)}, not a count or 'suppressed'`);
    const fixed = v === 'suppressed' ? L : v;
    excess[a.to]! += fixed;
    excess[a.from]! -= fixed;
  });
  const g = new FlowGraph(nodes + 2);
  let need = 0;
  excess.forEach((b, v) => {
    if (b > 0) { g.add(nodes, v, b); need += b; } else if (b < 0) g.add(v, nodes + 1, -b);
  });
  const ids = free.map((k) => g.add(arcs[k]!.from, arcs[k]!.to, Infinity)); // a node with excess sends it on
  if (g.maxFlow(nodes, nodes + 1) !== need) throw new Error('published table: the published numbers do not add up');
  const y = free.map((_, n) => g.flow(ids[n]!));

  return free.map((k, n) => {
    const { from: u, to: v } = arcs[k]!;
    const residual = (): FlowGraph => {
      const r = new FlowGraph(nodes);
      free.forEach((k2, n2) => {
        if (k2 === k) return;
        r.add(arcs[k2]!.from, arcs[k2]!.to, Infinity); // may grow without limit
        if (y[n2]! > 0) r.add(arcs[k2]!.to, arcs[k2]!.from, y[n2]!); // may shrink down to L
      });
      return r;
    };
    const up = residual().maxFlow(v, u); // one more unit on u -> v comes back from v to u
    const down = y[n]! > 0 ? residual().maxFlow(u, v, y[n]!) : 0;
    return { entry: arcs[k]!.entry, min: L + y[n]! - down, max: L + y[n]! + up };
  });
}

/** The suppressed entries whose true value is uniquely determined (see the definition above),
 *  in canonical order (cells row by row, row totals, column totals, grand total). Empty = no leak. */
export function derivable(published: PublishedGrid, rules: SuppressionRules): Entry[] {
  return feasibleRanges(published, rules).filter((r) => r.min === r.max).map((r) => r.entry);
}
