/** Checking a published before-and-after claim ("crime is down 40% since the program began")
 *  against a monthly series. Pure functions, no DOM.
 *
 *  1. The claim's own arithmetic: the two periods it compares, their counts, and the percentage
 *     change of the average month, (mean_after / mean_before − 1)·100 (the same as the totals'
 *     change when the periods have as many months). Months not reported (and months the records
 *     cover only in part) are left out of both averages and said.
 *  2. What the data support: the interrupted time series (its.ts) fitted on every loaded month,
 *     and the part of the change between the two periods that the model puts on the launch:
 *        R = [Σ_B μ / Σ_B μ⁰] ÷ [Σ_A μ / Σ_A μ⁰]
 *     with μ the model's expected count and μ⁰ the same with the program's level and slope change
 *     switched off (the counterfactual; equal to μ before the launch), A the earlier period and B
 *     the later. Its 95% interval is exp(log R ± 1.96·se), se by the delta method with the larger of
 *     the Newey–West and quasi-Poisson covariances (its.ts, `contrast`): the gradient of log Σ_P μ is
 *     Σ_P (μ_t / Σ_P μ)·x_t.
 *  3. Why the two differ, each reason shown only when the data show it, with its figure.
 *  4. A verdict from a fixed set, never a word of cause. */
import { Z95 } from './glm.ts';
import { contrast, designNames, designRow, isMonth, monthIndex, monthName, type ItsResult } from './its.ts';
import { launchProblem } from './summary.ts';

/** The comparisons a claim makes. */
export type ClaimKind = 'since-launch' | 'same-months' | 'year' | 'custom';

/** Months from `from` to `to`, both included ('YYYY-MM'). */
export interface MonthSpan { from: string; to: string }

/** The claim as the form states it. */
export interface ClaimSpec {
  kind: ClaimKind;
  /** since-launch: the last month counted (default: the series' last). */
  end?: string;
  /** same-months: the months claimed (compared with the same months a year earlier). custom: the later period. */
  after?: MonthSpan;
  /** custom: the earlier period. */
  before?: MonthSpan;
  /** year: the year claimed (compared with the one before, over the months of it that are loaded). */
  year?: number;
  /** The percentage change claimed (−40 for "down 40%"), when the claim gives one. */
  claimed?: number | null;
}

export interface ClaimPeriods { before: MonthSpan; after: MonthSpan }

const shift = (m: string, k: number) => monthName(monthIndex(m) + k);
const monthsOf = (p: MonthSpan): string[] => {
  const out: string[] = [];
  for (let i = monthIndex(p.from); i <= monthIndex(p.to); i++) out.push(monthName(i));
  return out;
};
const validSpan = (p: MonthSpan | undefined): p is MonthSpan => !!p && isMonth(p.from) && isMonth(p.to) && p.from <= p.to;

/** The two periods a claim compares, or why they cannot be worked out. `months` are the series'
 *  months, consecutive. */
export function claimPeriods(spec: ClaimSpec, months: readonly string[], launch: string): ClaimPeriods | { error: string } {
  const first = months[0], last = months.at(-1);
  if (!first || !last) return { error: 'The series has no months.' };
  switch (spec.kind) {
    case 'since-launch': {
      if (!isMonth(launch)) return { error: launchProblem(months, '')! };
      const end = isMonth(spec.end) ? spec.end : last;
      if (end < launch) return { error: `The last month counted (${end}) is before the launch (${launch}).` };
      const n = monthIndex(end) - monthIndex(launch) + 1;
      const from = shift(launch, -n) < first ? first : shift(launch, -n);
      if (from >= launch) return { error: 'The series has no month before the launch.' };
      return { before: { from, to: shift(launch, -1) }, after: { from: launch, to: end } };
    }
    case 'same-months': {
      if (!validSpan(spec.after)) return { error: 'Choose the months the claim is about (from and to).' };
      if (monthIndex(spec.after.to) - monthIndex(spec.after.from) >= 12) return { error: 'The months claimed span more than a year, so they cannot be compared with the same months a year earlier.' };
      return { before: { from: shift(spec.after.from, -12), to: shift(spec.after.to, -12) }, after: spec.after };
    }
    case 'year': {
      const y = spec.year;
      if (!y || !Number.isInteger(y)) return { error: 'Choose the year the claim is about.' };
      const from = `${y}-01`;
      const to = `${y}-12` <= last ? `${y}-12` : last;
      if (to < from) return { error: `The series ends before ${y}.` };
      return { before: { from: `${y - 1}-01`, to: shift(to, -12) }, after: { from, to } };
    }
    case 'custom': {
      if (!validSpan(spec.before) || !validSpan(spec.after)) return { error: 'Choose both periods (from and to, each from before to).' };
      if (spec.after.from <= spec.before.to) return { error: 'The later period must start after the earlier one ends.' };
      return { before: spec.before, after: spec.after };
    }
  }
}

