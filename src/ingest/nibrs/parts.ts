import { normaliseHeader } from '../mapping.ts';

/** The tables of the FBI Crime Data Explorer's NIBRS state extract (one zip per state and year,
 *  unpacked) that offense counts need, and the one that says which months an agency reported.
 *  Recognised by their columns, whatever the letter case of the file or its headers (2016-2020
 *  extracts write `INCIDENT_ID`, later ones `incident_id`). */
export type NibrsRole = 'agencies' | 'incident' | 'offense' | 'offense_type' | 'month';

export const NIBRS_ROLES: readonly NibrsRole[] = ['agencies', 'incident', 'offense', 'offense_type', 'month'];

/** The file each role is published as, for messages. */
export const NIBRS_FILE_NAMES: Record<NibrsRole, string> = {
  agencies: 'agencies.csv',
  incident: 'NIBRS_incident.csv',
  offense: 'NIBRS_OFFENSE.csv',
  offense_type: 'NIBRS_OFFENSE_TYPE.csv',
  month: 'NIBRS_month.csv',
};

/** The columns a role's file must have (normalised headers); the first role whose columns are all
 *  present is the file's. */
const NEEDS: [NibrsRole, string[]][] = [
  ['offense', ['offense id', 'incident id']],
  ['incident', ['incident id', 'agency id', 'incident date']],
  ['month', ['nibrs month id', 'agency id', 'month num']],
  ['offense_type', ['offense code', 'offense name']],
  ['agencies', ['agency id', 'ori']],
];

export type NibrsPart =
  | { role: NibrsRole; layout?: 'offense_code' | 'offense_type_id' }
  /** Another table of the extract (victims, offenders, properties, reference lists): not needed. */
  | { role: 'other' };

/** What a file of an extract is, from its name and header; null for a file that is not one. */
export function nibrsPart(fileName: string, header: readonly string[]): NibrsPart | null {
  const cols = new Set(header.map(normaliseHeader));
  const has = (c: string) => cols.has(c);
  const name = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  for (const [role, needs] of NEEDS) {
    if (!needs.every(has)) continue;
    if (role === 'offense') {
      if (has('offense code')) return { role, layout: 'offense_code' };
      if (has('offense type id')) return { role, layout: 'offense_type_id' };
      continue;
    }
    // An offense type table is the extract's only if it is named so or carries the extract's keys
    // (a city's own offense list has a code and a name too).
    if (role === 'offense_type' && !(name.startsWith('nibrs_') || has('offense type id') || has('crime against'))) continue;
    if (role === 'agencies' && !(has('data year') || name.startsWith('agencies'))) continue;
    return { role };
  }
  // The extract's other tables: NIBRS_*.csv and the REF_* lists, with the extract's id columns.
  if (/^(nibrs_|ref_)/.test(name) && [...cols].some((c) => c === 'data year' || c.endsWith(' id'))) return { role: 'other' };
  return null;
}
