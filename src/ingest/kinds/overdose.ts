import type { KindDef } from './types.ts';

export const cdcVsrr: KindDef = {
  id: 'cdc_vsrr',
  label: 'CDC VSRR provisional overdose deaths',
  description: 'State 12-month-ending provisional drug overdose death counts by indicator (NCHS VSRR).',
  table: 'overdose_vsrr',
  signature: ['indicator', 'data value', 'percent complete', 'percent pending investigation', 'state name', 'period'],
  fields: [
    { name: 'state', label: 'State', type: 'text', required: true, synonyms: ['state'] },
    { name: 'state_name', label: 'State name', type: 'text', synonyms: ['state name'] },
    { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year'] },
    { name: 'month_name', label: 'Month', type: 'monthName', required: true, synonyms: ['month'] },
    { name: 'indicator', label: 'Indicator', type: 'text', required: true, synonyms: ['indicator'] },
    { name: 'value', label: 'Data value', type: 'count', required: true, blankIsSuppressed: true,
      synonyms: ['data value', 'value'] },
    { name: 'percent_complete', label: 'Percent complete', type: 'number', synonyms: ['percent complete'] },
    { name: 'predicted_value', label: 'Predicted value', type: 'count', synonyms: ['predicted value'] },
  ],
  columns: {
    month: (f) => `make_date(${f('year')}, ${f('month_name')}, 1)`,
    status: (_f, s) => s('value'),
  },
};

export const cdcWonder: KindDef = {
  id: 'cdc_wonder',
  label: 'CDC WONDER export',
  description: 'A CDC WONDER query result: deaths and rates by county and year, with a notes block.',
  table: 'overdose_wonder',
  signature: ['notes', 'county code', 'year code', 'crude rate', 'deaths', 'population'],
  fields: [
    { name: 'notes', label: 'Notes', type: 'text', synonyms: ['notes'] },
    { name: 'county', label: 'County', type: 'text', required: true, synonyms: ['county', 'residence county', 'state'] },
    { name: 'county_fips', label: 'County code (FIPS)', type: 'fips', width: 5,
      synonyms: ['county code', 'residence county code', 'state code'] },
    { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year', 'year code'] },
    { name: 'deaths', label: 'Deaths', type: 'count', required: true, synonyms: ['deaths'] },
    { name: 'population', label: 'Population', type: 'count', synonyms: ['population'] },
    { name: 'crude_rate', label: 'Crude rate', type: 'count', synonyms: ['crude rate'] },
  ],
  columns: {
    deaths_status: (_f, s) => s('deaths'),
    crude_rate_status: (_f, s) => s('crude_rate'),
  },
  // WONDER puts "Total" rows and a notes block ("---", "Dataset: ...") after the data.
  keepRow: (_f, raw) => `(${raw('county')} IS NOT NULL AND coalesce(trim(${raw('notes')}), '') <> 'Total')`,
};

export const overdoseMonthly: KindDef = {
  id: 'overdose_monthly',
  label: 'Local overdose counts (monthly)',
  description: 'Monthly counts of overdoses in the town: fatal, nonfatal or total.',
  table: 'overdose_monthly',
  signature: ['fatal', 'nonfatal', 'overdoses'],
  fields: [
    { name: 'month', label: 'Month', type: 'month', required: true, synonyms: ['month', 'date', 'period'] },
    { name: 'area', label: 'Area', type: 'text', synonyms: ['area', 'town', 'city', 'county', 'jurisdiction'] },
    { name: 'fatal', label: 'Fatal overdoses', type: 'count', synonyms: ['fatal', 'fatal overdoses', 'deaths'] },
    { name: 'nonfatal', label: 'Nonfatal overdoses', type: 'count',
      synonyms: ['nonfatal', 'non fatal', 'nonfatal overdoses', 'non fatal overdoses'] },
    { name: 'total', label: 'All overdoses', type: 'count', synonyms: ['total', 'overdoses', 'count', 'all overdoses'] },
  ],
  columns: {
    total: (f) => `coalesce(${f('total')}, ${f('fatal')} + ${f('nonfatal')})`,
  },
};

export const overdoseIncidents: KindDef = {
  id: 'overdose_incidents',
  label: 'Overdose incidents',
  description: 'One row per overdose victim, with the date and whether naloxone was given (for example ODIN).',
  table: 'overdose_incidents',
  signature: ['naloxone administered', 'survive', 'victim id', 'incident county name'],
  fields: [
    { name: 'date', label: 'Date', type: 'date', required: true, synonyms: ['incident date', 'date', 'overdose date'] },
    { name: 'incident_id', label: 'Incident ID', type: 'text', synonyms: ['incident id', 'incident number'] },
    { name: 'victim_id', label: 'Victim ID', type: 'text', synonyms: ['victim id', 'patient id'] },
    { name: 'county', label: 'County', type: 'text', synonyms: ['incident county name', 'county', 'county name'] },
    { name: 'county_fips', label: 'County FIPS', type: 'text', synonyms: ['incident county fips code', 'county fips', 'fips'] },
    { name: 'naloxone', label: 'Naloxone administered', type: 'boolean', required: true,
      synonyms: ['naloxone administered', 'naloxone', 'naloxone given', 'narcan administered', 'narcan'] },
    { name: 'survived', label: 'Survived', type: 'yesNoUnknown', synonyms: ['survive', 'survived', 'outcome survived'] },
  ],
};
