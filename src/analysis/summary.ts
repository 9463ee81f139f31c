/** Plain-language sentences about an interrupted time series result (its.ts), for people who will
 *  not read a coefficient table. Rules: never claim causation; say "too little data" when either
 *  side of the launch has fewer than 12 reported months (and then give no estimate); say plainly
 *  when the 95% interval includes no change; name the comparison series when one was used.
 *  Pure functions, no DOM. */
import { EFFECT_MONTH, MIN_MONTHS, type ItsResult } from './its.ts';

export interface SummaryOptions {
  /** What was counted, e.g. 'addiction-associated offenses in Gloucester PD'. */
  measure: string;
  /** When the program started, e.g. 'January 2022' or 'the program launch (January 2022)'. */
  launchLabel: string;
  /** Name of the comparison series, e.g. 'Revere PD'; used only when the result is controlled. */
  comparisonLabel?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' as 'Month YYYY'. */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

const SHORT_MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** 'YYYY-MM' as 'Mon YYYY', as the charts write a month. */
const shortMonth = (month: string) => SHORT_MONTH.format(new Date(`${month}-01T00:00:00Z`));

/** Why a monthly series cannot be compared before and after a launch ('YYYY-MM', '' when none is
 *  known), in words; null when it can. */
export function launchProblem(months: readonly string[], launch: string): string | null {
  if (!launch) return 'No launch date is known: enter the program\'s launch date on the Data page (Program), or load its encounters export.';
  if (months.length === 0) return 'This series has no months to compare.';
  if (launch < months[0]! || launch > months.at(-1)!) {
    return `The launch (${shortMonth(launch)}) is outside this series (${shortMonth(months[0]!)} to ${shortMonth(months.at(-1)!)}), so there is nothing to compare before and after.`;
  }
  return null;
}

/** A percent size for prose: whole numbers from 10 up, one decimal below 10 ("4.2", "12", "1,250"). */
export function formatPercent(value: number): string {
  const a = Math.abs(value);
  if (a >= 10) return Math.round(a).toLocaleString('en-US');
  return String(Math.round(a * 10) / 10);
}

/** A percent change as words: "18% lower", "4.2% higher" or "no different" when it rounds to 0. */
export function describeChange(percent: number): string {
  const size = formatPercent(percent);
  if (Number(size.replace(/,/g, '')) === 0) return 'no different';
  return `${size}% ${percent < 0 ? 'lower' : 'higher'}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

/** Sentences describing the result, in reading order. Branches:
 *  - too little data (fewer than 12 reported months on either side, in either series): says "too
 *    little data" with the month counts, and gives no estimate even if a model was fitted;
 *  - no model (it could not be fitted): says so with the reason;
 *  - otherwise: the percent difference from the projected pre-launch trend in the 12th month of the
 *    program, with its 95% interval; whether the interval includes no change; the comparison series
 *    when used; that the design cannot rule out other causes; what data it rests on, and which
 *    standard error the interval uses (the wider of Newey–West and quasi-Poisson, `seBasis`). */
export function impactSummary(result: ItsResult, options: SummaryOptions): string[] {
  const { measure, launchLabel } = options;
  const comparison = options.comparisonLabel ? `the comparison series (${options.comparisonLabel})` : 'the comparison series';
  if (!result.enough) {
    let counts = `${measure} has ${result.nPre} reported months before the launch and ${result.nPost} from it`;
    if (result.controlled) counts += `, and ${comparison} has ${result.comparisonPre} and ${result.comparisonPost}`;
    return [
      `There is too little data to estimate a change after ${launchLabel}: the analysis needs at least ${MIN_MONTHS} reported months on each side of the launch, and ${counts}.`,
      'No estimate is shown, because one from so few months would mostly reflect chance.',
    ];
  }
  const model = result.model;
  if (!model) return [`The change after ${launchLabel} could not be estimated. ${result.reason ?? ''}`.trim()];

  const e = model.effect;
  const out: string[] = [];
  const against = result.controlled ? `the pre-launch trend projected, allowing for the change in ${comparison}` : 'the pre-launch trend projected';
  const change = describeChange(e.percent);
  const level = change === 'no different' ? `about the same as ${against}` : `${change} than ${against}`;
  out.push(`By ${monthLabel(e.month)}, the ${ordinal(EFFECT_MONTH + 1)} month of the program (launch: ${launchLabel}), counts of ${measure} were ${level} `
    + `(95% interval: from ${describeChange(e.percentLower)} to ${describeChange(e.percentUpper)}).`);
  if (e.extrapolated) out.push('The data end before that month, so this figure extends the fitted lines past the last reported month.');
  if (e.lower <= 1 && e.upper >= 1) {
    out.push('The interval includes no change, so the data are consistent with no effect.');
  } else {
    out.push(`The interval does not include no change: counts after the launch differ from the projection by more than chance alone would usually produce.`);
  }
  if (result.controlled) {
    out.push(`The projection is compared with ${comparison} over the same months, so changes shared by both series are not counted as a difference.`);
  }
  out.push('This design cannot rule out other causes, such as other programs, changes in policing or reporting, or events at the same time.');
  // The reported interval is the wider of the Newey–West and the quasi-Poisson one (its.ts).
  const interval = e.seBasis === 'quasi'
    ? `The interval allows for overdispersion; it is the quasi-Poisson interval, which is wider here than the Newey–West one (lag ${model.lag}) that also allows for correlation between neighbouring months but tends to be too narrow in short series.`
    : `The interval allows for overdispersion and for correlation between neighbouring months (Newey–West, lag ${model.lag}); it is at least as wide as the quasi-Poisson interval.`;
  out.push(`Based on ${result.nPre} reported months before the launch and ${result.nPost} from it; months without a report were left out, not counted as zero. ${interval}`);
  return out;
}
