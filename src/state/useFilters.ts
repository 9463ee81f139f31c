import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ALL_TIME, parsePeriod, type NamedPeriod } from '../domain/periods.ts';
import type { ProgramFilter } from '../domain/filter.ts';
import { afterPaint } from './afterPaint.ts';
import { deferred, latestParams } from './latestParams.ts';

interface Pending { base: string; next: string }

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
  const [address, setParams] = useSearchParams();
  // A change shows at once; the address follows right after the page has been painted. Pushing a
  // history entry costs Chromium 5-15 ms, a good part of the 50 ms a repaint may take (issue 3).
  // `pending` applies only while the address is still the one it was made from and the change is
  // not written yet.
  const [pending, setPending] = useState<Pending | null>(null);
  const current = address.toString();
  const shown = pending && pending.base === current ? pending.next : current;
  const params = useMemo(() => new URLSearchParams(shown), [shown]);
  const raw = params.get('period');
  const parsed = parsePeriod(raw);
  const period = parsed ?? ALL_TIME;
  const agency = params.getAll('agency');
  const pathway = params.getAll('pathway');
  const treatment = params.getAll('treatment');
  const key = shown;
  const filter = useMemo<ProgramFilter>(() => ({
    periods: period.kind === 'all' ? [] : [{ ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }],
    ...(agency.length ? { agency } : {}),
    ...(pathway.length ? { pathway } : {}),
    ...(treatment.length ? { treatment } : {}),
  }), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = useCallback((patch: Partial<Record<Param, string | string[] | null>>) => {
    // Starts from the address with any change not yet written in it written first.
    const next = latestParams(address);
    const base = next.toString();
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const x of v == null ? [] : Array.isArray(v) ? v : [v]) if (x !== '') next.append(k, x);
    }
    const p: Pending = { base, next: next.toString() };
    setPending(p);
    // Once written, the change is the address's: dropped here, so that going back to `base` later
    // shows `base`.
    // Written only while the page it was made on is still shown: a link or Back taken in the frame
    // before the write must not be undone by it.
    const path = typeof window === 'undefined' ? '' : window.location.pathname;
    const write = deferred(() => {
      setPending((cur) => (cur === p ? null : cur));
      if (typeof window !== 'undefined' && window.location.pathname !== path) return;
      setParams(new URLSearchParams(p.next));
    });
    afterPaint(write);
  }, [setParams, address]);
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
