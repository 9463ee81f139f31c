import { useProgram } from '../../state/useProgram.ts';
import { useMemo } from 'react';
import type { ItsResult } from '../../analysis/its.ts';
import { fitItsKept } from '../../analysis/fitCache.ts';
import { previousPeriod, sameLastYear, type NamedPeriod, type Period } from '../../domain/periods.ts';
import { impactSummary, monthLabel } from '../../analysis/summary.ts';
import type { EndingRow } from '../../charts/TwelveMonthChart.tsx';
import type { TrendRow } from '../../charts/CrimeTrendChart.tsx';
import { programTableCounts, tableRanges } from '../../metrics/programCoverage.ts';
import { coverage } from '../periodCoverage.ts';
import { crimeByMonth, crimeSeries } from '../../metrics/crime.ts';
import { filterFor, NO_FILTER } from '../../domain/filter.ts';
import { naloxoneTotals } from '../../metrics/naloxone.ts';
import { localOverdosesByMonth } from '../../metrics/overdoses.ts';
import { placementsByMonth, programKpis, type MonthlyPlacements, type ProgramKpis } from '../../metrics/placements.ts';
import { endingRows } from '../../charts/twelveMonthEnding.tsx';
import { useSql } from '../../state/useSql.ts';
import type { FigureKind } from './change.ts';

/** Months of context the briefing's charts show, ending with the period. */
export const CONTEXT_MONTHS = 24;

export interface Headline {
  id: string;
  label: string;
  kind: FigureKind;
  now: number | null;
  previous: number | null;
  lastYear: number | null;
  detail: string;
  definition: string;
}

export interface BriefingData {
  loading: boolean;
  error?: string;
  previous: NamedPeriod | null;
  lastYear: NamedPeriod | null;
  kpis: ProgramKpis | undefined;
  headlines: Headline[];
  monthly: MonthlyPlacements[];
  crime: { label: string; rows: TrendRow[]; summary: string[]; source: string } | null;
  /** Whether the encounters export covers the period (reports/periodCoverage.ts). */
  coverage: { missing: string | null; partial: string | null };
  crimeChoices: { value: string; label: string }[];
  localChoices: string[];
  overdoses: { label: string; rows: EndingRow[] } | null;
}

const ym = (d: Date) => d.toISOString().slice(0, 7);

/** The context window: CONTEXT_MONTHS months ending with the period (all data for open periods). */
export function contextWindow(p: Period): Period {
  if (!p.to) return p;
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - CONTEXT_MONTHS, 1)).toISOString().slice(0, 10);
  return { from: p.from && p.from < start ? p.from : start, to: p.to };
}

const inWindow = (w: Period) => (d: Date) => {
  const s = d.toISOString().slice(0, 10);
  return (!w.from || s >= w.from.slice(0, 7) + '-01') && (!w.to || s < w.to);
};

/** Everything the briefing shows for a period: headline figures for it, the previous period and
 *  the same period last year (the same queries as the analytics pages), and its three charts'
 *  rows: placements per month, addiction-associated offenses with the impact analysis of the
 *  whole series, and the local overdose count over 12 months. */
