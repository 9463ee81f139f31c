/** Small dense linear algebra for model fitting: a matrix is an array of rows (`number[][]`), a
 *  vector a `number[]`. Sizes here are a few dozen at most (a design matrix has one row per month
 *  and about ten columns), so plain loops are clear and fast enough. Pure functions, no DOM. */
export type Matrix = number[][];
export type Vector = number[];

/** Relative size below which a Cholesky pivot counts as zero (the matrix is singular). */
const SINGULAR_TOL = 1e-10;

/** Thrown when a matrix that must be positive definite is not (collinear or empty columns). */
export class SingularMatrixError extends Error {
  /** Index of the first column found to be (numerically) a combination of the earlier ones. */
  readonly column: number;
  constructor(column: number) {
    super(`matrix is singular: column ${column} is zero or a combination of earlier columns`);
    this.name = 'SingularMatrixError';
    this.column = column;
  }
}

/** An n×m matrix of zeros. */
export function zeros(n: number, m: number): Matrix {
  return Array.from({ length: n }, () => new Array<number>(m).fill(0));
}

/** The transpose of a matrix. */
export function transpose(a: Matrix): Matrix {
  const n = a.length, m = a[0]?.length ?? 0;
  const t = zeros(m, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j]![i] = a[i]![j]!;
  return t;
}

/** The matrix product a·b. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length, k = b.length, m = b[0]?.length ?? 0;
  const c = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i]!, ci = c[i]!;
    for (let l = 0; l < k; l++) {
      const x = ai[l]!, bl = b[l]!;
      if (x !== 0) for (let j = 0; j < m; j++) ci[j]! += x * bl[j]!;
    }
  }
  return c;
}

/** The product a·v of a matrix and a vector. */
export function matVec(a: Matrix, v: Vector): Vector {
  return a.map((row) => dot(row, v));
}

/** The dot product of two vectors of the same length. */
export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The quadratic form v'·A·v (e.g. the variance of a linear combination of coefficients). */
export function quadForm(a: Matrix, v: Vector): number {
  return dot(v, matVec(a, v));
}

/** X'·diag(w)·X for an n×p matrix X and n weights (the weighted cross-product of a design). */
export function crossprodWeighted(x: Matrix, w: Vector): Matrix {
  const p = x[0]?.length ?? 0;
  const c = zeros(p, p);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, wi = w[i]!;
    for (let j = 0; j < p; j++) {
      const v = wi * xi[j]!;
      if (v === 0) continue;
      const cj = c[j]!;
      for (let k = 0; k <= j; k++) cj[k]! += v * xi[k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) c[k]![j] = c[j]![k]!;
  return c;
}

/** The lower-triangular Cholesky factor L with A = L·L' of a symmetric positive definite matrix.
 *  Throws SingularMatrixError when a pivot falls below 1e-10 of its diagonal entry, i.e. when a
 *  column is zero or (numerically) a linear combination of earlier ones. Only the lower triangle
 *  of `a` is read. */
export function cholesky(a: Matrix): Matrix {
  const n = a.length;
  const l = zeros(n, n);
  for (let j = 0; j < n; j++) {
    const lj = l[j]!;
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= lj[k]! * lj[k]!;
    if (!(d > SINGULAR_TOL * a[j]![j]!) || !(d > 0)) throw new SingularMatrixError(j);
    const djj = Math.sqrt(d);
    lj[j] = djj;
    for (let i = j + 1; i < n; i++) {
      const li = l[i]!;
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= li[k]! * lj[k]!;
      li[j] = s / djj;
    }
  }
  return l;
}

/** Solves L·L'·x = b given the Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: Matrix, b: Vector): Vector {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** Solves A·x = b for a symmetric positive definite A (throws SingularMatrixError otherwise). */
export function solveSpd(a: Matrix, b: Vector): Vector {
  return choleskySolve(cholesky(a), b);
}

/** The inverse of a symmetric positive definite matrix, via Cholesky, returned exactly symmetric.
 *  Throws SingularMatrixError when it is singular. */
export function inverseSpd(a: Matrix): Matrix {
  const n = a.length;
  const l = cholesky(a);
  const inv = zeros(n, n);
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const col = choleskySolve(l, e);
    for (let i = 0; i < n; i++) inv[i]![j] = col[i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = (inv[i]![j]! + inv[j]![i]!) / 2;
      inv[i]![j] = v;
      inv[j]![i] = v;
    }
  }
  return inv;
}
