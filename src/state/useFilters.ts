import { useCallback, useMemo } from 'react';
import { ALL_TIME, parsePeriod, type NamedPeriod } from '../domain/periods.ts';
import type { ProgramFilter } from '../domain/filter.ts';
import { useShownParams } from './shownParams.ts';

/** The names of the filter parameters in the page's address. */
export const FILTER_PARAMS = ['period', 'agency', 'pathway', 'treatment'] as const;
type Param = (typeof FILTER_PARAMS)[number];

export interface Filters {
  filter: ProgramFilter;
  period: NamedPeriod;
  agency: string[];
  pathway: string[];
  treatment: string[];
  /** A period in the address that is not one the dashboard knows (shown as all data, and said). */
  badPeriod: string | null;
  /** Sets some parameters and keeps the others; each change is one entry in the browser's history. */
  set: (patch: Partial<Record<Param, string | string[] | null>>) => void;
  clear: () => void;
  active: boolean;
}

/** The program filters, read from and written to the address (react-router search params), so a
 *  copied link opens the same view, back and forward step through changes, and a reload keeps them. */
export function useFilters(): Filters {
  // A change shows at once; the address follows right after the page has been painted (shownParams.ts).
  const [params, update] = useShownParams();
  const raw = params.get('period');
  const parsed = parsePeriod(raw);
  const period = parsed ?? ALL_TIME;
  const agency = params.getAll('agency');
  const pathway = params.getAll('pathway');
  const treatment = params.getAll('treatment');
  const key = params.toString();
  const filter = useMemo<ProgramFilter>(() => ({
    periods: period.kind === 'all' ? [] : [{ ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }],
    ...(agency.length ? { agency } : {}),
    ...(pathway.length ? { pathway } : {}),
    ...(treatment.length ? { treatment } : {}),
  }), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = useCallback((patch: Partial<Record<Param, string | string[] | null>>) => update((next) => {
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const x of v == null ? [] : Array.isArray(v) ? v : [v]) if (x !== '') next.append(k, x);
    }
  }), [update]);
  const clear = useCallback(() => set({ period: null, agency: null, pathway: null, treatment: null }), [set]);
  return {
    filter, period, agency, pathway, treatment, set, clear,
    badPeriod: parsed ? null : raw,
    active: period.kind !== 'all' || agency.length + pathway.length + treatment.length > 0,
  };
}

/** The filters in words, for headings, empty states and exports. */
export function describeFilters(f: Pick<Filters, 'period' | 'agency' | 'pathway' | 'treatment'>): string {
  const parts = [f.period.label];
  if (f.agency.length) parts.push(`agency ${f.agency.join(' or ')}`);
  if (f.pathway.length) parts.push(`pathway ${f.pathway.join(' or ')}`);
  if (f.treatment.length) parts.push(`treatment ${f.treatment.join(' or ')}`);
  return parts.join(' · ');
}
