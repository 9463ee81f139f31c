import { useSyncExternalStore } from 'react';
import type { LoadProgress } from './progress.ts';

/** The progress of the loads running now, by upload id, outside React state: a progress tick
 *  re-renders only the progress bar of that one card (useLoadProgress), not every page that reads
 *  the data. */
const current = new Map<number, LoadProgress>();
const listeners = new Map<number, Set<() => void>>();

export function setLoadProgress(id: number, p: LoadProgress | undefined): void {
  if (p) current.set(id, p); else current.delete(id);
  for (const l of listeners.get(id) ?? []) l();
}

export function useLoadProgress(id: number): LoadProgress | undefined {
  return useSyncExternalStore((l) => {
    const set = listeners.get(id) ?? new Set();
    listeners.set(id, set.add(l));
    return () => { set.delete(l); if (!set.size) listeners.delete(id); };
  }, () => current.get(id));
}
