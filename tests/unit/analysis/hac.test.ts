import { describe, expect, it } from 'vitest';
import { poissonGlm } from '../../../src/analysis/glm.ts';
import { defaultLag, neweyWest, periodScores } from '../../../src/analysis/hac.ts';

/** Same regression as glm.test.ts; expected values from R 4.2.2, sandwich 3.0.2. */
const y = [2, 3, 6, 7, 8, 9, 10, 12, 15, 20, 14, 11];
const e = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5];
const x = y.map((_, t) => [1, t, Math.sin((2 * Math.PI * t) / 12)]);
const fit = poissonGlm(x, y, e.map(Math.log));
const input = { x, y, mu: fit.fitted, bread: fit.covariance };
// NeweyWest(f, lag = 2, prewhite = FALSE, adjust = TRUE)
const R_NW2 = [0.14221348909150933, -0.023145097064983248, -0.084294659874582095, -0.023145097064983234, 0.003897385220106536,
  0.01453238978823175, -0.084294659874582192, 0.014532389788231773, 0.063554106173757702];
// NeweyWest(f, lag = 0, prewhite = FALSE, adjust = FALSE) == vcovHC(f, type = "HC0")
const R_HC0 = [0.086376316780516993, -0.014322881398274961, -0.0509961596162418, -0.014322881398274985, 0.0024738096141436244,
  0.0088090624756767023, -0.050996159616241966, 0.0088090624756767093, 0.038694174582874816];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Newey–West HAC covariance', () => {
  it('matches sandwich::NeweyWest(lag = 2, prewhite = FALSE, adjust = TRUE)', () => {
    neweyWest(input, { lag: 2 }).flat().forEach((v, i) => expect(rel(v, R_NW2[i]!)).toBeLessThan(1e-9));
  });

  it('is the HC0 sandwich with lag 0 and no adjustment', () => {
    neweyWest(input, { lag: 0, adjust: false }).flat().forEach((v, i) => expect(rel(v, R_HC0[i]!)).toBeLessThan(1e-9));
  });

  it('applies the n/(n - k) adjustment', () => {
    const a = neweyWest(input, { lag: 1 }), b = neweyWest(input, { lag: 1, adjust: false });
    expect(a[1]![2]! / b[1]![2]!).toBeCloseTo(12 / 9, 12);
  });

  it('sums scores within a period and orders periods (Driscoll–Kraay for stacked series)', () => {
    const g = periodScores([[1, 0], [1, 1], [1, 0]], [3, 1, 2], [2, 2, 2], [5, 1, 5]);
    expect(g).toEqual([[-1, -1], [1, 0]]);
    // One row per period in row order is the same as giving the periods explicitly.
    const same = neweyWest(input, { lag: 2, period: y.map((_, i) => i * 10) });
    expect(same).toEqual(neweyWest(input, { lag: 2 }));
  });

  it('refuses a bad lag or too few observations', () => {
    expect(() => neweyWest(input, { lag: -1 })).toThrow(/lag/);
    expect(() => neweyWest(input, { lag: 1.5 })).toThrow(/lag/);
    expect(() => neweyWest({ ...input, x: x.slice(0, 3), y: y.slice(0, 3), mu: fit.fitted.slice(0, 3) }, { lag: 1 })).toThrow(/more observations/);
  });

  it('chooses the default lag by floor(4 (T/100)^(2/9))', () => {
    expect([1, 12, 24, 36, 78, 79, 100, 157, 500].map(defaultLag)).toEqual([1, 2, 2, 3, 3, 3, 4, 4, 5]);
    expect(defaultLag(0)).toBe(0);
  });
});
