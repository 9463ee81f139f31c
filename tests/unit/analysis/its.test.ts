import { readFileSync } from 'node:fs';
import { monthRange, poissonDraws } from '../../helpers/series.ts';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { normalUpperTail, poissonGlm, Z95 } from '../../../src/analysis/glm.ts';
import { EFFECT_MONTH, fitIts, type ItsInput, type ItsModel, type ItsResult } from '../../../src/analysis/its.ts';
import { PUBLIC } from '../../helpers/node.ts';

/** Reference results written by tests/r/its.R (R glm + sandwich). R is not needed to run this.
 *  R's se, z, p, counterfactual lower/upper and effect se/lower/upper are HAC-based; se_quasi are the
 *  quasi-Poisson model-based standard errors. its.ts reports the larger of the two. */
interface RCase {
  input: { months: string[]; counts: (number | null)[]; launch: string; harmonics: number; comparison?: (number | null)[]; offset?: number[] };
  lag: number; names: string[]; estimate: number[]; se: number[]; z: number[]; p: number[]; se_quasi: number[];
  dispersion: number; deviance: number; observations: number; fitted: number[];
  counterfactual: { month: string[]; expected: number[]; lower: number[]; upper: number[]; se_quasi: number[] };
  effect: { month: string; log_ratio: number; se: number; ratio: number; lower: number; upper: number; se_quasi: number };
}
const R = JSON.parse(readFileSync(new URL('../../r/its-expected.json', import.meta.url), 'utf8')) as { cases: Record<string, RCase> };

function readCsv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(PUBLIC, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

// RTCI: burglary + theft + motor_vehicle_theft per month, keyed on agency_full; a missing row or an
// NA in any of the three → null (not reported).
const rtci = readCsv('rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv');
function rtciSeries(agency: string, months: string[]): (number | null)[] {
  const byMonth = new Map(rtci.filter((r) => r.agency_full === agency).map((r) => [r.date!.slice(0, 7), r]));
  return months.map((m) => {
    const r = byMonth.get(m);
    const parts = r ? [r.burglary, r.theft, r.motor_vehicle_theft] : [];
    return r && parts.every((v) => v !== undefined && /^\d+$/.test(v)) ? parts.reduce((s, v) => s + Number(v), 0) : null;
  });
}
const maldenDates = rtci.filter((r) => r.agency_full === 'Malden, Massachusetts').map((r) => r.date!.slice(0, 7)).sort();
const rtciMonths = monthRange(maldenDates[0]!, maldenDates[maldenDates.length - 1]!);
const malden = rtciSeries('Malden, Massachusetts', rtciMonths);
const revere = rtciSeries('Revere, Massachusetts', rtciMonths);

// PA ODIN: distinct Incident IDs per month of Incident Date (MM/DD/YYYY), 2018-01..2019-12
// (rows are victim × drug; the half month 2020-01 in the file is left out).
const odinMonths = monthRange('2018-01', '2019-12');
const incidents = new Map(odinMonths.map((m) => [m, new Set<string>()]));
for (const r of readCsv('pa_odin_overdose_incidents_naloxone_2018-2019.csv')) {
  const d = r['Incident Date']!;
  incidents.get(`${d.slice(6, 10)}-${d.slice(0, 2)}`)?.add(r['Incident ID']!);
}
const odin = odinMonths.map((m) => incidents.get(m)!.size);
const daysInMonth = odinMonths.map((m) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).getUTCDate());

const cases: Record<string, ItsInput> = {
  rtci_malden: { months: rtciMonths, counts: malden, launch: '2022-01' },
  rtci_malden_vs_revere: { months: rtciMonths, counts: malden, comparison: revere, launch: '2022-01' },
  odin_pa: { months: odinMonths, counts: odin, launch: '2019-01' },
  odin_pa_per_day: { months: odinMonths, counts: odin, launch: '2019-01', offset: daysInMonth },
};

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
let worst = 0;
function close(a: number[], b: number[], tol = 1e-6): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    worst = Math.max(worst, rel(v, b[i]!));
    expect(rel(v, b[i]!), `index ${i}: ${v} vs ${b[i]}`).toBeLessThan(tol);
  });
}
/** Internal consistency (not against R, so not counted in `worst`): relative agreement to 1e-9. */
function consistent(a: number[], b: number[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(rel(v, b[i]!), `index ${i}: ${v} vs ${b[i]}`).toBeLessThan(1e-9));
}
const max = (a: number[], b: number[]) => a.map((v, i) => Math.max(v, b[i]!));
const basis = (hac: number[], quasi: number[]) => hac.map((v, i) => (v >= quasi[i]! ? 'hac' : 'quasi'));
const twoSidedP = (z: number) => 2 * normalUpperTail(Math.abs(z));

