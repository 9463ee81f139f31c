import { describe, expect, it } from 'vitest';
import { checkClaim, claimArithmetic, claimPeriods, supportedChange, verdictOf, type CheckInput, type ClaimCheck, type ClaimSpec } from '../../../src/analysis/claim.ts';
import { Z95 } from '../../../src/analysis/glm.ts';
import { fitIts, type ItsResult } from '../../../src/analysis/its.ts';
import { monthRange, poissonDraws } from '../../helpers/series.ts';

/** Series built to show each reason a claim's figure and the supported one differ. 2017-01 to
 *  2022-12, launch 2020-01 (36 months on each side). */
const months = monthRange('2017-01', '2022-12');
const LAUNCH = '2020-01';
const at = (m: string) => months.indexOf(m);

/** Expected counts: a level, a slope per month, a season (amplitude `season` on the log scale, high
 *  in July), and a change at the launch. */
function means({ level = Math.log(100), slope = 0, season = 0.1, drop = 0 } = {}): number[] {
  return months.map((m, t) => {
    const cal = Number(m.slice(5));
    return Math.exp(level + slope * t + season * Math.cos((2 * Math.PI * (cal - 7)) / 12) + (m >= LAUNCH ? drop : 0));
  });
}

function check(counts: (number | null)[], spec: ClaimSpec, extra: Partial<CheckInput> = {}): ClaimCheck {
  const comparison = extra.comparison?.counts;
  const result = fitIts({ months, counts, launch: LAUNCH, ...(comparison ? { comparison: [...comparison] } : {}) });
  const out = checkClaim({ months, counts, launch: LAUNCH, result, ...extra }, spec);
  if ('error' in out) throw new Error(out.error);
  return out;
}
const kinds = (c: ClaimCheck) => c.reasons.map((r) => r.kind);

describe('the periods a claim compares', () => {
  it('since the launch: from the launch to the last month counted, against as many months before it', () => {
    expect(claimPeriods({ kind: 'since-launch', end: '2020-06' }, months, LAUNCH)).toEqual({ before: { from: '2019-07', to: '2019-12' }, after: { from: '2020-01', to: '2020-06' } });
    // More months since the launch than before it: the earlier period starts with the series.
    expect(claimPeriods({ kind: 'since-launch' }, monthRange('2019-01', '2022-12'), LAUNCH)).toEqual({ before: { from: '2019-01', to: '2019-12' }, after: { from: '2020-01', to: '2022-12' } });
  });
  it('the same months a year earlier; a year against the one before, over the months loaded', () => {
    expect(claimPeriods({ kind: 'same-months', after: { from: '2020-06', to: '2020-08' } }, months, LAUNCH)).toEqual({ before: { from: '2019-06', to: '2019-08' }, after: { from: '2020-06', to: '2020-08' } });
    expect(claimPeriods({ kind: 'year', year: 2022 }, monthRange('2017-01', '2022-07'), LAUNCH)).toEqual({ before: { from: '2021-01', to: '2021-07' }, after: { from: '2022-01', to: '2022-07' } });
  });
  it('says what is wrong with a period instead of guessing', () => {
    expect(claimPeriods({ kind: 'custom', before: { from: '2020-01', to: '2020-06' }, after: { from: '2020-03', to: '2020-08' } }, months, LAUNCH)).toEqual({ error: expect.stringMatching(/must start after/) });
    expect(claimPeriods({ kind: 'same-months', after: { from: '2020-01', to: '2021-06' } }, months, LAUNCH)).toEqual({ error: expect.stringMatching(/more than a year/) });
  });
});

describe('the claim\'s own arithmetic', () => {
  it('is the change of the average month, with unreported and partial months left out and listed', () => {
    const counts: (number | null)[] = months.map((m) => (m === '2019-11' ? null : 10));
    counts[at('2020-02')] = 20;
    const a = claimArithmetic({ months, counts, partial: new Set(['2020-03']) }, { before: { from: '2019-10', to: '2019-12' }, after: { from: '2020-01', to: '2020-03' } });
    expect(a.before).toMatchObject({ months: 3, used: 2, total: 20, mean: 10, missing: ['2019-11'], partial: [] });
    expect(a.after).toMatchObject({ months: 3, used: 2, total: 30, mean: 15, missing: [], partial: ['2020-03'] });
    expect(a.percent).toBeCloseTo(50, 10);
  });
});

