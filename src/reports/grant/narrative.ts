import type { Measure, MeasureId } from './measures.ts';

const nf = new Intl.NumberFormat('en-US');
const n = (v: number) => nf.format(v);
const plural = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;

/** A first draft of the report's narrative, from its measures: plain sentences that state each
 *  number with its base, say what was not recorded, and claim nothing the numbers do not show
 *  (no causes, no outcomes beyond 30 days). The grant writer edits it. */
export function draftNarrative(measures: readonly Measure[], encounters: number, periodLabel: string, program: string): string {
  const m = new Map<MeasureId, Measure>(measures.map((x) => [x.id, x]));
  const v = (id: MeasureId): number | null => {
    const x = m.get(id);
    return x && typeof x.value === 'number' ? x.value : null;
  };
  const participants = v('participants');
  if (participants == null) {
    const why = m.get('participants')?.definition.replace(/^N\/A: /, '') ?? 'No program records are loaded.';
    return `${program}, ${periodLabel}: no program figures can be reported for this period. ${why}`;
  }
  const out: string[] = [];
  out.push(`In ${periodLabel}, ${program} worked with ${plural(participants, 'person', 'people')} over ${plural(encounters, 'encounter', 'encounters')}.`);
  const treat = v('referred_treatment'), rec = v('referred_recovery'), moud = v('moud');
  if (participants === 0) {
    out.push('No one came to the program in this period, so no referrals were made.');
  } else {
    out.push(`${plural(treat ?? 0, 'person was', 'people were')} referred to substance use treatment and ${plural(rec ?? 0, 'person', 'people')} to recovery support services; ${plural(moud ?? 0, 'person was', 'people were')} placed in medication for opioid use disorder.`);
    const med = v('median_hours'), w24 = v('within_24h');
    if (med != null && w24 != null) {
      out.push(`The median time from an encounter to its placement was ${med} hours, and ${w24}% of placements (${m.get('within_24h')!.detail}) happened within 24 hours.`);
    }
    const eng = v('engaged_30d');
    if (eng != null) out.push(`Of the placements, ${eng}% (${m.get('engaged_30d')!.detail}) were recorded as still engaged in treatment 30 days later.`);
    else out.push('Engagement at 30 days is not reported for this period (see the measures table).');
  }
  const kits = v('kits_distributed'), adm = v('naloxone_administrations');
  if (kits != null) out.push(`Program records show ${plural(kits, 'naloxone kit', 'naloxone kits')} handed out to ${plural(v('people_given_kits') ?? 0, 'person', 'people')} (${m.get('kits_distributed')!.detail}).`);
  if (adm != null) out.push(`Officers recorded ${plural(adm, 'naloxone administration', 'naloxone administrations')}.`);
  out.push('These are counts of program activity; they do not by themselves show effects on overdoses or crime.');
  return out.join(' ');
}