/** Every reported contrast: se = max(seHac, seQuasi), seBasis names it, and z, p, interval follow. */
function checkReported(m: ItsModel): void {
  const all = [...m.coefficients, ...m.counterfactual, m.effect];
  for (const k of all) {
    expect(k.se).toBe(Math.max(k.seHac, k.seQuasi));
    expect(k.seBasis).toBe(k.seHac >= k.seQuasi ? 'hac' : 'quasi');
  }
  const cs = m.coefficients;
  consistent(cs.map((c) => c.z), cs.map((c) => c.estimate / c.se));
  consistent(cs.map((c) => c.p), cs.map((c) => twoSidedP(c.estimate / c.se)));
  consistent(cs.map((c) => c.lower), cs.map((c) => c.estimate - Z95 * c.se));
  consistent(cs.map((c) => c.upper), cs.map((c) => c.estimate + Z95 * c.se));
  consistent(cs.map((c) => c.seHac), cs.map((_, j) => Math.sqrt(m.covariance[j]![j]!)));
  consistent(cs.map((c) => c.seQuasi), cs.map((_, j) => Math.sqrt(m.covarianceQuasi[j]![j]!)));
  const cf = m.counterfactual;
  consistent(cf.map((p) => p.lower), cf.map((p) => p.expected * Math.exp(-Z95 * p.se)));
  consistent(cf.map((p) => p.upper), cf.map((p) => p.expected * Math.exp(Z95 * p.se)));
  const e = m.effect;
  consistent([e.p, e.ratio, e.lower, e.upper], [twoSidedP(e.logRatio / e.se), Math.exp(e.logRatio), Math.exp(e.logRatio - Z95 * e.se), Math.exp(e.logRatio + Z95 * e.se)]);
  consistent([e.percent, e.percentLower, e.percentUpper], [(e.ratio - 1) * 100, (e.lower - 1) * 100, (e.upper - 1) * 100]);
}

