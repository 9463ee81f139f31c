/** Interrupted time series (segmented regression) on monthly counts: did counts change after a
 *  program launch, relative to what the pre-launch trend and season projected? Pure functions.
 *
 *  Model (one series), for each reported month t = 0, 1, 2, … from the first month of the series:
 *    log E[y_t] = b0 + b1·time + b2·post + b3·time_since_launch
 *                 + Σ_{k=1..K} (s_k·sin(2πk·m/12) + c_k·cos(2πk·m/12)) [+ log offset_t]
 *  time = t; post = 1 from the launch month on, else 0; time_since_launch = 0 up to and including the
 *  launch month, then 1, 2, …; m = calendar month 1–12; K = `harmonics` (default 2, 0–5 allowed).
 *  Months with a null count are left out of the fit (never counted as zero).
 *
 *  Controlled ITS (with `comparison`): both series are stacked, one row per reported month of each,
 *  with group = 1 for the program series and 0 for the comparison, and the columns above plus
 *  group, group:time, group:post, group:time_since_launch. The seasonal terms are shared. b2, b3 are
 *  then the comparison's change; the effect terms are group:post (level) and
 *  group:time_since_launch (slope): the program series' change beyond the comparison's.
 *
 *  Estimation: point estimates by Poisson maximum likelihood (identical to quasi-Poisson). Two
 *  covariances of the estimates are computed:
 *    V_hac   = Newey–West HAC (hac.ts, Bartlett kernel, n/(n−k) adjustment; scores summed per month
 *              when stacked): robust to overdispersion and autocorrelation (the dispersion cancels);
 *    V_quasi = (X'WX)⁻¹ · φ, the quasi-Poisson model-based covariance, φ = Pearson dispersion:
 *              allows for overdispersion but assumes independent months.
 *  Every linear contrast c'β the module reports (each coefficient, each counterfactual month's log
 *  prediction, the 12-month effect) gets seHac = √(c'V_hac c), seQuasi = √(c'V_quasi c) and the
 *  reported se = max(seHac, seQuasi), with seBasis naming the one used ('hac' on ties). z = estimate/se,
 *  two-sided normal p, 95% interval estimate ± 1.96·se on the log scale: all from the reported se.
 *  Why the larger one: HAC standard errors are too small in short series. In simulations of
 *  independent Poisson series with a 25% level drop (tests/r/README.md), the HAC 95% interval of the
 *  12-month effect covered the truth in only ~80–91% of series of 24–120 months, the quasi-Poisson
 *  interval in ~92–95% (but it ignores autocorrelation), and the larger of the two in ~93–96%. The
 *  choice is per contrast, so one result can mix bases; the reported se is conservative, and the
 *  intervals are not exactly 95% either way.
 *
 *  Counterfactual: for every month from the launch on, the program series predicted with its own
 *  level and slope change set to zero (b2 = b3 = 0; controlled: group:post = group:time_since_launch
 *  = 0, so it follows the comparison's change), with a 95% band exp(η ± 1.96·se(η)), se(η) the
 *  larger of the HAC and quasi-Poisson se of η (delta method on the log scale; the offset is fixed).
 *
 *  Effect: the rate ratio in the 12th post month, i.e. time_since_launch = 11, counting the launch
 *  month as the first (launch 2022-01 → 2022-12): exp(b2 + 11·b3) (controlled: the group
 *  interactions), with its 95% interval exp(logRatio ± 1.96·se), se = max(seHac, seQuasi) as above;
 *  percent change = (ratio − 1)·100, its interval from the ratio's. */
import { normalUpperTail, poissonGlm, Z95 } from './glm.ts';
import { defaultLag, neweyWest } from './hac.ts';
import { dot, quadForm, SingularMatrixError, type Matrix, type Vector } from './linalg.ts';

export interface ItsInput {
  /** Consecutive months 'YYYY-MM'. */
  months: string[];
  /** Count per month; null = not reported: dropped from the fit, never zero. */
  counts: (number | null)[];
  /** First post-launch month 'YYYY-MM'; must be one of `months`. */
  launch: string;
  /** Exposure per month (e.g. population), > 0 for every month; the model uses its log. */
  offset?: number[];
  /** A comparison series over the same months (controlled ITS). */
  comparison?: (number | null)[];
  /** Exposure of the comparison series; required with `comparison` exactly when `offset` is given. */
  comparisonOffset?: number[];
  /** Fourier pairs for seasonality, 0–5; default 2. */
  harmonics?: number;
  /** Newey–West lag; default defaultLag(number of months with a reported count). */
  lag?: number;
}

