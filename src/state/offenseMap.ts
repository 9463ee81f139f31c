/** The user's offense assignments (offense text or code, in normal form -> NIBRS code), kept in
 *  this browser so a choice made once applies to every file loaded later. */
const KEY = 'deflection.offenseMap';

export type OffenseMap = Record<string, string>;

export function savedOffenseMap(): OffenseMap {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function saveOffenseMap(map: OffenseMap): void {
  localStorage.setItem(KEY, JSON.stringify(map));
}
