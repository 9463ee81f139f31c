import type { Mapping } from '../ingest/mapping.ts';

/** Named column mappings the user saved, kept in this browser. */
export interface SavedMapping { name: string; mapping: Mapping; saved: string }

const KEY = 'deflection.mappings';

export function savedMappings(): SavedMapping[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as SavedMapping[];
  } catch {
    return [];
  }
}

export function saveMapping(name: string, mapping: Mapping): SavedMapping[] {
  const list = savedMappings().filter((m) => m.name !== name);
  list.push({ name, mapping, saved: new Date().toISOString() });
  list.sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(KEY, JSON.stringify(list));
  return list;
}