/** Which standard error was reported: the Newey–West HAC one or the quasi-Poisson model-based one. */
export type SeBasis = 'hac' | 'quasi';

/** The standard errors of one reported contrast (see the module comment). */
export interface SeParts {
  /** The reported se: max(seHac, seQuasi). z, p and the interval use it. */
  se: number;
  /** √(c' V_hac c): Newey–West HAC. */
  seHac: number;
  /** √(c' (X'WX)⁻¹ c · dispersion): quasi-Poisson model-based; ignores autocorrelation. */
  seQuasi: number;
  /** The one reported: 'hac' when seHac ≥ seQuasi, else 'quasi'. */
  seBasis: SeBasis;
}

/** A coefficient on the log scale: z = estimate/se, two-sided normal p, 95% interval lower–upper,
 *  all from the reported se = max(seHac, seQuasi). */
export interface Coefficient extends SeParts { name: string; estimate: number; z: number; p: number; lower: number; upper: number }

/** One month from the launch on: expected = exp(η) with the program's own change switched off, and
 *  its 95% band exp(η ± 1.96·se), se = max(seHac, seQuasi) of η (log scale). */
export interface CounterfactualPoint extends SeParts { month: string; observed: number | null; fitted: number; expected: number; lower: number; upper: number }

/** The rate ratio in the effect month. se (of logRatio) = max(seHac, seQuasi); p, lower, upper and
 *  the percent interval all use it. */
export interface Effect extends SeParts {
  /** time_since_launch of the month (11: the 12th post month). */
  timeSinceLaunch: number;
  month: string;
  logRatio: number; p: number;
  ratio: number; lower: number; upper: number;
  percent: number; percentLower: number; percentUpper: number;
  /** True when the month lies after the end of the series (the line is extended past the data). */
  extrapolated: boolean;
}

export interface ItsModel {
  coefficients: Coefficient[];
  /** Newey–West HAC covariance of the coefficients, in the order of `coefficients`. */
  covariance: number[][];
  /** Quasi-Poisson model-based covariance (X'WX)⁻¹ · dispersion, same order. */
  covarianceQuasi: number[][];
  lag: number;
  /** Pearson dispersion (quasi-Poisson): scales `covarianceQuasi`. */
  dispersion: number;
  deviance: number;
  /** Rows in the fit (both series when controlled). */
  observations: number;
  /** The model's expected count of the program series for every month (unreported months too). */
  fitted: number[];
  comparisonFitted: number[] | null;
  counterfactual: CounterfactualPoint[];
  effect: Effect;
}

export interface ItsResult {
  /** At least MIN_MONTHS reported months before and after the launch (in each series). */
  enough: boolean;
  /** Why `enough` is false or `model` is null; null otherwise. */
  reason: string | null;
  controlled: boolean;
  harmonics: number;
  months: string[];
  launch: string;
  /** Reported (non-null) months of the program series before / from the launch. */
  nPre: number; nPost: number;
  comparisonPre: number | null; comparisonPost: number | null;
  model: ItsModel | null;
}

/** Reported months needed on each side of the launch before an estimate is worth stating. */
export const MIN_MONTHS = 12;
/** time_since_launch at which the effect is reported (the 12th post month). */
export const EFFECT_MONTH = 11;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a text is a month written 'YYYY-MM'. */
export function isMonth(month: string | null | undefined): month is string {
  return !!month && MONTH_RE.test(month);
}

/** Month 'YYYY-MM' as a count of months since year 0; throws when malformed. */
export function monthIndex(month: string): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The 'YYYY-MM' name of a month index. */
export function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A linear contrast c'β with its standard errors under both covariances and the Wald test and
 *  95% interval (log scale) from the larger one (module comment). */
export function contrast(beta: Vector, covHac: Matrix, covQuasi: Matrix, c: Vector): SeParts & { estimate: number; z: number; p: number; lower: number; upper: number } {
  const estimate = dot(c, beta);
  const seHac = Math.sqrt(quadForm(covHac, c)), seQuasi = Math.sqrt(quadForm(covQuasi, c));
  const seBasis: SeBasis = seHac >= seQuasi ? 'hac' : 'quasi';
  const se = seBasis === 'hac' ? seHac : seQuasi;
  const z = estimate / se;
  return { estimate, se, seHac, seQuasi, seBasis, z, p: 2 * normalUpperTail(Math.abs(z)), lower: estimate - Z95 * se, upper: estimate + Z95 * se };
}