/** One period of the claim, as the claim counts it. */
export interface PeriodSum {
  span: MonthSpan;
  /** Months in the period. */
  months: number;
  /** Months with a count used (reported, whole, inside the loaded months). */
  used: number;
  total: number;
  /** total / used; null when no month is used. */
  mean: number | null;
  /** Months of the period with no count, or outside the loaded months. */
  missing: string[];
  /** Months the records cover only in part, left out. */
  partial: string[];
}

export interface ClaimArithmetic {
  before: PeriodSum;
  after: PeriodSum;
  /** (after.mean / before.mean − 1)·100; null when either mean is missing or the earlier is 0. */
  percent: number | null;
}

export interface SeriesInput {
  months: readonly string[];
  counts: readonly (number | null)[];
  /** Months ('YYYY-MM') the records cover only in part (a set of them, or metrics/partialMonths' map). */
  partial?: { has(month: string): boolean };
}

function periodSum(s: SeriesInput, span: MonthSpan): PeriodSum {
  const at = new Map(s.months.map((m, i) => [m, s.counts[i] ?? null]));
  const out: PeriodSum = { span, months: 0, used: 0, total: 0, mean: null, missing: [], partial: [] };
  for (const m of monthsOf(span)) {
    out.months++;
    const v = at.get(m);
    if (s.partial?.has(m)) out.partial.push(m);
    else if (v == null) out.missing.push(m);
    else { out.used++; out.total += v; }
  }
  out.mean = out.used ? out.total / out.used : null;
  return out;
}

/** The claim's figure, computed as the claim computes it. */
export function claimArithmetic(s: SeriesInput, periods: ClaimPeriods): ClaimArithmetic {
  const before = periodSum(s, periods.before), after = periodSum(s, periods.after);
  const percent = before.mean != null && after.mean != null && before.mean > 0 ? (after.mean / before.mean - 1) * 100 : null;
  return { before, after, percent };
}

/** The part of the change between the periods the model puts on the launch, with its interval. */
export interface SupportedChange {
  percent: number; lower: number; upper: number;
  /** What the model expects between the periods without any change at the launch: the trend and
   *  the season alone (and the comparison area's change, when controlled), as a percentage. */
  expectedPercent: number;
}

interface ModelView {
  beta: number[]; cov: number[][]; covQuasi: number[][];
  /** Design row of month position t for the program series, with or without its own change. */
  row: (t: number, noChange: boolean) => number[];
  names: string[];
  first: number;
}

function modelView(r: ItsResult): ModelView | null {
  const m = r.model;
  if (!m) return null;
  const first = monthIndex(r.months[0]!);
  const launchAt = monthIndex(r.launch) - first;
  const group = r.controlled ? 1 : null;
  return {
    beta: m.coefficients.map((c) => c.estimate), cov: m.covariance, covQuasi: m.covarianceQuasi,
    row: (t, noChange) => designRow(t, launchAt, ((first + t) % 12) + 1, r.harmonics, group, noChange),
    names: designNames(r.harmonics, r.controlled), first,
  };
}

/** log Σ_P exp(x_t β) over the period's months, and its gradient Σ (μ_t/Σμ)·x_t. */
function logSum(v: ModelView, months: readonly string[], noChange: boolean): { value: number; grad: number[] } {
  const rows = months.map((m) => v.row(monthIndex(m) - v.first, noChange));
  const mus = rows.map((x) => Math.exp(x.reduce((s, xi, i) => s + xi * v.beta[i]!, 0)));
  const total = mus.reduce((a, b) => a + b, 0);
  const grad = v.names.map((_, j) => rows.reduce((s, x, k) => s + (mus[k]! / total) * x[j]!, 0));
  return { value: Math.log(total), grad };
}

const pct = (logRatio: number) => (Math.exp(logRatio) - 1) * 100;

/** The supported change between the claim's periods (module comment, 2). Months outside the
 *  series' months are not used; null when a period has none inside them. */
export function supportedChange(r: ItsResult, periods: ClaimPeriods): SupportedChange | null {
  const v = modelView(r);
  if (!v) return null;
  const inside = (p: MonthSpan) => monthsOf(p).filter((m) => m >= r.months[0]! && m <= r.months.at(-1)!);
  const a = inside(periods.before), b = inside(periods.after);
  if (!a.length || !b.length) return null;
  const bF = logSum(v, b, false), b0 = logSum(v, b, true), aF = logSum(v, a, false), a0 = logSum(v, a, true);
  const logR = bF.value - b0.value - (aF.value - a0.value);
  const c = v.names.map((_, j) => bF.grad[j]! - b0.grad[j]! - aF.grad[j]! + a0.grad[j]!);
  const se = contrast(v.beta, v.cov, v.covQuasi, c).se;
  const expected = (b0.value - Math.log(b.length)) - (a0.value - Math.log(a.length));
  return { percent: pct(logR), lower: pct(logR - Z95 * se), upper: pct(logR + Z95 * se), expectedPercent: pct(expected) };
}

