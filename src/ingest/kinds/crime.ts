import type { KindDef } from './types.ts';

const agencyField = { name: 'agency', label: 'Agency', type: 'text' as const,
  synonyms: ['agency', 'agency name', 'department', 'ori', 'reporting agency'] };

export const crimeIncidents: KindDef = {
  id: 'crime_incidents',
  label: 'Crime incidents',
  description: 'One row per reported incident, with its date and offense.',
  table: 'crime_incidents',
  signature: ['incident number', 'offense', 'specific type crime', 'primary type', 'nibrs code'],
  fields: [
    { name: 'date', label: 'Date', type: 'date', required: true,
      synonyms: ['date', 'incident date', 'date occurred', 'occurred date', 'occurred', 'occurred on', 'date of occurrence', 'report date', 'offense date', 'date reported'] },
    { name: 'offense', label: 'Offense', type: 'text', required: true,
      synonyms: ['offense', 'specific type crime', 'offense description', 'primary type', 'crime type', 'offense type',
        'ucr description', 'nibrs description', 'crime', 'description', 'general type crime'] },
    // Chicago-style "FBI Code" values (06, 04B, 18) are not NIBRS codes: the offense table maps them.
    { name: 'nibrs_code', label: 'Offense code (NIBRS, or FBI code)', type: 'text',
      synonyms: ['nibrs code', 'nibrs', 'nibrs offense code', 'offense code', 'ucr code', 'fbi code'] },
    agencyField,
    { name: 'incident_id', label: 'Incident ID', type: 'text',
      synonyms: ['incident id', 'incident number', 'case number', 'report number', 'id'] },
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
    { name: 'agency', label: 'Agency (unique key)', type: 'text',
      synonyms: ['ori', 'agency id', 'agency key', 'agency full', 'agency abbr', 'agency', 'agency name', 'department', 'reporting agency'] },
    { name: 'agency_name', label: 'Agency name', type: 'text', synonyms: ['agency name', 'agency', 'department'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['state abbr', 'state', 'state name'] },
    { name: 'offense', label: 'Offense', type: 'text', required: true, synonyms: ['offense', 'crime type', 'offense type'] },
    { name: 'count', label: 'Count', type: 'number', required: true, blankMeansNotReported: true,
      synonyms: ['count', 'offenses', 'number', 'incidents', 'actual', 'value'] },
  ],
  columns: {
    agency_name: (f) => `coalesce(${f('agency_name')}, ${f('agency')})`,
  },
};

/** Offense columns of wide files such as the Real-Time Crime Index, keyed by normalised header. */
const WIDE_OFFENSES: Record<string, string> = {
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
  signature: ['agency full', 'agency abbr', 'burglary', 'motor vehicle theft', 'aggravated assault'],
  fields: [
    { name: 'month', label: 'Month', type: 'month', required: true, synonyms: ['date', 'month', 'period'] },
    { name: 'agency', label: 'Agency (unique key)', type: 'text', required: true,
      synonyms: ['agency full', 'agency abbr', 'ori', 'agency id', 'agency key', 'agency', 'agency name'] },
    { name: 'agency_name', label: 'Agency name', type: 'text', synonyms: ['agency name', 'agency'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['state abbr', 'state', 'state name'] },
  ],
  wide: { offenseSynonyms: WIDE_OFFENSES, totals: ['violent crime', 'property crime', 'total', 'part 1 total'] },
};
