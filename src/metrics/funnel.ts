import type { ProgramFilter } from '../domain/filter.ts';
import type { Encounter, ProgramData } from './records.ts';
import { encountersIn } from './selection.ts';
import { compareText, count, ratio } from './tally.ts';

export type FunnelStepId = 'encounters' | 'eligible' | 'offered' | 'placed' | 'engaged';

export interface FunnelStep extends Record<string, unknown> {
  ord: number;
  step: FunnelStepId;
  label: string;
  /** Encounters that reached this step, having passed every earlier recorded step. */
  count: number;
  /** The step the percentage is taken of. */
  baseLabel: string | null;
  base: number | null;
  /** count / base. */
  share: number | null;
  /** count / all encounters. */
  shareOfEncounters: number | null;
  /** False when the export does not record this step (the column is empty in the filtered
   *  encounters): the step passes every encounter of the step before it through, and the page
   *  says so. */
  recorded: boolean;
  /** Encounters at the previous step whose value for this step is blank (or, for engagement,
   *  "unknown"). */
  unknown: number;
}

interface Step {
  id: Exclude<FunnelStepId, 'encounters'>;
  label: string;
  /** Whether the encounter records the step at all (some encounter must, for the step to count). */
  records: (e: Encounter) => boolean;
}

const STEPS: Step[] = [
  { id: 'eligible', label: 'Eligible', records: (e) => e.eligible !== null },
  { id: 'offered', label: 'Placement offered', records: (e) => e.placement_offered !== null },
  { id: 'placed', label: 'Placed in treatment', records: (e) => e.placement_date !== null || e.treatment_type !== null },
  { id: 'engaged', label: 'Engaged at 30 days', records: (e) => e.engaged_30d !== null },
];

/** The funnel: encounters, eligible, placement offered, placed, engaged at 30 days. Each step
 *  counts the encounters of the step before it that also pass this one, so steps never increase.
 *  A step whose column the filtered encounters do not fill in is shown as not recorded and lets
 *  every encounter through. An encounter placed without an offer on record is not counted as
 *  placed here (see `outsideFunnel`). */
export function funnel(p: ProgramData, f: ProgramFilter): FunnelStep[] {
  const all = encountersIn(p, f);
  const recorded = STEPS.map((s) => all.some(s.records));
  // One walk down the steps per encounter, until a recorded step it does not pass: the encounters
  // reaching each step, and those of the step before whose value for it is unknown.
  const [eligibleRecorded, offeredRecorded, placedRecorded, engagedRecorded] = recorded;
  const reached = [0, 0, 0, 0], unknown = [0, 0, 0, 0];
  for (const e of all) {
    // Eligible: screened eligible (yes); unknown when blank.
    if (e.eligible === null) unknown[0]!++;
    if (eligibleRecorded && e.eligible !== true) continue;
    reached[0]!++;
    // Placement offered: yes; unknown when blank.
    if (e.placement_offered === null) unknown[1]!++;
    if (offeredRecorded && e.placement_offered !== true) continue;
    reached[1]!++;
    // Placed (domain/placement.ts): a blank placement is "not placed", never unknown.
    if (placedRecorded && !e.placed) continue;
    reached[2]!++;
    // Engaged at 30 days: yes; unknown when blank or "unknown".
    if (e.engaged_30d === null || e.engaged_30d === 'unknown') unknown[3]!++;
    if (engagedRecorded && e.engaged_30d !== 'yes') continue;
    reached[3]!++;
  }
  const out: FunnelStep[] = [{ ord: 0, step: 'encounters', label: 'Encounters', count: all.length, baseLabel: null, base: null,
    share: null, shareOfEncounters: ratio(all.length, all.length), recorded: true, unknown: 0 }];
  STEPS.forEach((s, i) => {
    const base = out[i]!.count, n = reached[i]!;
    out.push({ ord: i + 1, step: s.id, label: s.label, count: n, baseLabel: out[i]!.label, base,
      share: ratio(n, base), shareOfEncounters: ratio(n, all.length), recorded: recorded[i]!, unknown: unknown[i]! });
  });
  return out;
}

export interface OutsideFunnel extends Record<string, unknown> {
  /** Placements whose encounter is not counted as placed in the funnel, because an earlier
   *  recorded step (eligible, offered) is "no" or blank for it. */
  placedOutside: number;
}

export function outsideFunnel(p: ProgramData, f: ProgramFilter): OutsideFunnel[] {
  const es = encountersIn(p, f);
  const [eligible, offered] = [STEPS[0]!, STEPS[1]!].map((s) => es.some(s.records));
  return [{ placedOutside: count(es, (e) => e.placed && ((eligible! && e.eligible !== true) || (offered! && e.placement_offered !== true))) }];
}

/** The reason shown for encounters marked not eligible without one. */
export const NO_REASON = '(no reason recorded)';

export interface IneligibleReason extends Record<string, unknown> { reason: string; encounters: number; share: number }

/** Why encounters were not eligible: encounters marked not eligible, by reason (blank reasons
 *  are their own row, last). share = encounters / all encounters marked not eligible. */
export function ineligibleReasons(p: ProgramData, f: ProgramFilter): IneligibleReason[] {
  const by = new Map<string, number>();
  let no = 0;
  for (const e of encountersIn(p, f)) {
    if (e.eligible !== false) continue;
    no++;
    const reason = e.ineligible_reason ?? NO_REASON;
    by.set(reason, (by.get(reason) ?? 0) + 1);
  }
  return [...by].map(([reason, n]) => ({ reason, encounters: n, share: n / no }))
    .sort((a, b) => Number(a.reason === NO_REASON) - Number(b.reason === NO_REASON) || b.encounters - a.encounters || compareText(a.reason, b.reason));
}