/** Why the claim's figure and the supported one differ: each with its figure. */
export type Reason =
  | { kind: 'trend'; perYear: number; lower: number; upper: number; betweenPeriods: number }
  | { kind: 'season'; percent: number }
  | { kind: 'high-before'; percent: number; observed: number; expected: number }
  | { kind: 'small-counts'; before: number; after: number; lower: number; upper: number }
  | { kind: 'nibrs-2021' }
  | { kind: 'unreported'; months: string[] }
  | { kind: 'partial'; months: string[] }
  | { kind: 'comparison'; label: string; percent: number; own: number };

export type Verdict = 'supported' | 'larger' | 'no-change' | 'cannot';

export const VERDICT_WORDS: Record<Verdict, string> = {
  supported: 'Supported',
  larger: 'Larger than the data support',
  'no-change': 'Not distinguishable from no change',
  cannot: 'Cannot be checked with these data',
};

export interface ClaimCheck {
  periods: ClaimPeriods;
  arithmetic: ClaimArithmetic;
  /** The figure judged: the percentage claimed, else the claim's own arithmetic. */
  judged: number | null;
  supported: SupportedChange | null;
  reasons: Reason[];
  verdict: Verdict;
  /** Why the verdict is 'cannot', in words. */
  why?: string;
}

export interface CheckInput extends SeriesInput {
  launch: string;
  /** The fitted model on the same months (its.ts), or null when none could be fitted. */
  result: ItsResult | null;
  /** Why no model, when `result` is null. */
  modelError?: string;
  comparison?: { label: string; counts: readonly (number | null)[]; partial?: { has(month: string): boolean } };
  /** The series is counts reported to the FBI (agency monthly counts), where 2021's move to
   *  NIBRS-only reporting can change counts by itself. */
  fbiReported?: boolean;
}

/** The first month of FBI data collected only through NIBRS. */
export const NIBRS_ONLY_FROM = '2021-01';

/** The claim checked: its arithmetic, the supported change, the reasons and the verdict. */
export function checkClaim(input: CheckInput, spec: ClaimSpec): ClaimCheck | { error: string } {
  const periods = claimPeriods(spec, input.months, input.launch);
  if ('error' in periods) return periods;
  const arithmetic = claimArithmetic(input, periods);
  const claimed = spec.claimed != null && Number.isFinite(spec.claimed) ? spec.claimed : null;
  const judged = claimed ?? arithmetic.percent;
  const base = { periods, arithmetic, judged, reasons: [] as Reason[] };
  const cannot = (why: string): ClaimCheck => ({ ...base, supported: null, reasons: reasonsOf(input, periods, arithmetic, null), verdict: 'cannot', why });
  if (!arithmetic.before.used || !arithmetic.after.used) {
    return cannot(`The ${!arithmetic.before.used ? 'earlier' : 'later'} period has no reported month in the data loaded.`);
  }
  if (periods.after.to < input.launch) return cannot('Both periods are before the launch, so the claim says nothing about the program.');
  const r = input.result;
  if (!r?.model) return cannot(input.modelError ?? r?.reason ?? 'The model could not be fitted to this series.');
  if (!r.enough) return cannot(r.reason ?? 'Too little data on one side of the launch.');
  const supported = supportedChange(r, periods);
  if (!supported || judged == null) return cannot('The claim\'s figure cannot be worked out from these data.');
  const reasons = reasonsOf(input, periods, arithmetic, r);
  return { ...base, supported, reasons, verdict: verdictOf(judged, supported) };
}

/** The verdict for a figure against the supported change's interval: beyond the interval in the
 *  figure's own direction is larger than the data support; an interval that holds no change is not
 *  distinguishable from it; otherwise the figure is supported (the data support at least as large
 *  a change in that direction). */
export function verdictOf(judged: number, s: Pick<SupportedChange, 'lower' | 'upper'>): Verdict {
  if ((judged < 0 && judged < s.lower) || (judged > 0 && judged > s.upper)) return 'larger';
  if (s.lower <= 0 && s.upper >= 0) return 'no-change';
  return 'supported';
}

/** A claim's own figure whose chance interval is this many percentage points wide or wider (±15)
 *  rests on counts too small for a percentage to mean much. */
export const SMALL_COUNTS_WIDTH = 30;