describe('checking a claim', () => {
  it('a falling trend and no effect: a before/after claim is larger than the data support, and the trend is said', () => {
    const counts = poissonDraws(means({ slope: -0.01 }));
    const c = check(counts, { kind: 'since-launch' });
    // The claim's arithmetic: three years after against three years before, about 30% lower.
    expect(c.arithmetic.percent!).toBeLessThan(-25);
    expect(c.supported!.lower).toBeLessThan(0);
    expect(c.supported!.upper).toBeGreaterThan(0);
    expect(c.verdict).toBe('larger');
    const trend = c.reasons.find((r) => r.kind === 'trend');
    expect(trend).toBeDefined();
    if (trend?.kind === 'trend') expect(trend.perYear).toBeCloseTo((Math.exp(-0.12) - 1) * 100, -1);
    // What the trend and season alone give between the periods is most of the claimed fall.
    expect(c.supported!.expectedPercent).toBeLessThan(-25);
  });

  it('a real drop at the launch: a claim within the interval is supported, one beyond it larger', () => {
    const counts = poissonDraws(means({ drop: Math.log(0.7) }), 7);
    const ok = check(counts, { kind: 'since-launch', claimed: -25 });
    expect(ok.supported!.percent).toBeGreaterThan(-40);
    expect(ok.supported!.percent).toBeLessThan(-20);
    expect(ok.verdict).toBe('supported');
    expect(check(counts, { kind: 'since-launch', claimed: -60 }).verdict).toBe('larger');
    expect(kinds(ok)).not.toContain('trend');
  });

  it('no change at all: a small claimed fall is not distinguishable from no change', () => {
    const counts = poissonDraws(means(), 3);
    // 2021 against 2020, both after the launch: the interval is narrow, about −3% to +8% here.
    const c = check(counts, { kind: 'year', year: 2021, claimed: -1 });
    expect(c.supported!.lower).toBeLessThan(-1);
    expect(c.verdict).toBe('no-change');
    expect(check(counts, { kind: 'year', year: 2021, claimed: -10 }).verdict).toBe('larger');
  });

  it('periods in different seasons: the season is said with its size', () => {
    const counts = poissonDraws(means({ season: 0.35 }), 11);
    // January-March 2020 against July-September 2019: a winter against a summer.
    const c = check(counts, { kind: 'custom', before: { from: '2019-07', to: '2019-09' }, after: { from: '2020-01', to: '2020-03' } });
    const s = c.reasons.find((r) => r.kind === 'season');
    expect(s).toBeDefined();
    if (s?.kind === 'season') expect(s.percent).toBeLessThan(-35);
    // The same months a year apart share the season: no season reason.
    expect(kinds(check(counts, { kind: 'same-months', after: { from: '2020-06', to: '2020-08' } }))).not.toContain('season');
  });

  it('an unusually high earlier period: its excess over the model is said', () => {
    const m = means();
    for (const x of monthRange('2019-06', '2019-08')) m[at(x)]! *= 1.6;
    const counts = poissonDraws(m, 5);
    const c = check(counts, { kind: 'same-months', after: { from: '2020-06', to: '2020-08' } });
    const high = c.reasons.find((r) => r.kind === 'high-before');
    expect(high).toBeDefined();
    if (high?.kind === 'high-before') expect(high.percent).toBeGreaterThan(20);
    expect(c.arithmetic.percent!).toBeLessThan(-25);
    expect(c.verdict).not.toBe('supported');
  });

  it('small counts: the chance interval of the claim\'s own figure is said', () => {
    const counts = poissonDraws(means({ level: Math.log(3) }), 9);
    const c = check(counts, { kind: 'same-months', after: { from: '2020-06', to: '2020-08' } });
    const small = c.reasons.find((r) => r.kind === 'small-counts');
    expect(small).toBeDefined();
    if (small?.kind === 'small-counts') expect(small.upper - small.lower).toBeGreaterThan(40);
    // A city's counts are not small.
    expect(kinds(check(poissonDraws(means({ level: Math.log(400) }), 9), { kind: 'same-months', after: { from: '2020-06', to: '2020-08' } }))).not.toContain('small-counts');
  });

  it('reporting changes inside the window: the 2021 NIBRS move for FBI-reported counts, months not reported', () => {
    const counts: (number | null)[] = poissonDraws(means(), 13);
    counts[at('2020-07')] = null;
    const c = check(counts, { kind: 'custom', before: { from: '2020-06', to: '2020-12' }, after: { from: '2021-06', to: '2021-12' } }, { fbiReported: true });
    expect(kinds(c)).toContain('nibrs-2021');
    expect(c.reasons.find((r) => r.kind === 'unreported')).toEqual({ kind: 'unreported', months: ['2020-07'] });
    expect(kinds(check(counts, { kind: 'custom', before: { from: '2020-06', to: '2020-12' }, after: { from: '2021-06', to: '2021-12' } }))).not.toContain('nibrs-2021');
  });

  it('a comparison area that fell as much is said, and the controlled model puts the fall on neither', () => {
    const counts = poissonDraws(means({ drop: Math.log(0.75) }), 17);
    const other = poissonDraws(means({ level: Math.log(150), drop: Math.log(0.75) }), 19);
    const c = check(counts, { kind: 'since-launch', claimed: -25 }, { comparison: { label: 'Next town', counts: other } });
    const r = c.reasons.find((x) => x.kind === 'comparison');
    expect(r).toMatchObject({ kind: 'comparison', label: 'Next town' });
    expect(c.supported!.lower).toBeLessThan(0);
    expect(c.supported!.upper).toBeGreaterThan(0);
    expect(c.verdict).toBe('larger');
  });

  it('cannot be checked: too few months on one side, or both periods before the launch', () => {
    const short = monthRange('2019-06', '2020-05');
    const counts = poissonDraws(short.map(() => 50));
    const result = fitIts({ months: short, counts, launch: LAUNCH });
    const out = checkClaim({ months: short, counts, launch: LAUNCH, result }, { kind: 'since-launch' }) as ClaimCheck;
    expect(out.verdict).toBe('cannot');
    expect(out.why).toMatch(/Too little data/);
    expect(out.arithmetic.percent).not.toBeNull();
    const before = check(poissonDraws(means()), { kind: 'year', year: 2019 });
    expect(before.verdict).toBe('cannot');
    expect(before.why).toMatch(/before the launch/);
  });
});

