import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { afterPaint } from './afterPaint.ts';
import { deferred, latestParams } from './latestParams.ts';

interface Pending { base: string; next: string }

/** The page's search parameters as shown, and a function that changes them. A change shows at
 *  once; the address follows right after the page has been painted. Pushing a history entry costs
 *  Chromium 5-15 ms, and react-router renders the page again for it: a good part of a frame, spent
 *  before a chart's query could even be sent (issue 21). The change applies while the address is
 *  still the one it was made from and it is not written yet; each change stays its own entry in
 *  the browser's history. */
export function useShownParams(): [URLSearchParams, (change: (next: URLSearchParams) => void) => void] {
  const [address, setParams] = useSearchParams();
  const [pending, setPending] = useState<Pending | null>(null);
  const current = address.toString();
  const shown = pending && pending.base === current ? pending.next : current;
  const params = useMemo(() => new URLSearchParams(shown), [shown]);
  const update = useCallback((change: (next: URLSearchParams) => void) => {
    // Starts from the address with any change not yet written in it written first.
    const next = latestParams(address);
    const base = next.toString();
    change(next);
    const p: Pending = { base, next: next.toString() };
    setPending(p);
    // Once written, the change is the address's: dropped here, so that going back to `base` later
    // shows `base`. Written only while the address is still the one it was made from: a link, Back
    // or Forward taken in the frame before the write (on this page or another) must not be undone by it.
    const path = typeof window === 'undefined' ? '' : window.location.pathname;
    const write = deferred(() => {
      setPending((cur) => (cur === p ? null : cur));
      if (typeof window !== 'undefined'
        && (window.location.pathname !== path || new URLSearchParams(window.location.search).toString() !== base)) return;
      setParams(new URLSearchParams(p.next));
    });
    afterPaint(write);
  }, [setParams, address]);
  return [params, update];
}
