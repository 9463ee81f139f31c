/** Newey–West (Bartlett kernel) heteroskedasticity-and-autocorrelation-consistent covariance for a
 *  Poisson GLM. For one observation per period it equals R's
 *    sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = TRUE)
 *  and with several observations per period (stacked series) it equals
 *    sandwich::vcovPL(fit, order.by = period, lag = L, adjust = TRUE)
 *  (Driscoll–Kraay: scores are summed within each period before the kernel is applied).
 *
 *  Definitions (sandwich 3.0): the score of observation i is u_i = (y_i − μ_i)·x_i (estfun.glm; for
 *  the Poisson family the dispersion is 1, and for quasi-Poisson it cancels between bread and meat,
 *  so the result is the same for both). Scores are summed per period, periods taken in increasing
 *  order, gaps ignored (the period after a missing month is treated as adjacent, as R does). Then
 *    S = Σ_t g_t g_t' + Σ_{l=1..L} w_l Σ_t (g_t g_{t+l}' + g_{t+l} g_t'),   w_l = 1 − l/(L+1),
 *    V = n/(n−k) · (X'WX)⁻¹ S (X'WX)⁻¹
 *  with n observations (rows, not periods) and k coefficients (the `adjust = TRUE` factor). R's bread
 *  n·(X'WX)⁻¹ and meat S·n/(n−k)/n give the same V. Pure functions, no DOM. */
import { matMul, zeros, type Matrix, type Vector } from './linalg.ts';

/** Default lag: floor(4·(T/100)^(2/9)) for T periods — Newey and West's 1994 plug-in rule (the
 *  starting lag of `bwNeweyWest`, and vcovPL's `lag = "NW1994"`). It is a fixed rule of T, not R's
 *  data-dependent NeweyWest default, so R and this code agree on it. 24 months → 2, 78 → 3. */
export function defaultLag(periods: number): number {
  if (!(periods > 0)) return 0;
  return Math.floor(4 * (periods / 100) ** (2 / 9));
}

export interface HacInput {
  /** Design matrix, n × k. */
  x: Matrix;
  /** Observed counts, n. */
  y: Vector;
  /** Fitted means, n. */
  mu: Vector;
  /** Model-based covariance (X'WX)⁻¹ at the estimate (PoissonFit.covariance), k × k. */
  bread: Matrix;
}

export interface HacOptions {
  /** Truncation lag L ≥ 0 (an integer); weights 1 − l/(L+1) for l = 1..L. */
  lag: number;
  /** Period (e.g. month index) of each observation; observations sharing one are summed. Default:
   *  each observation is its own period, in row order (NeweyWest with no `order.by`). */
  period?: number[];
  /** Multiply by n/(n − k) (sandwich's adjust = TRUE). Default true. */
  adjust?: boolean;
}

/** The period-summed scores g_t (rows in increasing period order), as described above. */
export function periodScores(x: Matrix, y: Vector, mu: Vector, period?: number[]): Matrix {
  const n = y.length, k = x[0]?.length ?? 0;
  const keys = period ?? Array.from({ length: n }, (_, i) => i);
  if (keys.length !== n) throw new Error('one period per observation is needed');
  const order = [...new Set(keys)].sort((a, b) => a - b);
  const row = new Map(order.map((p, i) => [p, i]));
  const g = zeros(order.length, k);
  for (let i = 0; i < n; i++) {
    const r = (y[i]! - mu[i]!);
    const gi = g[row.get(keys[i]!)!]!;
    for (let j = 0; j < k; j++) gi[j]! += r * x[i]![j]!;
  }
  return g;
}

/** The Newey–West HAC covariance of the coefficients (see the module comment for the formula). */
export function neweyWest(input: HacInput, options: HacOptions): Matrix {
  const { x, y, mu, bread } = input;
  const n = y.length, k = bread.length;
  const lag = options.lag;
  if (!Number.isInteger(lag) || lag < 0) throw new Error(`lag must be a non-negative integer, got ${lag}`);
  if (x.length !== n || mu.length !== n) throw new Error('x, y and mu must have one entry per observation');
  if (options.adjust !== false && n <= k) throw new Error(`need more observations (${n}) than coefficients (${k})`);
  const g = periodScores(x, y, mu, options.period);
  const t = g.length;
  const s = zeros(k, k);
  for (let l = 0; l <= Math.min(lag, t - 1); l++) {
    const w = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let a = 0; a + l < t; a++) {
      const ga = g[a]!, gb = g[a + l]!;
      for (let i = 0; i < k; i++) {
        const si = s[i]!;
        for (let j = 0; j < k; j++) {
          // Lag 0 counted once; lag l adds g_a g_{a+l}' and its transpose.
          si[j]! += l === 0 ? w * ga[i]! * gb[j]! : w * (ga[i]! * gb[j]! + gb[i]! * ga[j]!);
        }
      }
    }
  }
  const scale = options.adjust === false ? 1 : n / (n - k);
  const v = matMul(matMul(bread, s), bread);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) v[i]![j]! *= scale;
  }
  // Exact symmetry (rounding in the two products can differ in the last bit).
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) v[i]![j] = v[j]![i] = (v[i]![j]! + v[j]![i]!) / 2;
  return v;
}
