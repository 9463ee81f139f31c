import { describeChange, formatFigure } from './change.ts';
import type { Headline } from './useBriefingData.ts';

export interface ParagraphInput {
  program: string;
  periodLabel: string;
  /** Set when the period ends before the program's launch: the launch, as words. */
  notStartedUntil?: string | null;
  previousLabel: string | null;
  lastYearLabel: string | null;
  headlines: readonly Headline[];
  /** Sentences of the crime impact analysis (analysis/summary.ts), already careful. */
  crime: readonly string[];
  /** The local overdose count over the 12 months ending with the period, and a year earlier. */
  overdoses: { area: string; monthLabel: string; value: number; yearEarlier: number | null } | null;
}

const nf = new Intl.NumberFormat('en-US');

/** The briefing's paragraph: each number with its base and its comparison, the crime analysis in
 *  its own careful words, and a closing sentence that these are counts of activity, not proof of
 *  effect. Pure. */
export function briefingParagraph(x: ParagraphInput): string {
  const h = new Map(x.headlines.map((l) => [l.id, l]));
  const people = h.get('people');
  if (!x.notStartedUntil && (!people || people.now == null)) return `${x.program}: no program records are loaded for ${x.periodLabel}.`;
  const out: string[] = [];
  const vs = (l: Headline) => {
    const parts: string[] = [];
    if (x.previousLabel && l.previous != null) parts.push(`${formatFigure(l.kind, l.previous)} in ${x.previousLabel}`);
    if (x.lastYearLabel && l.lastYear != null) parts.push(`${formatFigure(l.kind, l.lastYear)} in ${x.lastYearLabel}`);
    return parts.length ? ` (against ${parts.join(' and ')})` : '';
  };
  if (x.notStartedUntil) {
    out.push(`${x.program} had not started in ${x.periodLabel} (launch ${x.notStartedUntil}); what follows is context from before the launch.`);
  } else if (people!.now === 0) {
    out.push(`No one came to ${x.program} in ${x.periodLabel}${vs(people!)}.`);
  } else {
    const p = people!, n = p.now!;
    out.push(`In ${x.periodLabel}, ${nf.format(n)} ${n === 1 ? 'person' : 'people'} came to ${x.program} over ${p.detail}${vs(p)}.`);
    const placed = h.get('placed'), rate = h.get('rate'), hours = h.get('hours'), cost = h.get('cost');
    if (placed && placed.now != null) {
      out.push(`${nf.format(placed.now)} ${placed.now === 1 ? 'was' : 'were'} placed in treatment${rate?.now != null ? ` (placements per ${rate.detail.replace(/^\d+ of \d+ /, '').replace(/s$/, '')}: ${formatFigure('rate', rate.now)}, ${rate.detail})` : ''}.`);
    }
    if (hours?.now != null) out.push(`The median time from encounter to placement was ${formatFigure('hours', hours.now).replace(' h', ' hours')}${hours.previous != null && x.previousLabel ? ` (${describeChange('hours', hours.now, hours.previous)} on ${x.previousLabel})` : ''}.`);
    if (cost?.now != null) out.push(`Program spending per person placed was ${formatFigure('usd', cost.now)} (${cost.detail}; insurance-paid treatment is not included).`);
  }
  const nal = h.get('naloxone');
  if (nal?.now != null) out.push(`Officers recorded ${nf.format(nal.now)} naloxone administration${nal.now === 1 ? '' : 's'}${vs(nal)}.`);
  out.push(...x.crime);
  if (x.overdoses) {
    const o = x.overdoses;
    out.push(`Overdoses in ${o.area} over the 12 months to ${o.monthLabel}: ${nf.format(o.value)}${o.yearEarlier != null ? `, against ${nf.format(o.yearEarlier)} in the same 12 months a year earlier` : ''}.`);
  }
  out.push('These figures count program activity and local trends; on their own they do not show that the program caused a change in crime or overdoses.');
  return out.join(' ');
}
