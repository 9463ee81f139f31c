import type { Period } from '../../domain/periods.ts';
import type { TableRanges } from '../../metrics/programCoverage.ts';
import type { FunnelStep } from '../../metrics/funnel.ts';
import type { KitTotals, NaloxoneTotals } from '../../metrics/naloxone.ts';
import type { ProgramKpis } from '../../metrics/placements.ts';
import type { ServiceReferrals } from '../../metrics/referrals.ts';
import type { PlacementTimes } from '../../metrics/timeToPlacement.ts';
import { coverage, type Coverage } from '../periodCoverage.ts';

/** The results of the analytics queries a grant report is built from. Every figure of the report
 *  is read from these rows, the same rows the analytics pages show, so the two cannot disagree. */
export interface GrantInputs {
  period: Period;
  launchDate: string;
  ranges: TableRanges;
  kpis: ProgramKpis;
  referrals: ServiceReferrals;
  times: PlacementTimes;
  funnel: FunnelStep[];
  /** Null when no naloxone log is loaded. */
  naloxone: NaloxoneTotals | null;
  kits: KitTotals;
  /** Encounters (all loaded) with the kit field filled in: zero means the export has no such column. */
  kitFieldFilled: number;
  /** Encounters (all loaded) with the engagement field filled in. */
  engagementFilled: number;
}

export type MeasureId = 'referred_treatment' | 'referred_recovery' | 'trained_naloxone' | 'kits_distributed' | 'people_given_kits'
  | 'naloxone_administrations' | 'moud' | 'participants' | 'median_hours' | 'within_24h' | 'engaged_30d';

/** One line of the grant measures table. `value` is a number (0 where the activity ran and
 *  produced nothing) or the text N/A where the measure does not apply, with the reason. */
export interface Measure extends Record<string, unknown> {
  id: MeasureId;
  measure: string;
  value: number | 'N/A';
  unit: string;
  /** The count behind a rate, or the placements behind a count of people. */
  detail: string;
  /** Its base, its period, what is excluded; or, for N/A, why. */
  definition: string;
}

const pct1 = (x: number) => Math.round(x * 1000) / 10;

/** True when the encounters export ends less than 30 days after the period: follow-ups at 30
 *  days for its last placements cannot all be in the records yet. */
function recentEnd(x: GrantInputs): boolean {
  const last = x.ranges.encountersLast;
  if (!last || !x.period.to) return !!last;
  return Date.parse(`${x.period.to}T00:00:00Z`) + 30 * 86_400_000 > last.getTime();
}
const hours1 = (x: number) => Math.round(x * 10) / 10;

/** The grant measures, in BJA COSSUP's words where COSSUP has words for them, plus time to
 *  treatment and 30-day engagement (the Illinois deflection key indicators, 5 ILCS 820/25). */