/** Below this share of change, seasons are not said to explain anything. */
const SEASON_MIN = 3;

function reasonsOf(input: CheckInput, periods: ClaimPeriods, a: ClaimArithmetic, r: ItsResult | null): Reason[] {
  const out: Reason[] = [];
  const direction = Math.sign(a.percent ?? 0);
  const v = r ? modelView(r) : null;
  if (r && v && r.model) {
    // 1. Already falling (or rising) before the launch: the program series' own slope.
    const c = v.names.map((n) => (n === 'time' || n === 'group:time' ? 12 : 0));
    const k = contrast(v.beta, v.cov, v.covQuasi, c);
    const span = (p: MonthSpan) => (monthIndex(p.from) + monthIndex(p.to)) / 2;
    const gap = span(periods.after) - span(periods.before);
    if ((k.lower > 0 || k.upper < 0) && Math.sign(k.estimate) === direction) {
      out.push({ kind: 'trend', perYear: pct(k.estimate), lower: pct(k.lower), upper: pct(k.upper), betweenPeriods: pct((k.estimate / 12) * gap) });
    }
    // 2. Different seasons: the seasonal terms alone, between the periods' months.
    if (r.harmonics > 0) {
      const seasonal = (p: MonthSpan) => {
        const months = monthsOf(p);
        const parts = months.map((m) => {
          const x = v.row(monthIndex(m) - v.first, true).map((xi, j) => (/^(sin|cos)\d/.test(v.names[j]!) ? xi : 0));
          return { x, s: Math.exp(x.reduce((sum, xi, j) => sum + xi * v.beta[j]!, 0)) };
        });
        const total = parts.reduce((t, q) => t + q.s, 0);
        return { value: Math.log(total / months.length), grad: v.names.map((_, j) => parts.reduce((g, q) => g + (q.s / total) * q.x[j]!, 0)) };
      };
      const sa = seasonal(periods.before), sb = seasonal(periods.after);
      const ks = contrast(v.beta, v.cov, v.covQuasi, v.names.map((_, j) => sb.grad[j]! - sa.grad[j]!));
      const est = sb.value - sa.value;
      if (Math.abs(pct(est)) >= SEASON_MIN && Math.abs(est) > Z95 * ks.se) out.push({ kind: 'season', percent: pct(est) });
    }
    // 3. An unusually high (or low) earlier period: its count against the model's expectation.
    const months = new Map(r.months.map((m, i) => [m, i]));
    let observed = 0, expected = 0;
    for (const m of monthsOf(periods.before)) {
      const i = months.get(m);
      const y = i == null ? null : input.counts[i];
      if (i == null || y == null || input.partial?.has(m)) continue;
      observed += y;
      expected += r.model.fitted[i]!;
    }
    const z = expected > 0 ? (observed - expected) / Math.sqrt(Math.max(1, r.model.dispersion) * expected) : 0;
    if (Math.abs(z) > Z95 && Math.sign(observed - expected) === -direction) {
      out.push({ kind: 'high-before', percent: (observed / expected - 1) * 100, observed, expected });
    }
  }
  // 4. Counts too small for a percentage to mean much: the chance interval of the claim's own figure.
  if (a.percent != null && a.before.total > 0 && a.after.total > 0) {
    const dispersion = Math.max(1, r?.model?.dispersion ?? 1);
    const se = Math.sqrt(dispersion * (1 / a.before.total + 1 / a.after.total));
    const log = Math.log(1 + a.percent / 100);
    const lower = pct(log - Z95 * se), upper = pct(log + Z95 * se);
    if (upper - lower >= SMALL_COUNTS_WIDTH) out.push({ kind: 'small-counts', before: a.before.total, after: a.after.total, lower, upper });
  }
  // 5. Reporting changes inside the window.
  if (input.fbiReported && periods.before.from < NIBRS_ONLY_FROM && periods.after.to >= NIBRS_ONLY_FROM) out.push({ kind: 'nibrs-2021' });
  const unreported = [...a.before.missing, ...a.after.missing];
  if (unreported.length) out.push({ kind: 'unreported', months: unreported });
  const partial = [...a.before.partial, ...a.after.partial];
  if (partial.length) out.push({ kind: 'partial', months: partial });
  // 6. The comparison area changed as much.
  if (input.comparison) {
    const ca = claimArithmetic({ months: input.months, counts: input.comparison.counts, partial: input.comparison.partial }, periods);
    if (ca.percent != null && a.percent != null && Math.sign(ca.percent) === direction && Math.abs(ca.percent) >= Math.abs(a.percent) / 2) {
      out.push({ kind: 'comparison', label: input.comparison.label, percent: ca.percent, own: a.percent });
    }
  }
  return out;
}
