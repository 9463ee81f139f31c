import type { ClaimCheck, MonthSpan, Reason, Verdict } from '../../analysis/claim.ts';
import { monthLabel } from '../../analysis/summary.ts';
import { fmt } from '../../components/format.ts';

/** The words of a claim check: periods, signed percentages, each reason and the verdict's sentence.
 *  Never a word of cause. */

/** "Jun 2016", as the charts and tables write a month. */
const short = (m: string) => fmt.month(new Date(`${m}-01T00:00:00Z`));

/** "Jun–Aug 2016", "Jul 2019–Dec 2022", "Mar 2020". */
export function spanWords(p: MonthSpan): string {
  if (p.from === p.to) return monthLabel(p.from);
  if (p.from.slice(0, 4) === p.to.slice(0, 4)) return `${short(p.from).split(' ')[0]}–${short(p.to)}`;
  return `${short(p.from)}–${short(p.to)}`;
}

/** "−23%", "+4.2%", "0%". */
export function signedPercent(p: number): string {
  const a = Math.abs(p);
  const r = a >= 10 ? Math.round(a) : Math.round(a * 10) / 10;
  return r === 0 ? '0%' : `${p < 0 ? '−' : '+'}${r}%`;
}

const list = (ms: string[]) => (ms.length > 4 ? `${ms.slice(0, 4).map(short).join(', ')} and ${ms.length - 4} more` : ms.map(short).join(', '));

export function reasonText(r: Reason, what: string): string {
  switch (r.kind) {
    case 'trend':
      return `The series was already ${r.perYear < 0 ? 'falling' : 'rising'} before the launch, by ${signedPercent(r.perYear)} a year (95% interval ${signedPercent(r.lower)} to ${signedPercent(r.upper)}); between the middles of the two periods that trend alone gives ${signedPercent(r.betweenPeriods)}.`;
    case 'season':
      return `The two periods sit in different seasons: the usual seasonal pattern of ${what} alone makes the later period ${signedPercent(r.percent)} against the earlier.`;
    case 'high-before':
      return `The earlier period was unusually ${r.percent > 0 ? 'high' : 'low'}: ${Math.round(r.observed).toLocaleString('en-US')} against the ${Math.round(r.expected).toLocaleString('en-US')} the model expects from the trend and season (${signedPercent(r.percent)}), so part of the change is a return to normal.`;
    case 'small-counts':
      return `Chance alone moves a percentage between counts of ${Math.round(r.before).toLocaleString('en-US')} and ${Math.round(r.after).toLocaleString('en-US')} a long way: the claim's own figure has a 95% interval of ${signedPercent(r.lower)} to ${signedPercent(r.upper)} from chance alone.`;
    case 'nibrs-2021':
      return 'The window spans January 2021, when the FBI began to take only NIBRS reports: agencies that changed how they report then can show a change in counts that is not a change in crime.';
    case 'unreported':
      return `Months not reported inside the periods (${list(r.months)}) are left out of both averages.`;
    case 'partial':
      return `Months the records cover only in part (${list(r.months)}) are left out of both averages.`;
    case 'comparison':
      return `The comparison area, ${r.label}, changed by ${signedPercent(r.percent)} over the same periods, against ${signedPercent(r.own)} here: a place without the program moved the same way.`;
  }
}

export function verdictSentence(c: ClaimCheck): string {
  const s = c.supported;
  const figure = c.judged == null ? '' : signedPercent(c.judged);
  switch (c.verdict as Verdict) {
    case 'supported':
      return `${figure} is within what the data support, or smaller: the change the model puts on the launch is ${signedPercent(s!.percent)} (95% interval ${signedPercent(s!.lower)} to ${signedPercent(s!.upper)}). This shows a change at the launch, not that the program caused it.`;
    case 'larger':
      return `${figure} is more than the data support: once the trend before the launch${c.reasons.some((r) => r.kind === 'comparison') ? ', the seasons and the comparison area' : ' and the seasons'} are allowed for, the change that can be put on the launch is ${signedPercent(s!.percent)} (95% interval ${signedPercent(s!.lower)} to ${signedPercent(s!.upper)}).`;
    case 'no-change':
      return `Once the trend before the launch and the seasons are allowed for, the change that can be put on the launch is ${signedPercent(s!.percent)}, with a 95% interval from ${signedPercent(s!.lower)} to ${signedPercent(s!.upper)}: it includes no change, so the data cannot tell this from no change.`;
    case 'cannot':
      return `${c.why ?? ''} The claim's own arithmetic is shown, but how much of it the launch accounts for cannot be estimated.`.trim();
  }
}
