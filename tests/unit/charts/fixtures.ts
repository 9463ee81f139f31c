/** Small hand-made rows for the chart snapshots, in the row types the charts take. */
import type { ItsResult } from '../../../src/analysis/its.ts';
import type { Annotation } from '../../../src/charts/marks.ts';
import type { PartialMonth } from '../../../src/metrics/partialMonths.ts';
import type { MonthlyCost } from '../../../src/metrics/costs.ts';
import type { MonthlyGroupCount } from '../../../src/metrics/crime.ts';
import type { FunnelStep } from '../../../src/metrics/funnel.ts';
import type { MonthlyNaloxone } from '../../../src/metrics/naloxone.ts';
import type { DeathMonth } from '../../../src/metrics/overdoses.ts';
import type { MonthlyPlacements } from '../../../src/metrics/placements.ts';
import type { MonthlyPlacementTimes } from '../../../src/metrics/timeToPlacement.ts';
import type { TrendRow } from '../../../src/charts/CrimeTrendChart.tsx';
import type { OverdoseNaloxoneRow } from '../../../src/charts/OverdoseNaloxoneChart.tsx';
import type { EndingRow } from '../../../src/charts/TwelveMonthChart.tsx';

/** The first day of a month, UTC, as the metrics give months. */
export const m = (ym: string) => new Date(`${ym}-01T00:00:00Z`);

export const LAUNCH: Annotation[] = [{ date: '2024-03-01', label: 'Program launch' }];

/** April 2024 covered only to the 12th (an export taken mid-month). */
export const PARTIAL_APRIL: ReadonlyMap<string, PartialMonth> = new Map([
  ['2024-04', { month: '2024-04', from: m('2024-04'), to: new Date('2024-04-12T00:00:00Z'), start: false, end: true }],
]);

export const placements: MonthlyPlacements[] = [
  { month: m('2024-01'), encounters: 42, people: 38, placed: 9, peoplePlaced: 9 },
  { month: m('2024-02'), encounters: 35, people: 33, placed: 7, peoplePlaced: 6 },
  { month: m('2024-03'), encounters: 51, people: 44, placed: 14, peoplePlaced: 13 },
  { month: m('2024-04'), encounters: 18, people: 17, placed: 3, peoplePlaced: 3 },
];

export const funnel: FunnelStep[] = [
  { ord: 1, step: 'encounters', label: 'Encounters', count: 120, baseLabel: null, base: null, share: null, shareOfEncounters: 1, recorded: true, unknown: 0 },
  { ord: 2, step: 'eligible', label: 'Eligible', count: 96, baseLabel: 'Encounters', base: 120, share: 0.8, shareOfEncounters: 0.8, recorded: true, unknown: 4 },
  { ord: 3, step: 'offered', label: 'Offered a placement', count: 96, baseLabel: 'Eligible', base: 96, share: 1, shareOfEncounters: 0.8, recorded: false, unknown: 0 },
  { ord: 4, step: 'placed', label: 'Placed in treatment', count: 41, baseLabel: 'Offered a placement', base: 96, share: 41 / 96, shareOfEncounters: 41 / 120, recorded: true, unknown: 2 },
  { ord: 5, step: 'engaged', label: 'Engaged at 30 days', count: 22, baseLabel: 'Placed in treatment', base: 41, share: 22 / 41, shareOfEncounters: 22 / 120, recorded: true, unknown: 5 },
];

/** Spend by category (the costs page's breakdown: one series). */
export const costByCategory: Record<string, unknown>[] = [
  { value: 'Treatment', amount: 52000 },
  { value: 'Transport', amount: 8400 },
  { value: 'Staff', amount: 31000 },
  { value: '(not recorded)', amount: 1200 },
];

/** Encounters and people by a field (two series side by side). */
export const byReferral: Record<string, unknown>[] = [
  { value: 'Officer referral', encounters: 64, people: 51 },
  { value: 'Self-referral', encounters: 30, people: 27 },
  { value: 'Family', encounters: 9, people: 9 },
];

export const crimeGroups: MonthlyGroupCount[] = [
  { month: m('2024-01'), group: 'Burglary', count: 12 },
  { month: m('2024-01'), group: 'Larceny', count: 40 },
  { month: m('2024-01'), group: 'Drug violations', count: 9 },
  { month: m('2024-02'), group: 'Burglary', count: 10 },
  { month: m('2024-02'), group: 'Larceny', count: 37 },
  { month: m('2024-02'), group: 'Drug violations', count: 11 },
  { month: m('2024-03'), group: 'Burglary', count: 8 },
  { month: m('2024-03'), group: 'Larceny', count: 41 },
  { month: m('2024-03'), group: 'Drug violations', count: 6 },
  { month: m('2024-04'), group: 'Burglary', count: 4 },
  { month: m('2024-04'), group: 'Larceny', count: 15 },
  { month: m('2024-04'), group: 'Drug violations', count: 2 },
];

/** A month not reported (May) is a gap; the comparison area is a rate too. */
export const crimeTrend: TrendRow[] = [
  { month: m('2024-01'), main: 61, comparison: 55 },
  { month: m('2024-02'), main: 58, comparison: 57 },
  { month: m('2024-03'), main: 55, comparison: 52 },
  { month: m('2024-04'), main: 21, comparison: 50 },
  { month: m('2024-05'), main: null, comparison: 53 },
  { month: m('2024-06'), main: 47, comparison: 49 },
];

