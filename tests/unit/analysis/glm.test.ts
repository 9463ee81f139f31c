import { describe, expect, it } from 'vitest';
import { normalUpperTail, poissonDeviance, poissonGlm, wald, Z95 } from '../../../src/analysis/glm.ts';
import { inverseSpd, SingularMatrixError, solveSpd } from '../../../src/analysis/linalg.ts';

/** A small regression with an offset; expected values from R 4.2.2:
 *  glm(y ~ t + s + offset(log(e)), family = poisson), s = sin(2*pi*t/12). */
const y = [2, 3, 6, 7, 8, 9, 10, 12, 15, 20, 14, 11];
const e = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5];
const x = y.map((_, t) => [1, t, Math.sin((2 * Math.PI * t) / 12)]);
const R_COEF = [1.4425287817573169, -0.038301638723956234, -0.24598891816133481];
const R_VCOV = [0.09710664267222785, -0.014536143986777505, -0.048557322497204361, -0.014536143986777505, 0.0024226078796659358,
  0.0089222292549357516, -0.048557322497204361, 0.0089222292549357516, 0.051354627797271707];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('Poisson GLM by IRLS', () => {
  it('matches R: coefficients, covariance, deviance and Pearson dispersion', () => {
    const fit = poissonGlm(x, y, e.map(Math.log));
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((b, i) => expect(rel(b, R_COEF[i]!)).toBeLessThan(1e-9));
    fit.covariance.flat().forEach((v, i) => expect(rel(v, R_VCOV[i]!)).toBeLessThan(1e-9));
    expect(rel(fit.deviance, 5.4633364311549499)).toBeLessThan(1e-9);
    expect(rel(fit.dispersion, 0.58019773849356993)).toBeLessThan(1e-9);
    expect(fit.n).toBe(12);
    expect(fit.p).toBe(3);
  });

  it('reduces to the log of the mean for an intercept-only model', () => {
    const ys = [0, 4, 2, 7, 3];
    const fit = poissonGlm(ys.map(() => [1]), ys);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(16 / 5), 12);
    expect(fit.covariance[0]![0]).toBeCloseTo(1 / 16, 12); // 1/Σμ = 1/Σy
    expect(fit.fitted.every((m) => Math.abs(m - 3.2) < 1e-10)).toBe(true);
  });

  it('handles zero counts in the deviance', () => {
    expect(poissonDeviance([0, 2], [1, 2])).toBeCloseTo(2, 12);
  });

  it('refuses malformed input and singular designs', () => {
    expect(() => poissonGlm([[1], [1]], [1])).toThrow(/rows/);
    expect(() => poissonGlm([[1], [1]], [1, -1])).toThrow(/non-negative/);
    expect(() => poissonGlm([[1], [1]], [1, NaN])).toThrow(/non-negative/);
    expect(() => poissonGlm([[1, 2], [1]], [1, 2])).toThrow(/rectangular/);
    expect(() => poissonGlm([[1], [1]], [1, 2], [0])).toThrow(/offset/);
    expect(() => poissonGlm([[1, 0], [1, 0], [1, 0]], [1, 2, 3])).toThrow(SingularMatrixError);
    expect(() => poissonGlm([[1, 2], [1, 2], [1, 2]], [1, 2, 3])).toThrow(SingularMatrixError);
  });
});

describe('linear algebra', () => {
  it('solves and inverts a symmetric positive definite matrix', () => {
    const a = [[4, 2, 0.6], [2, 2, 0.5], [0.6, 0.5, 3]];
    const sol = solveSpd(a, [1, 2, 3]);
    a.forEach((row, i) => expect(row.reduce((s, v, j) => s + v * sol[j]!, 0)).toBeCloseTo([1, 2, 3][i]!, 12));
    const inv = inverseSpd(a);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      expect(a[i]!.reduce((s, v, k) => s + v * inv[k]![j]!, 0)).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });
});

describe('normal tail and Wald tests', () => {
  it('matches R pnorm(x, lower.tail = FALSE) to full precision, far into the tail', () => {
    const xs = [0.3, 0.67448975, 1.96, 3, 5.5, 6, 10, 30];
    const r = [0.38208857781104733, 0.25000000006231027, 0.024997895148220428, 0.0013498980316300946, 1.8989562465887721e-08,
      9.8658764503769809e-10, 7.6198530241605269e-24, 4.9067139271481872e-198];
    xs.forEach((v, i) => expect(rel(normalUpperTail(v), r[i]!)).toBeLessThan(1e-14));
    expect(normalUpperTail(40)).toBe(0);
    expect(normalUpperTail(-1.96)).toBeCloseTo(1 - 0.024997895148220428, 15);
    expect(normalUpperTail(0)).toBe(0.5);
  });

  it('gives z, two-sided p and a 95% interval for a linear combination', () => {
    const w = wald([1, 2], [[0.25, 0], [0, 1]], [1, 0]);
    expect(w).toMatchObject({ estimate: 1, se: 0.5, z: 2 });
    expect(w.p).toBeCloseTo(0.04550026389635842, 14);
    expect(w.lower).toBeCloseTo(1 - Z95 * 0.5, 14);
    expect(wald([1, 2], [[0.25, 0.1], [0.1, 1]], [1, 1]).se).toBeCloseTo(Math.sqrt(1.45), 14);
  });
});