describe('the supported change', () => {
  const counts = poissonDraws(means({ drop: Math.log(0.8), slope: -0.003 }), 23);
  const result = fitIts({ months, counts, launch: LAUNCH });
  const model = result.model!;
  const periods = { before: { from: '2019-03', to: '2019-08' }, after: { from: '2021-03', to: '2021-08' } };
  const s = supportedChange(result, periods)!;

  it('is the model\'s expected count over the counterfactual in the later period (the earlier is before the launch)', () => {
    const cf = new Map(model.counterfactual.map((c) => [c.month, c]));
    const later = monthRange('2021-03', '2021-08');
    const fitted = later.reduce((t, m) => t + cf.get(m)!.fitted, 0), without = later.reduce((t, m) => t + cf.get(m)!.expected, 0);
    expect(s.percent).toBeCloseTo((fitted / without - 1) * 100, 8);
  });

  it('has the delta-method interval: its gradient matches finite differences of the log ratio', () => {
    const beta = model.coefficients.map((c) => c.estimate);
    const logR = (b: number[]) => {
      const moved: ItsResult = { ...result, model: { ...model, coefficients: model.coefficients.map((c, i) => ({ ...c, estimate: b[i]! })) } };
      return Math.log(1 + supportedChange(moved, periods)!.percent / 100);
    };
    const h = 1e-6;
    const g = beta.map((_, j) => {
      const up = [...beta], down = [...beta];
      up[j]! += h; down[j]! -= h;
      return (logR(up) - logR(down)) / (2 * h);
    });
    const se = (v: number[][]) => Math.sqrt(g.reduce((t, gi, i) => t + gi * v[i]!.reduce((u, x, j) => u + x * g[j]!, 0), 0));
    const larger = Math.max(se(model.covariance), se(model.covarianceQuasi));
    expect(Math.log(1 + s.upper / 100) - Math.log(1 + s.percent / 100)).toBeCloseTo(Z95 * larger, 6);
    expect(Math.log(1 + s.percent / 100) - Math.log(1 + s.lower / 100)).toBeCloseTo(Z95 * larger, 6);
  });
});

describe('the verdict', () => {
  it('is decided by where the figure falls against the supported interval', () => {
    expect(verdictOf(-40, { lower: -20, upper: 5 })).toBe('larger');
    expect(verdictOf(-10, { lower: -20, upper: 5 })).toBe('no-change');
    expect(verdictOf(-10, { lower: -35, upper: -15 })).toBe('supported');
    expect(verdictOf(-20, { lower: -35, upper: -15 })).toBe('supported');
    expect(verdictOf(-10, { lower: 5, upper: 20 })).toBe('larger');
    expect(verdictOf(15, { lower: 5, upper: 20 })).toBe('supported');
    expect(verdictOf(30, { lower: 5, upper: 20 })).toBe('larger');
  });
});
