import { describe, expect, it } from 'vitest';
import { fitIts, type Effect, type ItsModel, type ItsResult } from '../../../src/analysis/its.ts';
import { describeChange, formatPercent, impactSummary } from '../../../src/analysis/summary.ts';

const opts = { measure: 'addiction-associated offenses in Gloucester PD', launchLabel: 'January 2022' };

function effect(ratio: number, lower: number, upper: number, extra: Partial<Effect> = {}): Effect {
  return {
    timeSinceLaunch: 11, month: '2022-12', logRatio: Math.log(ratio), se: 0.1, p: 0.5, seHac: 0.1, seQuasi: 0.08, seBasis: 'hac',
    ratio, lower, upper, percent: (ratio - 1) * 100, percentLower: (lower - 1) * 100, percentUpper: (upper - 1) * 100,
    extrapolated: false, ...extra,
  };
}
function result(e: Effect | null, patch: Partial<ItsResult> = {}): ItsResult {
  const model: ItsModel | null = e && {
    coefficients: [], covariance: [], covarianceQuasi: [], lag: 3, dispersion: 1.4, deviance: 80, observations: 60,
    fitted: [], comparisonFitted: null, counterfactual: [], effect: e,
  };
  return {
    enough: true, reason: null, controlled: false, harmonics: 2, months: [], launch: '2022-01',
    nPre: 48, nPost: 30, comparisonPre: null, comparisonPost: null, model, ...patch,
  };
}
const NO_CAUSAL_CLAIM = /\b(caused|led to|resulted in|due to the program|because of the program|reduced crime|prevented)\b/i;

describe('impact summary', () => {
  it('says too little data, with the month counts, and gives no estimate', () => {
    const s = impactSummary(result(effect(0.8, 0.6, 1.1), { enough: false, nPre: 30, nPost: 7 }), opts);
    expect(s[0]).toContain('too little data');
    expect(s[0]).toContain('30 reported months before the launch and 7 from it');
    expect(s.join(' ')).not.toMatch(/%/);
  });

  it('names the short comparison series when that is what is missing', () => {
    const r = result(null, { enough: false, controlled: true, comparisonPre: 5, comparisonPost: 20 });
    const s = impactSummary(r, { ...opts, comparisonLabel: 'Revere PD' });
    expect(s[0]).toContain('too little data');
    expect(s[0]).toContain('the comparison series (Revere PD) has 5 and 20');
  });

  it('says when the model could not be fitted', () => {
    const s = impactSummary(result(null, { reason: 'The model could not be fitted: the estimation did not converge.' }), opts);
    expect(s).toEqual(['The change after January 2022 could not be estimated. The model could not be fitted: the estimation did not converge.']);
  });

  it('reports a decrease whose interval includes no change as consistent with no effect', () => {
    const s = impactSummary(result(effect(0.8166, 0.6993, 1.0412)), opts);
    expect(s[0]).toBe('By December 2022, the 12th month of the program (launch: January 2022), counts of addiction-associated offenses in '
      + 'Gloucester PD were 18% lower than the pre-launch trend projected (95% interval: from 30% lower to 4.1% higher).');
    expect(s).toContain('The interval includes no change, so the data are consistent with no effect.');
    expect(s.join(' ')).toContain('This design cannot rule out other causes');
    expect(s.join(' ')).toContain('48 reported months before the launch and 30 from it');
    expect(s.join(' ')).toContain('(Newey–West, lag 3); it is at least as wide as the quasi-Poisson interval.');
    expect(s.join(' ')).not.toMatch(NO_CAUSAL_CLAIM);
  });

  it('reports an interval that excludes no change without claiming the program caused it', () => {
    const s = impactSummary(result(effect(1.25, 1.05, 1.49)), opts);
    expect(s[0]).toContain('were 25% higher than the pre-launch trend projected (95% interval: from 5% higher to 49% higher)');
    expect(s.join(' ')).not.toContain('consistent with no effect');
    expect(s.join(' ')).toContain('does not include no change');
    expect(s.join(' ')).toContain('This design cannot rule out other causes');
    expect(s.join(' ')).not.toMatch(NO_CAUSAL_CLAIM);
  });

  it('mentions the comparison series in a controlled analysis', () => {
    const r = result(effect(0.744, 0.574, 0.964), { controlled: true, comparisonPre: 48, comparisonPost: 31 });
    const s = impactSummary(r, { ...opts, comparisonLabel: 'Revere PD' });
    expect(s[0]).toContain('26% lower than the pre-launch trend projected, allowing for the change in the comparison series (Revere PD)');
    expect(s.some((x) => x.startsWith('The projection is compared with the comparison series (Revere PD)'))).toBe(true);
    expect(impactSummary(r, opts).join(' ')).toContain('the comparison series over the same months');
  });

  it('says when the interval is the quasi-Poisson one (wider than Newey–West)', () => {
    const s = impactSummary(result(effect(0.744, 0.571, 0.970, { se: 0.134, seHac: 0.13, seQuasi: 0.134, seBasis: 'quasi' })), opts);
    expect(s[s.length - 1]).toContain('it is the quasi-Poisson interval, which is wider here than the Newey–West one (lag 3)');
  });

  it('says "about the same" when the change rounds to zero, and flags an extrapolated month', () => {
    const s = impactSummary(result(effect(1.0003, 0.8, 1.2, { extrapolated: true })), opts);
    expect(s[0]).toContain('were about the same as the pre-launch trend projected');
    expect(s[1]).toContain('extends the fitted lines past the last reported month');
  });

  it('rounds percents sensibly', () => {
    expect(['-18.34', '4.25', '-0.04', '9.96', '1250.4', '-100'].map((v) => formatPercent(Number(v)))).toEqual(['18', '4.3', '0', '10', '1,250', '100']);
    expect(describeChange(-0.04)).toBe('no different');
    expect(describeChange(-3.21)).toBe('3.2% lower');
  });

  it('reads a real fitted result', () => {
    const months = Array.from({ length: 36 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const counts = months.map((_, i) => 50 + ((i * 7) % 11) - (i >= 24 ? 10 : 0));
    const s = impactSummary(fitIts({ months, counts, launch: '2022-01' }), opts);
    expect(s[0]).toMatch(/^By December 2022, the 12th month of the program \(launch: January 2022\), counts of .* were \d+(\.\d)?% lower than/);
  });
});
