import { useMemo } from 'react';
import { addictionGroups, crimeByMonth, crimeSeries } from '../../metrics/crime.ts';
import { localOverdosesByMonth } from '../../metrics/overdoses.ts';
import { crimeSpans, partialMonthsBySeries } from '../../metrics/partialMonths.ts';
import { useSql } from '../../state/useSql.ts';

const ym = (d: Date) => d.toISOString().slice(0, 7);

export interface ClaimSeriesChoice { value: string; label: string; kind: 'crime' | 'overdose'; fbiReported: boolean }

export interface MonthlySeries { label: string; months: string[]; counts: (number | null)[]; partial: Set<string> }

/** The monthly series a claim can be about: each crime series (an agency's addiction-associated
 *  offenses, or one offense group of them) and each local overdose series, with the chosen one and
 *  its comparison area read month by month, partial months marked. */
export function useClaimSeries(chosen: string | null, group: string | null, compare: string | null) {
  const crime = useSql(useMemo(() => crimeSeries(), []));
  const groups = useSql(useMemo(() => addictionGroups(), []));
  const local = useSql(useMemo(() => localOverdosesByMonth(), []));
  const spans = useSql(useMemo(() => crimeSpans(), []));
  const choices = useMemo((): ClaimSeriesChoice[] => [
    ...crime.rows.map((s) => ({ value: `crime:${s.series}`, label: `${s.label}: crime (${s.source === 'incidents' ? 'incident records' : 'monthly counts'})`, kind: 'crime' as const, fbiReported: s.source === 'monthly' })),
    ...[...new Set(local.rows.map((r) => r.series))].map((s) => ({ value: `overdose:${s}`, label: `${s}: overdoses`, kind: 'overdose' as const, fbiReported: false })),
  ], [crime.rows, local.rows]);
  const main = choices.find((c) => c.value === chosen) ?? choices[0];
  const comparison = choices.find((c) => c.value === compare && c.value !== main?.value && c.kind === main?.kind);
  const validGroup = groups.rows.find((g) => g.group === group)?.group ?? null;
  const crimeKey = (c: ClaimSeriesChoice | undefined) => (c?.kind === 'crime' ? c.value.slice('crime:'.length) : null);
  const mainQ = useSql(useMemo(() => (crimeKey(main) ? crimeByMonth(crimeKey(main)!, validGroup) : null), [main?.value, validGroup])); // eslint-disable-line react-hooks/exhaustive-deps
  const compQ = useSql(useMemo(() => (crimeKey(comparison) ? crimeByMonth(crimeKey(comparison)!, validGroup) : null), [comparison?.value, validGroup])); // eslint-disable-line react-hooks/exhaustive-deps
  const partialAll = useMemo(() => partialMonthsBySeries(spans.rows), [spans.rows]);
  const read = (c: ClaimSeriesChoice | undefined, q: typeof mainQ): MonthlySeries | null => {
    if (!c) return null;
    if (c.kind === 'crime') {
      const p = partialAll.get(crimeKey(c)!);
      return { label: c.label.replace(/: crime \(.*\)$/, ''), months: q.rows.map((r) => ym(r.month)), counts: q.rows.map((r) => r.count), partial: new Set(p?.keys() ?? []) };
    }
    const name = c.value.slice('overdose:'.length);
    const rows = local.rows.filter((r) => r.series === name);
    return { label: name, months: rows.map((r) => ym(r.month)), counts: rows.map((r) => r.total), partial: new Set() };
  };
  const mainSeries = useMemo(() => read(main, mainQ), [main, mainQ.rows, local.rows, partialAll]); // eslint-disable-line react-hooks/exhaustive-deps
  const compSeries = useMemo(() => read(comparison, compQ), [comparison, compQ.rows, local.rows, partialAll]); // eslint-disable-line react-hooks/exhaustive-deps
  const loading = crime.loading || local.loading || groups.loading || spans.loading || mainQ.loading || compQ.loading;
  return { choices, main, comparison, groups: groups.rows, group: validGroup, mainSeries, compSeries, loading };
}