/** Column names of the design, in order. */
export function designNames(harmonics: number, controlled: boolean): string[] {
  const names = ['(Intercept)', 'time', 'post', 'time_since_launch'];
  for (let k = 1; k <= harmonics; k++) names.push(`sin${k}`, `cos${k}`);
  if (controlled) names.push('group', 'group:time', 'group:post', 'group:time_since_launch');
  return names;
}

/** One design row: month position t, launch position, calendar month (1–12), group (null when
 *  not controlled), and whether the program's own level/slope change is switched off. */
export function designRow(t: number, launchAt: number, calMonth: number, harmonics: number, group: 0 | 1 | null, noChange = false): number[] {
  const post = t >= launchAt ? 1 : 0, since = Math.max(0, t - launchAt);
  const row = [1, t, group === null && noChange ? 0 : post, group === null && noChange ? 0 : since];
  for (let k = 1; k <= harmonics; k++) row.push(Math.sin((2 * Math.PI * k * calMonth) / 12), Math.cos((2 * Math.PI * k * calMonth) / 12));
  if (group !== null) row.push(group, group * t, noChange ? 0 : group * post, noChange ? 0 : group * since);
  return row;
}

function checkSeries(name: string, values: unknown[] | undefined, n: number, kind: 'count' | 'offset'): void {
  if (values === undefined) return;
  if (values.length !== n) throw new Error(`${name} has ${values.length} values but there are ${n} months`);
  values.forEach((v, i) => {
    const ok = kind === 'count' ? v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0) : typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (!ok) throw new Error(`${name}[${i}] must be ${kind === 'count' ? 'a non-negative number or null' : 'a positive number'}, got ${String(v)}`);
  });
}

/** Fits the interrupted time series described in the module comment. Throws an Error for malformed
 *  input (bad or non-consecutive months, lengths that differ, launch outside the series, negative
 *  counts, bad offsets, harmonics outside 0–5). Too little data is not an error: `enough` is false
 *  with a `reason`, and `model` is still given when the model can be fitted at all. */
