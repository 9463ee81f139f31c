import type { KindDef } from './kindDef.ts';

const agencyField = { name: 'agency', label: 'Agency', type: 'text' as const, typed: true,
  synonyms: ['agency', 'agency name', 'department', 'ori', 'reporting agency'] };

export const crimeIncidents: KindDef = {
  id: 'crime_incidents',
  label: 'Crime incidents',
  description: 'One row per reported incident, with its date and offense.',
  table: 'crime_incidents',
  signature: ['incident number', 'offense', 'specific type crime', 'primary type', 'nibrs code'],
  fields: [
    { name: 'date', label: 'Date', type: 'date', required: true,
      synonyms: ['date', 'incident date', 'date occurred', 'occurred date', 'occurred', 'occurred on', 'date of occurrence', 'report date', 'offense date', 'date reported',
        // Large city portals: Los Angeles, New York, Philadelphia, Denver, Seattle, Baltimore, Boston.
        'date occ', 'cmplnt fr dt', 'dispatch date', 'first occurrence date', 'offense start datetime', 'crimedate', 'crime date',
        'occurred on date'] },
    // A city portal leaves the odd offense blank: the row is kept, and counted under no offense group.
    { name: 'offense', label: 'Offense', type: 'text', required: true, blankKept: true,
      synonyms: ['offense', 'specific type crime', 'offense description', 'primary type', 'crime type', 'offense type',
        'ucr description', 'nibrs description', 'crime', 'description', 'general type crime',
        // Los Angeles, New York, Philadelphia, Denver (the type is finer than its category).
        'crm cd desc', 'ofns desc', 'text general code', 'offense type id', 'offense category id'] },
    // Chicago-style "FBI Code" values (06, 04B, 18) are not NIBRS codes: the offense table maps them.
    { name: 'nibrs_code', label: 'Offense code (NIBRS, or FBI code)', type: 'text',
      synonyms: ['nibrs code', 'nibrs', 'nibrs offense code', 'offense code', 'ucr code', 'fbi code'] },
    agencyField,
    { name: 'incident_id', label: 'Incident ID', type: 'text',
      repeatsMean: 'the file writes one row per offense of an incident, so the crime charts count offenses, not incidents.',
      synonyms: ['incident id', 'incident number', 'case number', 'report number', 'id', 'cmplnt num', 'dr no', 'dc key'] },
    // Some exports weigh each row: 1 a counted incident, -1 one later unfounded or deleted (the
    // pair nets to zero). Without the column every row counts once; a blank cell counts once too.
    { name: 'count', label: 'Count (1 counted, -1 unfounded)', type: 'number',
      synonyms: ['count', 'offense count', 'incident count', 'number of offenses', 'offenses count', 'incidents count'] },
  ],
  columns: {
    count: (f) => `coalesce(${f('count')}, 1)`,
  },
  checks: [
    // A weight column of some other measure (a drug weight in grams, say) is not a count.
    { column: 'count', severity: 'error', needs: ['count'],
      condition: (f) => `${f('count')} <> round(${f('count')})`,
      message: 'The count is not a whole number; an incident counts as 1, or -1 when unfounded or deleted.',
      fix: 'If this column measures something else (a weight in grams, say), set Count to "not in this file" in the mapping; otherwise correct the value.' },
    { column: 'count', severity: 'warning', needs: ['count'],
      condition: (f) => `${f('count')} = -1`,
      // The message's row count is the net effect: one incident fewer per row.
      message: 'The count is -1, which marks an unfounded or deleted incident: loaded, and each such row takes one incident off its month, so the monthly counts are net, lower by one incident per row.',
      fix: 'Nothing to do if the export marks unfounded or deleted incidents this way. If not, correct the rows in your records system and load the file again.' },
    { column: 'count', severity: 'warning', needs: ['count'],
      condition: (f) => `${f('count')} < -1`,
      message: 'The count is below -1: each such row takes that many incidents off its month, so the monthly counts are net of them.',
      fix: 'Check these rows: an unfounded incident is usually written -1.' },
    { column: 'count', severity: 'warning', needs: ['count'],
      condition: (f) => `${f('count')} > 1`,
      message: 'The count is more than 1: each such row counts as that many incidents.',
      fix: 'Check that the column counts incidents (and not, say, property items or a weight).' },
  ],
};