export function useBriefingData(period: NamedPeriod, launchDate: string, choice: { series?: string | null; local?: string | null } = {}): BriefingData {
  const previous = useMemo(() => previousPeriod(period), [period]);
  const lastYear = useMemo(() => sameLastYear(period), [period]);
  const counts = useProgram(programTableCounts);
  const ranges = useProgram(tableRanges);
  const hasLog = (counts.rows[0]?.naloxone ?? 0) > 0;
  const k0 = useProgram(programKpis, filterFor(period));
  const k1 = useProgram(previous ? programKpis : null, previous ? filterFor(previous) : NO_FILTER);
  const k2 = useProgram(lastYear ? programKpis : null, lastYear ? filterFor(lastYear) : NO_FILTER);
  const n0 = useProgram(hasLog ? naloxoneTotals : null, filterFor(period));
  const n1 = useProgram(hasLog && previous ? naloxoneTotals : null, previous ? filterFor(previous) : NO_FILTER);
  const n2 = useProgram(hasLog && lastYear ? naloxoneTotals : null, lastYear ? filterFor(lastYear) : NO_FILTER);
  const window = useMemo(() => contextWindow(period), [period]);
  const monthly = useProgram(placementsByMonth, filterFor(window));
  const series = useSql(useMemo(() => crimeSeries(), []));
  // The crime series chosen (as on /crime), else the first incident file, else the first series.
  const main = series.rows.find((s) => s.series === choice.series) ?? series.rows.find((s) => s.source === 'incidents') ?? series.rows[0];
  const crime = useSql(useMemo(() => (main ? crimeByMonth(main.series, null) : null), [main?.series])); // eslint-disable-line react-hooks/exhaustive-deps
  const local = useSql(useMemo(() => localOverdosesByMonth(), []));
  const queries = [counts, ranges, k0, series, local, monthly, ...(previous ? [k1] : []), ...(lastYear ? [k2] : []),
    ...(hasLog ? [n0, ...(previous ? [n1] : []), ...(lastYear ? [n2] : [])] : []), ...(main ? [crime] : [])];
  const loading = queries.some((q) => q.loading);
  // Program metrics are worked out in the page and cannot fail; the database's answers can.
  const error = [series, local, ...(main ? [crime] : [])].find((q) => q.error)?.error;

  const crimeView = useMemo(() => {
    if (!main || crime.rows.length === 0) return null;
    const months = crime.rows.map((r) => ym(r.month));
    const counts = crime.rows.map((r) => r.count);
    const launch = launchDate.slice(0, 7);
    let summary: string[] = [];
    if (launch && months[0]! <= launch && launch <= months.at(-1)!) {
      try {
        const r: ItsResult = fitItsKept({ months, counts, launch });
        // The last sentence (months used, the kind of interval) goes to the small print.
        summary = impactSummary(r, { measure: `addiction-associated offenses recorded by ${main.label}`, launchLabel: monthLabel(launch) })
          .filter((s) => !s.startsWith('Based on'));
      } catch (e) {
        summary = [`The impact analysis could not be fitted: ${e instanceof Error ? e.message : String(e)}`];
      }
    }
    const keep = inWindow(window);
    return { label: main.label, source: main.source, summary,
      rows: crime.rows.filter((r) => keep(r.month)).map((r) => ({ month: r.month, main: r.count })) };
  }, [main, crime.rows, launchDate, window]);

  const overdoses = useMemo(() => {
    const name = local.rows.find((r) => r.series === choice.local)?.series ?? local.rows[0]?.series;
    if (!name) return null;
    const rows = endingRows(local.rows.filter((r) => r.series === name).map((r) => ({ month: r.month, value: r.total })), false);
    const keep = inWindow(window);
    return { label: name, rows: rows.filter((r) => keep(r.month)) };
  }, [local.rows, window, choice.local]);

  const headlines = useMemo((): Headline[] => {
    const r = ranges.rows[0];
    // A period the records do not cover (before the launch, outside the export) has no figure:
    // "—", never a zero that nobody counted.
    const covered = (p: Period | null, first: Date | null | undefined, last: Date | null | undefined, launch?: string) =>
      !!p && !coverage(p, 'records', first ?? null, last ?? null, launch).missing;
    const enc = (p: Period | null) => covered(p, r?.encountersFirst, r?.encountersLast, launchDate);
    const nal = (p: Period | null) => covered(p, r?.naloxoneFirst, r?.naloxoneLast);
    const [a0, b0, c0] = [k0.rows[0], k1.rows[0], k2.rows[0]];
    if (!a0) return [];
    const [a, b, c] = [enc(period) ? a0 : null, enc(previous) ? b0 : null, enc(lastYear) ? c0 : null];
    const pick = (f: (k: ProgramKpis) => number | null) => ({ now: a ? f(a) : null, previous: b ? f(b) : null, lastYear: c ? f(c) : null });
    const out: Headline[] = [
      { id: 'people', label: 'People who came to the program', kind: 'count', ...pick((k) => k.people),
        detail: `${a0.encounters} encounters`, definition: 'Distinct participant pseudonyms with an encounter in the period.' },
      { id: 'placed', label: 'People placed in treatment', kind: 'count', ...pick((k) => k.peoplePlaced),
        detail: `${a0.placed} placements`, definition: 'Distinct people with an encounter in the period that ended in a placement (a placement date and a treatment type other than none).' },
      { id: 'rate', label: 'Placement rate', kind: 'rate', ...pick((k) => k.placementRate),
        detail: `${a0.placed} of ${a0.placementBase === 'eligible encounters' ? a0.eligible : a0.encounters} ${a0.placementBase}`,
        definition: `Placed encounters divided by ${a0.placementBase}.` },
      { id: 'hours', label: 'Median time to placement', kind: 'hours', ...pick((k) => k.medianHoursToPlacement),
        detail: 'encounter to placement', definition: 'Median hours from the encounter to the placement, among placed encounters.' },
      { id: 'cost', label: 'Cost per person placed', kind: 'usd', ...pick((k) => k.costPerPersonPlaced),
        detail: a0.totalCost == null ? 'no ledger costs in the period' : `$${Math.round(a0.totalCost).toLocaleString('en-US')} spent`,
        definition: 'Ledger costs dated in the period divided by the people placed in it. Insurance-paid treatment is not in the ledger.' },
    ];
    const [x, y, z] = [n0.rows[0], n1.rows[0], n2.rows[0]];
    if (hasLog && x) {
      out.push({ id: 'naloxone', label: 'Naloxone administrations by officers', kind: 'count', now: nal(period) ? x.administrations : null,
        previous: nal(previous) ? y?.administrations ?? null : null, lastYear: nal(lastYear) ? z?.administrations ?? null : null, detail: `${x.survived} survived`,
        definition: 'Rows of the naloxone log dated in the period: one person given naloxone at one event.' });
    }
    return out;
  }, [k0.rows, k1.rows, k2.rows, n0.rows, n1.rows, n2.rows, hasLog, ranges.rows, period, previous, lastYear, launchDate]);

  const crimeChoices = useMemo(() => series.rows.map((s) => ({ value: s.series, label: s.label })), [series.rows]);
  const localChoices = useMemo(() => [...new Set(local.rows.map((r) => r.series))], [local.rows]);
  const r = ranges.rows[0];
  const cov = coverage(period, 'encounters export', r?.encountersFirst ?? null, r?.encountersLast ?? null, launchDate);
  return { loading, error, previous, lastYear, kpis: k0.rows[0], headlines, monthly: monthly.rows, crime: crimeView, overdoses, crimeChoices, localChoices, coverage: cov };
}