export function fitIts(input: ItsInput): ItsResult {
  const { months, counts, launch, offset, comparison, comparisonOffset } = input;
  const n = months.length;
  if (n === 0) throw new Error('no months given');
  const first = monthIndex(months[0]!);
  months.forEach((m, i) => { if (monthIndex(m) !== first + i) throw new Error(`months must be consecutive: ${m} at position ${i} should be ${monthName(first + i)}`); });
  checkSeries('counts', counts, n, 'count');
  checkSeries('offset', offset, n, 'offset');
  checkSeries('comparison', comparison, n, 'count');
  checkSeries('comparisonOffset', comparisonOffset, n, 'offset');
  const launchAt = monthIndex(launch) - first;
  if (launchAt < 0 || launchAt >= n) throw new Error(`launch ${launch} is outside the series ${months[0]} to ${months[n - 1]}`);
  if (comparison && (offset === undefined) !== (comparisonOffset === undefined)) throw new Error('give an offset for both series or for neither');
  if (!comparison && comparisonOffset) throw new Error('comparisonOffset given without a comparison series');
  const harmonics = input.harmonics ?? 2;
  if (!Number.isInteger(harmonics) || harmonics < 0 || harmonics > 5) throw new Error(`harmonics must be an integer from 0 to 5, got ${harmonics}`);
  if (input.lag !== undefined && !(Number.isInteger(input.lag) && input.lag >= 0)) throw new Error(`lag must be a non-negative integer, got ${input.lag}`);

  const controlled = comparison !== undefined;
  const side = (s: (number | null)[]) => ({
    pre: s.slice(0, launchAt).filter((v) => v !== null).length,
    post: s.slice(launchAt).filter((v) => v !== null).length,
  });
  const main = side(counts), comp = comparison ? side(comparison) : null;
  const short: string[] = [];
  if (main.pre < MIN_MONTHS || main.post < MIN_MONTHS) short.push(`the series has ${main.pre} reported months before the launch and ${main.post} from it`);
  if (comp && (comp.pre < MIN_MONTHS || comp.post < MIN_MONTHS)) short.push(`the comparison series has ${comp.pre} before and ${comp.post} from it`);
  const enough = short.length === 0;
  const result: ItsResult = {
    enough, reason: enough ? null : `Too little data: at least ${MIN_MONTHS} reported months are needed on each side of the launch; ${short.join(', and ')}.`,
    controlled, harmonics, months, launch, nPre: main.pre, nPost: main.post,
    comparisonPre: comp?.pre ?? null, comparisonPost: comp?.post ?? null, model: null,
  };
  const fail = (why: string): ItsResult => ({ ...result, reason: result.reason ? `${result.reason} ${why}` : why });

  // Stack the rows: program series (group 1), then the comparison (group 0).
  const calMonth = (t: number) => ((first + t) % 12) + 1;
  const series: [(number | null)[], number[] | undefined, 0 | 1 | null][] = controlled
    ? [[counts, offset, 1], [comparison, comparisonOffset, 0]]
    : [[counts, offset, null]];
  const x: number[][] = [], y: number[] = [], off: number[] = [], period: number[] = [];
  for (const [values, exposure, group] of series) {
    values.forEach((v, t) => {
      if (v === null) return;
      x.push(designRow(t, launchAt, calMonth(t), harmonics, group));
      y.push(v);
      off.push(exposure ? Math.log(exposure[t]!) : 0);
      period.push(t);
    });
  }
  const names = designNames(harmonics, controlled);
  if (y.length <= names.length) return fail(`The model could not be fitted: ${y.length} reported values for ${names.length} terms.`);
  let fit;
  try {
    fit = poissonGlm(x, y, off);
  } catch (e) {
    if (e instanceof SingularMatrixError) return fail(`The model could not be fitted: the term ${names[e.column]} cannot be estimated from these months.`);
    throw e;
  }
  if (!fit.converged) return fail('The model could not be fitted: the estimation did not converge.');
  // A fitted mean of (numerically) zero means an estimate at infinity, e.g. no counts at all after
  // the launch: the rate ratio and its interval would be meaningless.
  if (fit.fitted.some((m) => m < 1e-8)) return fail('The model could not be fitted: some fitted counts are zero (for example, no counts at all on one side of the launch).');
  const periods = new Set(period).size;
  const lag = input.lag ?? defaultLag(periods);
  const cov = neweyWest({ x, y, mu: fit.fitted, bread: fit.covariance }, { lag, period });
  const covQuasi = fit.covariance.map((r) => r.map((v) => v * fit.dispersion));
  const beta = fit.coefficients;
  const coefficients: Coefficient[] = names.map((name, j) => ({ name, ...contrast(beta, cov, covQuasi, names.map((_, i) => (i === j ? 1 : 0))) }));
  const group = controlled ? 1 : null;
  const logOff = (s: number[] | undefined, t: number) => (s ? Math.log(s[t]!) : 0);
  const fitted = months.map((_, t) => Math.exp(dot(designRow(t, launchAt, calMonth(t), harmonics, group), beta) + logOff(offset, t)));
  const comparisonFitted = controlled
    ? months.map((_, t) => Math.exp(dot(designRow(t, launchAt, calMonth(t), harmonics, 0), beta) + logOff(comparisonOffset, t)))
    : null;
  const counterfactual: CounterfactualPoint[] = [];
  for (let t = launchAt; t < n; t++) {
    const row = designRow(t, launchAt, calMonth(t), harmonics, group, true);
    const k = contrast(beta, cov, covQuasi, row), eta = k.estimate + logOff(offset, t);
    counterfactual.push({
      month: months[t]!, observed: counts[t]!, fitted: fitted[t]!, expected: Math.exp(eta), lower: Math.exp(eta - Z95 * k.se), upper: Math.exp(eta + Z95 * k.se),
      se: k.se, seHac: k.seHac, seQuasi: k.seQuasi, seBasis: k.seBasis,
    });
  }
  const c = names.map(() => 0);
  c[names.indexOf(controlled ? 'group:post' : 'post')] = 1;
  c[names.indexOf(controlled ? 'group:time_since_launch' : 'time_since_launch')] = EFFECT_MONTH;
  const w = contrast(beta, cov, covQuasi, c);
  const effect: Effect = {
    timeSinceLaunch: EFFECT_MONTH, month: monthName(first + launchAt + EFFECT_MONTH),
    logRatio: w.estimate, se: w.se, seHac: w.seHac, seQuasi: w.seQuasi, seBasis: w.seBasis, p: w.p,
    ratio: Math.exp(w.estimate), lower: Math.exp(w.lower), upper: Math.exp(w.upper),
    percent: (Math.exp(w.estimate) - 1) * 100, percentLower: (Math.exp(w.lower) - 1) * 100, percentUpper: (Math.exp(w.upper) - 1) * 100,
    extrapolated: launchAt + EFFECT_MONTH >= n,
  };
  return {
    ...result,
    model: {
      coefficients, covariance: cov, covarianceQuasi: covQuasi, lag, dispersion: fit.dispersion, deviance: fit.deviance, observations: y.length,
      fitted, comparisonFitted, counterfactual, effect,
    },
  };
}
