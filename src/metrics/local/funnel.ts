import type { ProgramFilter } from '../filters.ts';
import type { FunnelStep, FunnelStepId, IneligibleReason, OutsideFunnel } from '../funnel.ts';
import { ratio } from './aggregate.ts';
import type { ProgramIndex } from './programIndex.ts';
import { selectEncounters } from './select.ts';

const STEPS: FunnelStepId[] = ['encounters', 'eligible', 'offered', 'placed', 'engaged'];

/** metrics/funnel.ts `funnel`, from the index. `labels` are the five steps' labels, encounters
 *  first. The SQL first asks, over the filtered rows, whether each step is recorded (eligible and
 *  offered: a non-blank value; placed: a placement date or a treatment type; engaged: a non-blank
 *  value), then lets a row reach a step when it reached the one before and the step is not
 *  recorded or it passes it (eligible, offered, placed true; engaged 'yes'). Since the recorded
 *  tests cover all the rows, one pass tallies the rows by their values of the four steps
 *  (3 × 3 × 2 × 3 kinds) and the steps are worked out from the tallies. */
export function funnel(ix: ProgramIndex, f: ProgramFilter, labels: readonly string[]): FunnelStep[] {
  const e = ix.encounters;
  // Engagement: 0 'yes', 1 blank or 'unknown', 2 anything else.
  const eng = e.dict.engaged.map((v) => (v === 'yes' ? 0 : v === null || v === 'unknown' ? 1 : 2));
  const rows = selectEncounters(ix, f);
  const tally = new Int32Array(54);
  let hasE = 0, hasO = 0, hasP = 0, hasG = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const el = e.eligible[i]!, of = e.offered[i]!, g = e.engaged[i]!;
    hasE |= el + 1; hasO |= of + 1; hasP |= e.hasPlacementDate[i]! | e.treatment[i]!; hasG |= g;
    tally[(((el + 1) * 3 + of + 1) * 2 + e.placed[i]!) * 3 + eng[g]!]!++;
  }
  const recorded = [true, hasE !== 0, hasO !== 0, hasP !== 0, hasG !== 0];
  const count = [0, 0, 0, 0, 0], unknown = [0, 0, 0, 0, 0];
  for (let t = 0; t < 54; t++) {
    const c = tally[t]!;
    if (c === 0) continue;
    const g = t % 3, pl = Math.floor(t / 3) % 2, of = (Math.floor(t / 6) % 3) - 1, el = Math.floor(t / 18) - 1;
    // Each step keeps the rows of the step before that pass it, where the step is recorded.
    count[0]! += c;
    if (el === -1) unknown[1]! += c;
    if (recorded[1] && el !== 1) continue;
    count[1]! += c;
    if (of === -1) unknown[2]! += c;
    if (recorded[2] && of !== 1) continue;
    count[2]! += c;
    // A blank placement is "not placed", never unknown.
    if (recorded[3] && pl !== 1) continue;
    count[3]! += c;
    if (g === 1) unknown[4]! += c;
    if (recorded[4] && g !== 0) continue;
    count[4]! += c;
  }
  const n = count[0]!;
  return STEPS.map((step, s) => {
    const base = s === 0 ? null : count[s - 1]!;
    return {
      ord: s, step, label: labels[s]!, count: count[s]!, baseLabel: s === 0 ? null : labels[s - 1]!, base,
      share: ratio(count[s]!, base), shareOfEncounters: ratio(count[s]!, n), recorded: recorded[s]!, unknown: unknown[s]!,
    };
  });
}

/** metrics/funnel.ts `outsideFunnel`, from the index: placements whose eligibility, or offer, is
 *  recorded somewhere in the filtered rows but is not "yes" for them. One pass tallies the
 *  placements by (eligible, offered) being "yes" or not. */
export function outsideFunnel(ix: ProgramIndex, f: ProgramFilter): OutsideFunnel[] {
  const e = ix.encounters;
  const rows = selectEncounters(ix, f);
  const tally = [0, 0, 0, 0];
  let hasE = 0, hasO = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const el = e.eligible[i]!, of = e.offered[i]!;
    hasE |= el + 1; hasO |= of + 1;
    if (e.placed[i] === 1) tally[(el === 1 ? 2 : 0) + (of === 1 ? 1 : 0)]!++;
  }
  let placedOutside = 0;
  for (let t = 0; t < 4; t++) if ((hasE && t < 2) || (hasO && t % 2 === 0)) placedOutside += tally[t]!;
  return [{ placedOutside }];
}

/** metrics/funnel.ts `ineligibleReasons`, from the index: the filtered encounters marked not
 *  eligible, by `coalesce(ineligible_reason, noReason)` (a reason that reads `noReason` joins the
 *  blanks), share of them all, ordered by (reason = noReason), encounters DESC, reason. Reasons
 *  are dictionary codes, numbered in DuckDB's own text order, so the last key is the code. */
export function ineligibleReasons(ix: ProgramIndex, f: ProgramFilter, noReason: string): IneligibleReason[] {
  const e = ix.encounters;
  const dict = e.dict.ineligibleReason;
  const rows = selectEncounters(ix, f);
  const byCode = new Int32Array(dict.length);
  let total = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (e.eligible[i] === 0) { byCode[e.ineligibleReason[i]!]!++; total++; }
  }
  // The blank reasons and a reason that reads `noReason` are one row, under code 0.
  for (let k = 1; k < dict.length; k++) if (dict[k] === noReason) { byCode[0]! += byCode[k]!; byCode[k] = 0; }
  const codes: number[] = [];
  for (let k = 0; k < dict.length; k++) if (byCode[k]! > 0) codes.push(k);
  codes.sort((a, b) => (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0) || byCode[b]! - byCode[a]! || a - b);
  return codes.map((k) => ({ reason: k === 0 ? noReason : dict[k]!, encounters: byCode[k]!, share: byCode[k]! / total }));
}
