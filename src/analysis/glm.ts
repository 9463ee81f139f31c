/** Poisson regression with a log link, fitted by iteratively reweighted least squares (IRLS), the
 *  way R's `glm(y ~ X - 1 + offset(o), family = poisson)` fits it; plus the Wald-test helpers the
 *  impact analysis reports with. Pure functions, no DOM, no DuckDB. */
import { crossprodWeighted, dot, inverseSpd, matVec, solveSpd, type Matrix, type Vector } from './linalg.ts';

export interface PoissonFit {
  /** Coefficients, one per column of the design matrix. */
  coefficients: Vector;
  /** Model-based covariance (X'WX)⁻¹ at the estimate, W = diag(μ): Poisson, dispersion fixed at 1.
   *  Multiply by `dispersion` for R's quasi-Poisson `vcov`. */
  covariance: Matrix;
  /** Fitted means μ = exp(Xβ + offset), one per observation. */
  fitted: Vector;
  /** Linear predictor Xβ + offset, one per observation. */
  linearPredictor: Vector;
  /** Pearson dispersion Σ(y − μ)²/μ ÷ (n − p): R's quasi-Poisson dispersion; NaN when n ≤ p. */
  dispersion: number;
  /** Residual deviance 2 Σ [y log(y/μ) − (y − μ)] (the y log term is 0 when y = 0). */
  deviance: number;
  /** Number of observations n and coefficients p. */
  n: number;
  p: number;
  iterations: number;
  converged: boolean;
}

export interface GlmOptions {
  /** Convergence: stop when |Δdeviance|/(|deviance| + 0.1) < tolerance (R's rule; R's default is 1e-8). */
  tolerance?: number;
  maxIterations?: number;
}

/** Poisson deviance of counts y against means mu. */
export function poissonDeviance(y: Vector, mu: Vector): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!, mi = mu[i]!;
    d += 2 * ((yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi));
  }
  return d;
}

/** Fits log E[y] = Xβ + offset to non-negative counts y by IRLS. X is n×p with its own intercept
 *  column (nothing is added); `offset` is on the log scale (e.g. log population) and defaults to 0.
 *  Starts from μ = y + 0.1 like R. Default tolerance is 1e-12, tighter than R's, and everything
 *  returned (covariance, dispersion) is evaluated at the final estimate.
 *  Throws on malformed input and SingularMatrixError (from linalg) when X'WX is singular, e.g. a
 *  column of zeros or collinear columns. Observations must already exclude missing values. */
export function poissonGlm(x: Matrix, y: Vector, offset?: Vector, options: GlmOptions = {}): PoissonFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (x.length !== n) throw new Error(`design has ${x.length} rows but there are ${n} counts`);
  if (n === 0 || p === 0) throw new Error('nothing to fit: no observations or no columns');
  if (x.some((r) => r.length !== p || r.some((v) => !Number.isFinite(v)))) throw new Error('design matrix must be rectangular and finite');
  if (y.some((v) => !(Number.isFinite(v) && v >= 0))) throw new Error('counts must be finite and non-negative');
  const off = offset ?? new Array<number>(n).fill(0);
  if (off.length !== n || off.some((v) => !Number.isFinite(v))) throw new Error('offset must be finite, one per observation');
  const tol = options.tolerance ?? 1e-12;
  const maxIt = options.maxIterations ?? 100;

  let mu = y.map((v) => v + 0.1);
  let eta = mu.map(Math.log);
  let devOld = poissonDeviance(y, mu);
  let beta: Vector = new Array<number>(p).fill(0);
  let converged = false;
  let it = 0;
  while (it < maxIt) {
    it++;
    // Working response z = η − offset + (y − μ)/μ and weights μ (log link: dμ/dη = μ).
    const z = eta.map((e, i) => e - off[i]! + (y[i]! - mu[i]!) / mu[i]!);
    const xtwx = crossprodWeighted(x, mu);
    const xtwz = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const wz = mu[i]! * z[i]!;
      for (let j = 0; j < p; j++) xtwz[j]! += x[i]![j]! * wz;
    }
    beta = solveSpd(xtwx, xtwz);
    eta = matVec(x, beta).map((e, i) => e + off[i]!);
    mu = eta.map(Math.exp);
    const dev = poissonDeviance(y, mu);
    if (!Number.isFinite(dev)) throw new Error('the fit diverged (non-finite deviance)');
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < tol) {
      converged = true;
      break;
    }
    devOld = dev;
  }
  const covariance = inverseSpd(crossprodWeighted(x, mu));
  let pearson = 0;
  for (let i = 0; i < n; i++) pearson += (y[i]! - mu[i]!) ** 2 / mu[i]!;
  return {
    coefficients: beta,
    covariance,
    fitted: mu,
    linearPredictor: eta,
    dispersion: n > p ? pearson / (n - p) : NaN,
    deviance: poissonDeviance(y, mu),
    n,
    p,
    iterations: it,
    converged,
  };
}

/** qnorm(0.975): the multiplier for a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

// Coefficients of W. J. Cody's rational approximations, as used by R's pnorm (nmath/pnorm.c).
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
const D = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** Upper tail P(Z > x) of the standard normal, with full relative precision far into the tail
 *  (a port of R's `pnorm(x, lower.tail = FALSE)`). */
export function normalUpperTail(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let tail: number; // P(Z > y)
  if (y <= 0.67448975) {
    const xsq = y * y;
    let num = A[4]! * xsq, den = xsq;
    for (let i = 0; i < 3; i++) { num = (num + A[i]!) * xsq; den = (den + B[i]!) * xsq; }
    tail = 0.5 - (y * (num + A[3]!)) / (den + B[3]!);
  } else if (y < 37.5193) {
    let temp: number;
    if (y <= Math.sqrt(32)) {
      let num = C[8]! * y, den = y;
      for (let i = 0; i < 7; i++) { num = (num + C[i]!) * y; den = (den + D[i]!) * y; }
      temp = (num + C[7]!) / (den + D[7]!);
    } else {
      const xsq = 1 / (y * y);
      let num = P[5]! * xsq, den = xsq;
      for (let i = 0; i < 4; i++) { num = (num + P[i]!) * xsq; den = (den + Q[i]!) * xsq; }
      temp = (0.398942280401432677939946059934 - (xsq * (num + P[4]!)) / (den + Q[4]!)) / y;
    }
    const ysq = Math.trunc(y * 16) / 16;
    const del = (y - ysq) * (y + ysq);
    tail = Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5) * temp;
  } else {
    tail = 0;
  }
  return x >= 0 ? tail : 1 - tail;
}

/** A Wald test of one coefficient: z = estimate/se, two-sided normal p, and a 95% interval. */
export interface Wald { estimate: number; se: number; z: number; p: number; lower: number; upper: number }

/** The Wald test and 95% interval of the linear combination c'β with covariance V. */
export function wald(beta: Vector, cov: Matrix, c: Vector): Wald {
  const estimate = dot(c, beta);
  const se = Math.sqrt(dot(c, matVec(cov, c)));
  const z = estimate / se;
  return { estimate, se, z, p: 2 * normalUpperTail(Math.abs(z)), lower: estimate - Z95 * se, upper: estimate + Z95 * se };
}