export const crimeMonthlyLong: KindDef = {
  id: 'crime_monthly_long',
  label: 'Crime monthly counts (one row per offense)',
  description: 'Monthly offense counts, one row per month, agency and offense.',
  table: 'crime_monthly',
  signature: ['count', 'offense', 'month'],
  fields: [
    { name: 'month', label: 'Month', type: 'month', required: true, synonyms: ['month', 'date', 'period', 'month year'] },
    // The key must be unique across states ("Medford" is in MA and OR): codes come before names.
    { name: 'agency', label: 'Agency (unique key)', type: 'text', typed: true,
      synonyms: ['ori', 'agency id', 'agency key', 'agency full', 'agency abbr', 'agency', 'agency name', 'department', 'reporting agency'] },
    { name: 'agency_name', label: 'Agency name', type: 'text', synonyms: ['agency name', 'agency', 'department'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['state abbr', 'state', 'state name'] },
    { name: 'offense', label: 'Offense', type: 'text', required: true, synonyms: ['offense', 'crime type', 'offense type'] },
    // The counts made from an FBI NIBRS extract (ingest/nibrs) carry the offense's NIBRS code.
    { name: 'nibrs_code', label: 'Offense code (NIBRS)', type: 'text', synonyms: ['nibrs code', 'offense code', 'nibrs offense code'] },
    { name: 'count', label: 'Count', type: 'number', required: true, blankMeansNotReported: true,
      synonyms: ['count', 'offenses', 'number', 'incidents', 'actual', 'value'] },
  ],
  columns: {
    agency_name: (f) => `coalesce(${f('agency_name')}, ${f('agency')})`,
  },
};

/** Offense columns of wide files such as the Real-Time Crime Index, keyed by normalised header. */
export const WIDE_OFFENSES: Record<string, string> = {
  'murder': 'murder',
  'rape': 'rape',
  'robbery': 'robbery',
  'aggravated assault': 'aggravated assault',
  'burglary': 'burglary',
  'theft': 'theft',
  'larceny': 'theft',
  'larceny theft': 'theft',
  'motor vehicle theft': 'motor vehicle theft',
  'arson': 'arson',
  'shoplifting': 'shoplifting',
  'drug violations': 'drug violations',
  'drug offenses': 'drug violations',
  'stolen property': 'stolen property',
};

export const crimeMonthlyWide: KindDef = {
  id: 'crime_monthly_wide',
  label: 'Crime monthly counts (one column per offense)',
  description: 'Monthly counts with one column per offense, such as the Real-Time Crime Index.',
  table: 'crime_monthly',
  rowUnit: 'monthly counts (one per row and offense column)',
  signature: ['agency full', 'agency abbr', 'burglary', 'motor vehicle theft', 'aggravated assault'],
  fields: [
    { name: 'month', label: 'Month', type: 'month', required: true, synonyms: ['date', 'month', 'period'] },
    { name: 'agency', label: 'Agency (unique key)', type: 'text', required: true, typed: true,
      synonyms: ['agency full', 'agency abbr', 'ori', 'agency id', 'agency key', 'agency', 'agency name'] },
    { name: 'agency_name', label: 'Agency name', type: 'text', synonyms: ['agency name', 'agency'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['state abbr', 'state', 'state name'] },
  ],
  columns: {
    agency_name: (f) => `coalesce(${f('agency_name')}, ${f('agency')})`,
  },
  wide: { offenseSynonyms: WIDE_OFFENSES, valueColumn: 'count' },
};
