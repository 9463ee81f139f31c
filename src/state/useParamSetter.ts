import { useCallback } from 'react';
import { useShownParams } from './shownParams.ts';

/** The page's search params and a setter of one of them (an empty value removes it), so a page's
 *  choices live in the address: a copied link opens the same view; back and forward work. A change
 *  shows at once and the address follows right after the frame (shownParams.ts). */
export function useParamSetter(): [URLSearchParams, (key: string, value: string | null) => void] {
  const [params, update] = useShownParams();
  const set = useCallback((key: string, value: string | null) => update((next) => {
    if (value) next.set(key, value); else next.delete(key);
  }), [update]);
  return [params, set];
}