export const monthlyCost: MonthlyCost[] = [
  { month: m('2024-01'), amount: 12000, cumulative: 12000 },
  { month: m('2024-02'), amount: 9500, cumulative: 21500 },
  { month: m('2024-03'), amount: -500, cumulative: 21000 },
  { month: m('2024-04'), amount: 15250, cumulative: 36250 },
];

const death = (ym: string, deaths: number, opioid: number, fentanyl: number, cocaine: number): DeathMonth => ({
  month: m(ym), deaths, opioid, fentanyl, heroin: 0, cocaine, methamphetamine: 0, benzodiazepine: 0, alcohol: 0, other: 0,
});
export const deaths: DeathMonth[] = [
  death('2024-01', 7, 5, 4, 2),
  death('2024-02', 4, 3, 3, 1),
  death('2024-03', 9, 7, 6, 3),
  death('2024-04', 5, 4, 2, 2),
];

export const naloxone: MonthlyNaloxone[] = [
  { month: m('2024-01'), administrations: 6, doses: 9, survived: 4, transported: 1, died: 0, unknown: 1 },
  { month: m('2024-02'), administrations: 3, doses: 4, survived: 2, transported: 1, died: 0, unknown: 0 },
  { month: m('2024-03'), administrations: 8, doses: 13, survived: 5, transported: 2, died: 1, unknown: 0 },
];

export const overdoseNaloxone: OverdoseNaloxoneRow[] = [
  { month: m('2024-01'), overdoses: 21, fatal: 4, administrations: 6 },
  { month: m('2024-02'), overdoses: 17, fatal: 2, administrations: 3 },
  { month: m('2024-03'), overdoses: 25, fatal: 5, administrations: 8 },
  { month: m('2024-04'), overdoses: null, fatal: null, administrations: 5 },
];

export const placementTimes: MonthlyPlacementTimes[] = [
  { month: m('2024-01'), placed: 9, medianHours: 18.5, p90Hours: 52, share24: 0.67 },
  { month: m('2024-02'), placed: 0, medianHours: null, p90Hours: null, share24: null },
  { month: m('2024-03'), placed: 14, medianHours: 11, p90Hours: 30.2, share24: 0.86 },
  { month: m('2024-04'), placed: 3, medianHours: 26, p90Hours: 40, share24: 0.33 },
];

/** Four years of months (more than three: a point only where a month stands alone), with March
 *  2021 between two months without placements and one more gap in 2023. */
export const placementTimesLong: MonthlyPlacementTimes[] = Array.from({ length: 48 }, (_, i) => {
  const month = new Date(Date.UTC(2020, i, 1));
  const none = i === 13 || i === 15 || i === 40;
  return none ? { month, placed: 0, medianHours: null, p90Hours: null, share24: null }
    : { month, placed: 10 + (i % 7), medianHours: 8 + (i % 5), p90Hours: 30 + (i % 11), share24: 0.6 };
});

/** A 12-month-ending series with a suppressed month and no year-earlier value at the start. */
export const twelveMonth: EndingRow[] = [
  { month: m('2024-01'), value: 210, yearEarlier: null, change: null, status: null },
  { month: m('2024-02'), value: 204, yearEarlier: 231, change: -27, status: null },
  { month: m('2024-03'), value: null, yearEarlier: 228, change: null, status: 'Suppressed (fewer than 10)' },
  { month: m('2024-04'), value: 196, yearEarlier: 225, change: -29, status: null },
  { month: m('2024-05'), value: 190, yearEarlier: 219, change: -29, status: null },
];

const se = { se: 0.1, seHac: 0.1, seQuasi: 0.08, seBasis: 'hac' as const };
const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const observed = [60, 58, 62, 50, 47, null];
const fitted = [59.4, 59.9, 60.5, 50.1, 48.8, 47.6];
const expected = [61.1, 61.7, 62.3];
/** An interrupted time series launched in April 2024, with an unreported June. Only the months,
 *  the launch, the fitted line and the counterfactual are drawn; the rest is filled in. */
export const its: { result: ItsResult; counts: (number | null)[] } = {
  counts: observed,
  result: {
    enough: true, reason: null, controlled: false, harmonics: 2, months, launch: '2024-04',
    nPre: 3, nPost: 2, comparisonPre: null, comparisonPost: null,
    model: {
      coefficients: [], covariance: [], covarianceQuasi: [], lag: 1, dispersion: 1.2, deviance: 3.4, observations: 5,
      fitted, comparisonFitted: null,
      counterfactual: expected.map((e, i) => ({
        ...se, month: months[i + 3]!, observed: observed[i + 3] ?? null, fitted: fitted[i + 3]!, expected: e, lower: e * 0.82, upper: e * 1.22,
      })),
      effect: {
        ...se, timeSinceLaunch: 11, month: '2025-03', logRatio: -0.2, p: 0.04, ratio: 0.82, lower: 0.68, upper: 0.99,
        percent: -18, percentLower: -32, percentUpper: -1, extrapolated: true,
      },
    },
  },
};
