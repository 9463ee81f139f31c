import { useMemo } from 'react';
import { addictionGroups, crimeByMonth, crimeSeries } from '../../metrics/crime.ts';
import { deathPlaces, deathsByMonth, localOverdosesByMonth } from '../../metrics/overdoses.ts';
import { crimeSpans, partialMonthsBySeries, type PartialMonth } from '../../metrics/partialMonths.ts';
import { useSql } from '../../state/useSql.ts';

const ym = (d: Date) => d.toISOString().slice(0, 7);

export interface ClaimSeriesChoice { value: string; label: string; kind: 'crime' | 'overdose'; fbiReported: boolean }

/** `partial`: months ('YYYY-MM') the records cover only in part (metrics/partialMonths). */
export interface MonthlySeries { label: string; months: string[]; counts: (number | null)[]; partial: ReadonlyMap<string, PartialMonth> }

const WHOLE: ReadonlyMap<string, PartialMonth> = new Map();

/** The monthly series a claim can be about: each crime series (an agency's addiction-associated
 *  offenses, or one offense group of them), each local overdose series, and each city or county of
 *  a medical examiner's death records (deaths by residence), with the chosen one and its comparison
 *  area read month by month, partial months marked. */
export function useClaimSeries(chosen: string | null, group: string | null, compare: string | null) {
  const crime = useSql(useMemo(() => crimeSeries(), []));
  const groups = useSql(useMemo(() => addictionGroups(), []));
  const local = useSql(useMemo(() => localOverdosesByMonth(), []));
  const spans = useSql(useMemo(() => crimeSpans(), []));
  const places = useSql(useMemo(() => deathPlaces('residence'), []));
  const choices = useMemo((): ClaimSeriesChoice[] => [
    ...crime.rows.map((s) => ({ value: `crime:${s.series}`, label: `${s.label}: crime (${s.source === 'incidents' ? 'incident records' : 'monthly counts'})`, kind: 'crime' as const, fbiReported: s.source === 'monthly' })),
    ...[...new Set(local.rows.map((r) => r.series))].map((s) => ({ value: `overdose:${s}`, label: `${s}: overdoses`, kind: 'overdose' as const, fbiReported: false })),
    ...places.rows.map((p) => ({ value: `death:${p.level}:${p.place}`, label: `${p.place} (${p.level}, by residence): overdose deaths`, kind: 'overdose' as const, fbiReported: false })),
  ], [crime.rows, local.rows, places.rows]);
  const main = choices.find((c) => c.value === chosen) ?? choices[0];
  const comparison = choices.find((c) => c.value === compare && c.value !== main?.value && c.kind === main?.kind);
  const validGroup = groups.rows.find((g) => g.group === group)?.group ?? null;
  const crimeKey = (c: ClaimSeriesChoice | undefined) => (c?.kind === 'crime' ? c.value.slice('crime:'.length) : null);
  const mainQ = useSql(useMemo(() => (crimeKey(main) ? crimeByMonth(crimeKey(main)!, validGroup) : null), [main?.value, validGroup])); // eslint-disable-line react-hooks/exhaustive-deps
  const compQ = useSql(useMemo(() => (crimeKey(comparison) ? crimeByMonth(crimeKey(comparison)!, validGroup) : null), [comparison?.value, validGroup])); // eslint-disable-line react-hooks/exhaustive-deps
  const deathKey = (c: ClaimSeriesChoice | undefined) => (c?.value.startsWith('death:') ? c.value.slice('death:'.length) : null);
  const deathQuery = (c: ClaimSeriesChoice | undefined) => {
    const k = deathKey(c);
    if (!k) return null;
    const [level, ...place] = k.split(':');
    return deathsByMonth('residence', level as 'city' | 'county', place.join(':'));
  };
  const mainDeaths = useSql(useMemo(() => deathQuery(main), [main?.value])); // eslint-disable-line react-hooks/exhaustive-deps
  const compDeaths = useSql(useMemo(() => deathQuery(comparison), [comparison?.value])); // eslint-disable-line react-hooks/exhaustive-deps
  const partialAll = useMemo(() => partialMonthsBySeries(spans.rows), [spans.rows]);
  const read = (c: ClaimSeriesChoice | undefined, q: typeof mainQ, deaths: typeof mainDeaths): MonthlySeries | null => {
    if (!c) return null;
    if (deathKey(c)) {
      return { label: c.label.replace(/ \(.*$/, ''), months: deaths.rows.map((r) => ym(r.month)), counts: deaths.rows.map((r) => r.deaths), partial: WHOLE };
    }
    if (c.kind === 'crime') {
      return { label: c.label.replace(/: crime \(.*\)$/, ''), months: q.rows.map((r) => ym(r.month)), counts: q.rows.map((r) => r.count), partial: partialAll.get(crimeKey(c)!) ?? WHOLE };
    }
    const name = c.value.slice('overdose:'.length);
    const rows = local.rows.filter((r) => r.series === name);
    return { label: name, months: rows.map((r) => ym(r.month)), counts: rows.map((r) => r.total), partial: WHOLE };
  };
  const mainSeries = useMemo(() => read(main, mainQ, mainDeaths), [main, mainQ.rows, mainDeaths.rows, local.rows, partialAll]); // eslint-disable-line react-hooks/exhaustive-deps
  const compSeries = useMemo(() => read(comparison, compQ, compDeaths), [comparison, compQ.rows, compDeaths.rows, local.rows, partialAll]); // eslint-disable-line react-hooks/exhaustive-deps
  const loading = crime.loading || local.loading || groups.loading || spans.loading || places.loading || mainQ.loading || compQ.loading || mainDeaths.loading || compDeaths.loading;
  return { choices, main, comparison, groups: groups.rows, group: validGroup, mainSeries, compSeries, loading };
}
