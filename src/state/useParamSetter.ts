import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { latestParams } from './latestParams.ts';

/** The page's search params and a setter of one of them (an empty value removes it), so a page's
 *  choices live in the address: a copied link opens the same view; back and forward work. */
export function useParamSetter(): [URLSearchParams, (key: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback((key: string, value: string | null) => setParams((prev) => {
    const next = latestParams(prev);
    if (value) next.set(key, value); else next.delete(key);
    return next;
  }), [setParams]);
  return [params, set];
}