describe('ITS on real public series, against R (glm + sandwich)', () => {
  it('builds the same series R used', () => {
    expect(rtciMonths).toEqual(R.cases.rtci_malden!.input.months);
    expect(rtciMonths).toHaveLength(79);
    expect(malden).toEqual(R.cases.rtci_malden!.input.counts);
    expect(malden.filter((v) => v === null)).toHaveLength(1); // 2024-03 not reported
    expect(revere).toEqual(R.cases.rtci_malden_vs_revere!.input.comparison);
    expect(odinMonths).toEqual(R.cases.odin_pa!.input.months);
    expect(odin).toEqual(R.cases.odin_pa!.input.counts);
    expect(daysInMonth).toEqual(R.cases.odin_pa_per_day!.input.offset);
  });

  for (const [id, input] of Object.entries(cases)) {
    it(`${id}: coefficients, HAC and quasi-Poisson standard errors, counterfactual band and 12-month effect`, () => {
      const r = R.cases[id]!;
      const res = fitIts(input);
      expect(res.enough).toBe(true);
      const m = res.model!;
      expect(m.lag).toBe(r.lag);
      expect(m.observations).toBe(r.observations);
      expect(m.coefficients.map((c) => c.name)).toEqual(r.names);
      checkReported(m);
      const cs = m.coefficients;
      close(cs.map((c) => c.estimate), r.estimate);
      // Both standard errors against R: HAC (sandwich) and quasi-Poisson (vcov of the quasipoisson fit).
      close(cs.map((c) => c.seHac), r.se);
      close(cs.map((c) => c.estimate / c.seHac), r.z);
      close(cs.map((c) => twoSidedP(c.estimate / c.seHac)), r.p);
      close(cs.map((c) => c.seQuasi), r.se_quasi);
      // The reported se is the larger of R's two; z, p and the interval follow from it.
      const rSe = max(r.se, r.se_quasi);
      expect(cs.map((c) => c.seBasis)).toEqual(basis(r.se, r.se_quasi));
      close(cs.map((c) => c.se), rSe);
      close(cs.map((c) => c.z), r.estimate.map((b, j) => b / rSe[j]!));
      close(cs.map((c) => c.p), r.estimate.map((b, j) => twoSidedP(b / rSe[j]!)));
      close(cs.map((c) => c.lower), r.estimate.map((b, j) => b - Z95 * rSe[j]!));
      close(cs.map((c) => c.upper), r.estimate.map((b, j) => b + Z95 * rSe[j]!));
      close([m.dispersion, m.deviance], [r.dispersion, r.deviance]);
      close(m.fitted, r.fitted);

      // Counterfactual: R's band is HAC-based, so R's HAC se of each month's log prediction is
      // (log(upper) − log(expected))/Z95; R also writes the quasi-Poisson se.
      const cf = m.counterfactual, rc = r.counterfactual;
      expect(cf.map((p) => p.month)).toEqual(rc.month);
      close(cf.map((p) => p.expected), rc.expected);
      const rHac = rc.upper.map((u, i) => (Math.log(u) - Math.log(rc.expected[i]!)) / Z95);
      close(rHac, rc.lower.map((l, i) => (Math.log(rc.expected[i]!) - Math.log(l)) / Z95)); // R's band is symmetric
      close(cf.map((p) => p.seHac), rHac);
      close(cf.map((p) => p.seQuasi), rc.se_quasi);
      const rCfSe = max(rHac, rc.se_quasi);
      expect(cf.map((p) => p.seBasis)).toEqual(basis(rHac, rc.se_quasi));
      close(cf.map((p) => p.se), rCfSe);
      close(cf.map((p) => p.lower), rc.expected.map((x, i) => x * Math.exp(-Z95 * rCfSe[i]!)));
      close(cf.map((p) => p.upper), rc.expected.map((x, i) => x * Math.exp(Z95 * rCfSe[i]!)));

      // 12-month effect: both se against R, then the reported interval from the larger.
      const e = m.effect, re = r.effect;
      expect(e.month).toBe(re.month);
      close([e.logRatio, e.ratio, e.seHac, e.seQuasi], [re.log_ratio, re.ratio, re.se, re.se_quasi]);
      const eSe = Math.max(re.se, re.se_quasi);
      expect(e.seBasis).toBe(re.se >= re.se_quasi ? 'hac' : 'quasi');
      close([e.se, e.p, e.lower, e.upper], [eSe, twoSidedP(re.log_ratio / eSe), Math.exp(re.log_ratio - Z95 * eSe), Math.exp(re.log_ratio + Z95 * eSe)]);
      expect(e.percent).toBeCloseTo((re.ratio - 1) * 100, 8);
      if (e.seBasis === 'hac') close([e.lower, e.upper], [re.lower, re.upper]); // R's own HAC interval
    });
  }

  it('uses each basis where it is larger: HAC for Malden alone and ODIN, quasi-Poisson for Malden vs Revere', () => {
    const bases = Object.fromEntries(Object.entries(cases).map(([id, input]) => [id, fitIts(input).model!.effect.seBasis]));
    expect(bases).toEqual({ rtci_malden: 'hac', rtci_malden_vs_revere: 'quasi', odin_pa: 'hac', odin_pa_per_day: 'hac' });
    const vsRevere = fitIts(cases.rtci_malden_vs_revere!).model!.effect;
    expect(vsRevere.upper).toBeGreaterThan(R.cases.rtci_malden_vs_revere!.effect.upper); // wider than R's HAC interval
    expect(vsRevere.lower).toBeLessThan(R.cases.rtci_malden_vs_revere!.effect.lower);
  });

  it('reports the largest relative difference from R', () => {
    console.log(`ITS vs R: max relative difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-6);
  });
});

const synthMonths = monthRange('2019-01', '2022-12'); // 48 months, launch 2021-01: 24 + 24
function synthMeans(level: number, slope: number): number[] {
  return synthMonths.map((m, t) => {
    const post = t >= 24 ? 1 : 0, since = Math.max(0, t - 24), cal = +m.slice(5);
    return Math.exp(5 + 0.005 * t + level * post + slope * since + 0.15 * Math.sin((2 * Math.PI * cal) / 12) - 0.1 * Math.cos((2 * Math.PI * cal) / 12));
  });
}

describe('ITS on synthetic series', () => {
  it('recovers known coefficients exactly from noise-free expected counts', () => {
    const res = fitIts({ months: synthMonths, counts: synthMeans(-0.2, -0.01), launch: '2021-01' });
    const est = Object.fromEntries(res.model!.coefficients.map((c) => [c.name, c.estimate]));
    expect(est.post).toBeCloseTo(-0.2, 8);
    expect(est.time_since_launch).toBeCloseTo(-0.01, 8);
    expect(est.sin1).toBeCloseTo(0.15, 8);
    expect(res.model!.effect.ratio).toBeCloseTo(Math.exp(-0.2 - 0.01 * EFFECT_MONTH), 8);
    expect(res.model!.effect.month).toBe('2021-12');
    // The counterfactual continues the pre-launch line: at the launch month it is the no-change mean.
    expect(res.model!.counterfactual[0]!.expected).toBeCloseTo(synthMeans(0, 0)[24]!, 6);
  });

  it('finds a known 25% drop in Poisson noise, with the truth inside the interval', () => {
    const res = fitIts({ months: synthMonths, counts: poissonDraws(synthMeans(Math.log(0.75), 0)), launch: '2021-01' });
    const e = res.model!.effect;
    checkReported(res.model!);
    expect(e.lower).toBeLessThan(0.75);
    expect(e.upper).toBeGreaterThan(0.75);
    expect(e.upper).toBeLessThan(1);
    expect(e.percent).toBeGreaterThan(-40);
    expect(e.percent).toBeLessThan(-10);
    expect(e.extrapolated).toBe(false);
    const cf = res.model!.counterfactual;
    expect(cf).toHaveLength(24);
    expect(cf.every((p) => p.lower < p.expected && p.expected < p.upper && p.fitted < p.expected)).toBe(true);
  });

  it('drops null months from the fit instead of counting them as zero', () => {
    const counts: (number | null)[] = poissonDraws(synthMeans(0, 0));
    counts[3] = null; counts[30] = null;
    const res = fitIts({ months: synthMonths, counts, launch: '2021-01', harmonics: 0 });
    expect([res.nPre, res.nPost, res.model!.observations]).toEqual([23, 23, 46]);
    expect(res.model!.fitted).toHaveLength(48); // a prediction for the unreported months too
    expect(res.model!.counterfactual[6]!.observed).toBeNull();
    // Same estimates as a GLM on the reported months only.
    const rows = counts.flatMap((v, t) => (v === null ? [] : [{ v, t }]));
    const direct = poissonGlm(rows.map(({ t }) => [1, t, t >= 24 ? 1 : 0, Math.max(0, t - 24)]), rows.map((r) => r.v));
    res.model!.coefficients.forEach((c, i) => expect(c.estimate).toBeCloseTo(direct.coefficients[i]!, 9));
    // The quasi-Poisson covariance is the model-based one times the Pearson dispersion.
    res.model!.covarianceQuasi.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(direct.covariance[i]![j]! * direct.dispersion, 12)));
    checkReported(res.model!);
    const zeroed = fitIts({ months: synthMonths, counts: counts.map((v) => v ?? 0), launch: '2021-01', harmonics: 0 });
    expect(zeroed.model!.coefficients[0]!.estimate).not.toBeCloseTo(res.model!.coefficients[0]!.estimate, 3);
  });

  it('says too little data below 12 months on a side, still fitting what it can', () => {
    const short = fitIts({ months: synthMonths.slice(0, 30), counts: poissonDraws(synthMeans(0, 0)).slice(0, 30), launch: '2021-01' });
    expect(short.enough).toBe(false);
    expect(short.reason).toMatch(/Too little data.*24 reported months before the launch and 6 from it/);
    expect(short.model).not.toBeNull();
    expect(short.model!.effect.extrapolated).toBe(true);
    const atStart = fitIts({ months: synthMonths, counts: poissonDraws(synthMeans(0, 0)), launch: '2019-01' });
    expect(atStart.enough).toBe(false);
    expect(atStart.model).toBeNull();
    expect(atStart.reason).toMatch(/could not be fitted: the term post/);
    const comp = fitIts({ months: synthMonths, counts: poissonDraws(synthMeans(0, 0)), comparison: synthMonths.map((_, i) => (i < 20 ? null : 30)), launch: '2021-01' });
    expect(comp.enough).toBe(false);
    expect(comp.reason).toMatch(/comparison series has 4 before and 24/);
  });

  it('refuses an estimate at infinity (all counts zero on one side of the launch)', () => {
    const counts = synthMonths.map((_, t) => (t >= 24 ? 0 : 5 + (t % 3)));
    const res = fitIts({ months: synthMonths, counts, launch: '2021-01' });
    expect(res.enough).toBe(true);
    expect(res.model).toBeNull();
    expect(res.reason).toMatch(/fitted counts are zero/);
    expect(fitIts({ months: synthMonths, counts: counts.map(() => 0), launch: '2021-01' }).model).toBeNull();
  });

  it('fits a controlled ITS whose effect is the difference from the comparison', () => {
    const prog = synthMeans(-0.3, 0), ctrl = synthMeans(-0.1, 0).map((v) => v / 2);
    const res = fitIts({ months: synthMonths, counts: prog, comparison: ctrl, launch: '2021-01' });
    const est = Object.fromEntries(res.model!.coefficients.map((c) => [c.name, c.estimate]));
    expect(est.post).toBeCloseTo(-0.1, 8);
    expect(est['group:post']).toBeCloseTo(-0.2, 8);
    expect(est.group).toBeCloseTo(Math.log(2), 8);
    expect(res.model!.effect.ratio).toBeCloseTo(Math.exp(-0.2), 8);
    // Counterfactual: the program series following the comparison's change.
    expect(res.model!.counterfactual[0]!.expected).toBeCloseTo(synthMeans(-0.1, 0)[24]!, 6);
    expect(res.model!.comparisonFitted![30]).toBeCloseTo(ctrl[30]!, 6);
  });
});

describe('ITS input checks', () => {
  const ok = { months: ['2020-01', '2020-02', '2020-03'], counts: [1, 2, 3], launch: '2020-02' };
  const bad: [Partial<ItsInput>, RegExp][] = [
    [{ months: ['2020-01', '2020-03', '2020-04'] }, /consecutive/],
    [{ months: ['2020-01', '2020-1', '2020-03'] }, /not a month/],
    [{ months: [], counts: [] }, /no months/],
    [{ counts: [1, 2] }, /counts has 2 values but there are 3 months/],
    [{ counts: [1, -2, 3] }, /counts\[1\]/],
    [{ counts: [1, NaN, 3] }, /counts\[1\]/],
    [{ launch: '2020-04' }, /outside the series/],
    [{ launch: '2019-12' }, /outside the series/],
    [{ launch: '2020-2' }, /not a month/],
    [{ offset: [1, 0, 1] }, /offset\[1\] must be a positive number/],
    [{ offset: [1, 1] }, /offset has 2 values/],
    [{ comparison: [1, 2, 3], offset: [1, 1, 1] }, /both series or for neither/],
    [{ comparisonOffset: [1, 1, 1] }, /without a comparison/],
    [{ comparison: [1, 2] }, /comparison has 2 values/],
    [{ harmonics: 6 }, /harmonics/],
    [{ lag: -1 }, /lag/],
  ];
  for (const [patch, message] of bad) {
    it(`throws ${message}`, () => expect(() => fitIts({ ...ok, ...patch } as ItsInput)).toThrow(message));
  }
  it('accepts the well-formed input (too little data, but no error)', () => {
    const res: ItsResult = fitIts(ok);
    expect(res.enough).toBe(false);
    expect(res.model).toBeNull();
    expect(res.reason).toMatch(/could not be fitted: 3 reported values for 8 terms/);
  });
});
