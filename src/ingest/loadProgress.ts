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

/** Calls `fn` on every change of one load's progress (and of no other). */
export function subscribeLoadProgress(id: number, fn: () => void): () => void {
  const set = listeners.get(id) ?? new Set();
  listeners.set(id, set.add(fn));
  return () => { set.delete(fn); if (!set.size) listeners.delete(id); };
}

export const loadProgressOf = (id: number): LoadProgress | undefined => current.get(id);

export function useLoadProgress(id: number): LoadProgress | undefined {
  return useSyncExternalStore((l) => subscribeLoadProgress(id, l), () => loadProgressOf(id));
}