export function grantMeasures(x: GrantInputs): Measure[] {
  const enc: Coverage = coverage(x.period, 'encounters export', x.ranges.encountersFirst, x.ranges.encountersLast, x.launchDate);
  const nal: Coverage = x.naloxone
    ? coverage(x.period, 'naloxone log', x.ranges.naloxoneFirst, x.ranges.naloxoneLast)
    : { missing: 'No naloxone log is loaded.', partial: null };
  const out: Measure[] = [];
  const add = (id: MeasureId, measure: string, unit: string, cov: Coverage, value: () => number | 'N/A', detail: () => string,
    definition: string, naWhy?: () => string | null) => {
    const why = cov.missing ?? naWhy?.() ?? null;
    const v = why ? 'N/A' : value();
    out.push({ id, measure, unit, value: v, detail: why ? '' : detail(),
      definition: why ? `N/A: ${why}` : cov.partial ? `${definition} ${cov.partial}` : definition });
  };
  const r = x.referrals, k = x.kpis, t = x.times;
  add('referred_treatment', 'People referred to substance use treatment', 'people', enc, () => r.peopleTreatment,
    () => `${r.placementsTreatment} placements`,
    'Distinct people with at least one placement in treatment (detox, residential, outpatient, MOUD) at an encounter in the period. A referral is a placement: an offer not taken up is not counted. Recovery support is counted on the next line.');
  add('referred_recovery', 'People referred to recovery support services', 'people', enc, () => r.peopleRecovery,
    () => `${r.placementsRecovery} placements`,
    'Distinct people placed in recovery support services (treatment type “recovery support”) at an encounter in the period.');
  add('trained_naloxone', 'People trained in naloxone', 'people', enc, () => 'N/A', () => '', '',
    () => 'The program export has no training field. If every kit is handed out with training, report the people given kits below.');
  add('kits_distributed', 'Naloxone kits distributed', 'kits', enc, () => x.kits.kits,
    () => `at ${x.kits.recorded} of ${x.kits.encounters} encounters with the kit field filled in`,
    'Program encounters in the period recorded as giving a naloxone kit. Kits handed out elsewhere (events, pharmacies) are not in program records.',
    () => (x.kitFieldFilled === 0 ? 'The encounters export has no naloxone-kit column.'
      : x.kits.encounters > 0 && x.kits.recorded === 0 ? 'No encounter in this period has the naloxone-kit field filled in.' : null));
  add('people_given_kits', 'People given a naloxone kit', 'people', enc, () => x.kits.people, () => '',
    'Distinct people given a kit at a program encounter in the period.',
    () => (x.kitFieldFilled === 0 ? 'The encounters export has no naloxone-kit column.'
      : x.kits.encounters > 0 && x.kits.recorded === 0 ? 'No encounter in this period has the naloxone-kit field filled in.' : null));
  add('naloxone_administrations', 'Naloxone administrations', 'administrations', nal, () => x.naloxone!.administrations,
    () => `${x.naloxone!.doses} doses; ${x.naloxone!.survived} survived`,
    'Rows of the officers’ naloxone log dated in the period: one person given naloxone at one event, however many doses.');
  add('moud', 'People starting medication for opioid use disorder (MOUD)', 'people', enc, () => r.peopleMoud,
    () => `${r.placementsMoud} placements`,
    'Distinct people placed in MOUD (methadone, buprenorphine or naltrexone) at an encounter in the period. Whether the first dose was taken is not recorded.');
  add('participants', 'Deflection participants', 'people', enc, () => k.people, () => `${k.encounters} encounters`,
    'Distinct participant pseudonyms with an encounter in the period, whatever the outcome. By pathway in the table below.');
  add('median_hours', 'Time to treatment: median hours from encounter to placement', 'hours', enc,
    () => hours1(t.medianHours!), () => `over ${t.placed} placements`,
    'Median of the hours from the encounter to the placement, among placed encounters in the period.',
    () => (t.placed === 0 ? 'No placements in this period, so there is no time to measure.' : null));
  add('within_24h', 'Time to treatment: placed within 24 hours', '%', enc, () => pct1(t.share24!),
    () => `${t.within24} of ${t.placed} placements`,
    'Placed encounters whose placement came within 24 hours of the encounter, divided by all placed encounters in the period.',
    () => (t.placed === 0 ? 'No placements in this period.' : null));
  const placed = x.funnel.find((s) => s.step === 'placed');
  const engaged = x.funnel.find((s) => s.step === 'engaged');
  add('engaged_30d', 'Engaged in treatment at 30 days', '%', enc, () => pct1(engaged!.share!),
    () => `${engaged!.count} of ${engaged!.base} placements`,
    `Placements (as counted in the funnel: eligible, offered, then placed) recorded as still engaged in treatment 30 days later, divided by those placements. “Unknown” counts as not engaged.${recentEnd(x) ? ' The encounters export ends less than 30 days after this period: its last placements may not have been followed up yet, which lowers the rate.' : ''}`,
    () => (x.engagementFilled === 0 || !engaged?.recorded ? 'The encounters export does not record engagement at 30 days.'
      : !placed || !engaged.base ? 'No placements in this period.' : null));
  return out;
}
