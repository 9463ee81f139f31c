import { useSyncExternalStore } from 'react';
import { usedHeaders, type Mapping } from '../ingest/mapping.ts';

/** Named column mappings the user saved, kept in this browser. Every open card sees a mapping as
 *  soon as it is saved on any of them. */
export interface SavedMapping { name: string; mapping: Mapping; saved: string }

const KEY = 'deflection.mappings';
const listeners = new Set<() => void>();
let cache: { raw: string | null; list: SavedMapping[] } | null = null;

export function savedMappings(): SavedMapping[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    /* storage blocked: nothing saved */
  }
  if (cache?.raw === raw) return cache.list;
  let list: SavedMapping[] = [];
  try {
    list = JSON.parse(raw ?? '[]') as SavedMapping[];
  } catch {
    list = [];
  }
  cache = { raw, list };
  return list;
}

export function saveMapping(name: string, mapping: Mapping): SavedMapping[] {
  const list = savedMappings().filter((m) => m.name !== name);
  list.push({ name, mapping, saved: new Date().toISOString() });
  list.sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(KEY, JSON.stringify(list));
  for (const l of listeners) l();
  return savedMappings();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => { if (e.key === KEY) l(); };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** The saved mappings, kept current across every card (and other tabs of this browser). */
export function useSavedMappings(): SavedMapping[] {
  return useSyncExternalStore(subscribe, savedMappings, () => []);
}

/** Saved mappings that fit a file: every column they use is among its headers, whatever kind they are for. */
export function mappingsFor(saved: readonly SavedMapping[], header: readonly string[]): SavedMapping[] {
  const present = new Set(header);
  return saved.filter((s) => {
    const used = usedHeaders(s.mapping);
    return used.length > 0 && used.every((h) => present.has(h));
  });
}
