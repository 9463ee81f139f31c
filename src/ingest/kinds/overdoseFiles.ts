import { sqlString } from '../../db/sql.ts';
import { vocabularyKey, vocabularyKeyJs } from '../parse.ts';
import type { KindDef } from './kindDef.ts';

/** What a VSRR indicator counts, for the dashboard. The groups overlap (a death can involve heroin
 *  and fentanyl, cocaine and methamphetamine): never add indicators up, within a group or across. */
export type VsrrIndicatorGroup = 'all drugs' | 'opioids' | 'synthetic opioids' | 'stimulants' | 'heroin' | 'other';

export interface VsrrIndicator {
  /** Exactly as CDC writes it in the `Indicator` column. */
  name: string;
  group: VsrrIndicatorGroup;
  /** 'percent' for "Percent with drugs specified"; every other indicator counts deaths. */
  unit: 'deaths' | 'percent';
}

/** Every indicator of CDC's VSRR Provisional Drug Overdose Death Counts (data.cdc.gov xkb8-kh2a).
 *  The 2018-09 release has these twelve; later releases (checked against public code that reads the
 *  2021, 2024 and 2025 releases) use the same twelve names. */
export const VSRR_INDICATORS: readonly VsrrIndicator[] = [
  { name: 'Number of Drug Overdose Deaths', group: 'all drugs', unit: 'deaths' },
  { name: 'Number of Deaths', group: 'other', unit: 'deaths' },
  { name: 'Percent with drugs specified', group: 'other', unit: 'percent' },
  { name: 'Opioids (T40.0-T40.4,T40.6)', group: 'opioids', unit: 'deaths' },
  { name: 'Natural & semi-synthetic opioids (T40.2)', group: 'opioids', unit: 'deaths' },
  { name: 'Natural & semi-synthetic opioids, incl. methadone (T40.2, T40.3)', group: 'opioids', unit: 'deaths' },
  { name: 'Natural, semi-synthetic, & synthetic opioids, incl. methadone (T40.2-T40.4)', group: 'opioids', unit: 'deaths' },
  { name: 'Methadone (T40.3)', group: 'opioids', unit: 'deaths' },
  { name: 'Synthetic opioids, excl. methadone (T40.4)', group: 'synthetic opioids', unit: 'deaths' },
  { name: 'Heroin (T40.1)', group: 'heroin', unit: 'deaths' },
  { name: 'Cocaine (T40.5)', group: 'stimulants', unit: 'deaths' },
  { name: 'Psychostimulants with abuse potential (T43.6)', group: 'stimulants', unit: 'deaths' },
];

const BY_KEY = new Map(VSRR_INDICATORS.map((i) => [vocabularyKeyJs(i.name), i]));

/** The indicator as CDC spells it, matched regardless of case and spacing; null if unknown. */
export function vsrrIndicator(name: string): VsrrIndicator | null {
  return BY_KEY.get(vocabularyKeyJs(name)) ?? null;
}

/** The dashboard group of an indicator; null if it is not a known VSRR indicator. */
export function vsrrIndicatorGroup(name: string): VsrrIndicatorGroup | null {
  return vsrrIndicator(name)?.group ?? null;
}

/** SQL: the dashboard group of an indicator column (as loaded, CDC's spelling), NULL if unknown. */
export function vsrrIndicatorGroupSql(expr: string): string {
  return `(CASE ${expr} ${VSRR_INDICATORS.map((i) => `WHEN ${sqlString(i.name)} THEN ${sqlString(i.group)}`).join(' ')} END)`;
}

/** SQL: CDC's spelling of an indicator written with other case or spacing; NULL if unknown. */
function canonicalIndicatorSql(expr: string): string {
  return `(CASE ${vocabularyKey(expr)} ${VSRR_INDICATORS.map((i) => `WHEN ${sqlString(vocabularyKeyJs(i.name))} THEN ${sqlString(i.name)}`).join(' ')} END)`;
}

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
    indicator: (f) => `coalesce(${canonicalIndicatorSql(f('indicator'))}, ${f('indicator')})`,
    status: (_f, s) => s('value'),
  },
  checks: [{
    column: 'indicator', severity: 'error', needs: ['indicator'],
    condition: (f) => `${f('indicator')} IS NOT NULL AND ${canonicalIndicatorSql(f('indicator'))} IS NULL`,
    message: 'This is not one of the indicators CDC publishes in the VSRR provisional overdose death counts.',
    fix: `Correct the spelling to CDC's (for example "Number of Drug Overdose Deaths" or "Heroin (T40.1)"), or remove the row. If CDC has added an indicator, it must be added to the dashboard's list before the file can load.`,
  }],
};

export const cdcWonder: KindDef = {
  id: 'cdc_wonder',
  label: 'CDC WONDER export',
  description: 'A CDC WONDER query result: deaths and rates by year, grouped by county or by state, with a notes block. '
    + 'Rows are stored with their level: "county" when the export has a County column (its State column, if any, is kept '
    + 'beside), "state" when it is grouped by State alone (county and county code are then empty).',
  table: 'overdose_wonder',
  signature: ['notes', 'county code', 'year code', 'crude rate', 'deaths', 'population'],
  fields: [
    { name: 'notes', label: 'Notes', type: 'text', synonyms: ['notes'] },
    { name: 'county', label: 'County', type: 'text', synonyms: ['county', 'residence county'] },
    { name: 'county_fips', label: 'County code (FIPS)', type: 'fips', width: 5, synonyms: ['county code', 'residence county code'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['state', 'residence state'] },
    { name: 'state_fips', label: 'State code (FIPS)', type: 'fips', width: 2, synonyms: ['state code', 'residence state code'] },
    { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year', 'year code'],
      missingFix: 'A WONDER export without a Year column adds several years together, which no chart can place: request it again with "Group Results By" including Year, then load that file.' },
    { name: 'deaths', label: 'Deaths', type: 'count', required: true, synonyms: ['deaths'] },
    { name: 'population', label: 'Population', type: 'count', synonyms: ['population'] },
    { name: 'crude_rate', label: 'Crude rate', type: 'count', synonyms: ['crude rate'] },
  ],
  requireOneOf: [{ fields: ['county', 'state'], label: 'County or State' }],
  columns: {
    // A county's FIPS code begins with its state's.
    state_fips: (f) => `coalesce(${f('state_fips')}, left(${f('county_fips')}, 2))`,
    level: (f) => `CASE WHEN ${f('county')} IS NOT NULL THEN 'county' ELSE 'state' END`,
    deaths_status: (_f, s) => s('deaths'),
    crude_rate_status: (_f, s) => s('crude_rate'),
  },
  // WONDER puts "Total" rows (with the place blank, when totals are asked for) and a notes block
  // ("---", "Dataset: ...") after the data.
  keepRow: (_f, raw) => `(coalesce(${raw('county')}, ${raw('state')}) IS NOT NULL AND coalesce(trim(${raw('notes')}), '') <> 'Total')`,
  notesBlock: { example: 'a line "---", then lines such as "Dataset: Multiple Cause of Death, 1999-2017"' },
};

/** SQL: a 5-digit county FIPS code from a full code (its leading zero perhaps dropped by a
 *  spreadsheet: "1001" is 01001) or from a county part of 1-3 digits and a state code. */
function countyFipsSql(county: string, state: string): string {
  return `(CASE WHEN regexp_full_match(${county}, '\\d{4,5}') THEN lpad(${county}, 5, '0')
    WHEN regexp_full_match(${county}, '\\d{1,3}') AND ${state} IS NOT NULL THEN ${state} || lpad(${county}, 3, '0') END)`;
}

export const cdcVsrrCounty: KindDef = {
  id: 'cdc_vsrr_county',
  label: 'CDC VSRR provisional county overdose deaths',
  description: 'County 12-month-ending provisional drug overdose death counts (NCHS VSRR, data.cdc.gov gb4e-yj24); counts of 1-9 are suppressed.',
  table: 'overdose_county',
  signature: ['provisional drug overdose deaths', 'countyfips', 'statefips', 'st abbrev', 'percentage of records pending investigation',
    'historicaldatacompletenessnote', 'monthendingdate'],
  fields: [
    // CDC's file has FIPS (5 digits, written as a number, so 01001 may read "1001") and COUNTYFIPS
    // (the county part); other copies have only COUNTYFIPS, with all 5 digits.
    { name: 'county_fips', label: 'County FIPS code', type: 'text', required: true,
      synonyms: ['fips', 'countyfips', 'county fips', 'county fips code', 'fips code', 'county code'] },
    { name: 'state_fips', label: 'State FIPS code', type: 'fips', width: 2, synonyms: ['statefips', 'state fips', 'state fips code'] },
    { name: 'county', label: 'County', type: 'text', synonyms: ['countyname', 'county name', 'county'] },
    { name: 'state', label: 'State', type: 'text', synonyms: ['st abbrev', 'state abbreviation', 'state abbr', 'state'] },
    { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year'] },
    { name: 'month_number', label: 'Month', type: 'monthName', required: true, synonyms: ['month'] },
    { name: 'deaths', label: 'Provisional drug overdose deaths', type: 'count', required: true, blankIsSuppressed: true,
      synonyms: ['provisional drug overdose deaths', 'drug overdose deaths', 'deaths'] },
    { name: 'percent_pending', label: 'Percent of records pending investigation', type: 'number',
      synonyms: ['percentage of records pending investigation', 'percent pending investigation', 'percent pending'] },
  ],
  columns: {
    county_fips: (f) => countyFipsSql(f('county_fips'), f('state_fips')),
    month: (f) => `make_date(${f('year')}, ${f('month_number')}, 1)`,
    deaths_status: (_f, s) => s('deaths'),
  },
  checks: [
    { column: 'county_fips', severity: 'error', needs: ['county_fips'],
      condition: (f) => `${f('county_fips')} IS NOT NULL AND ${countyFipsSql(f('county_fips'), f('state_fips'))} IS NULL`,
      message: 'This is not a county FIPS code: 5 digits (4 if a spreadsheet dropped the leading zero), or the 3-digit county part with a state FIPS column beside it.',
      fix: 'Correct the code, or map the column that holds the 5-digit county FIPS code.' },
    { column: 'county_fips', severity: 'error', needs: ['county_fips', 'state_fips'],
      condition: (f) => `left(${countyFipsSql(f('county_fips'), f('state_fips'))}, 2) <> ${f('state_fips')}`,
      message: 'The county FIPS code does not begin with the state FIPS code of the same row.',
      fix: 'Check that the FIPS columns are the right ones, or correct the code.' },
  ],
};

export const overdoseMonthly: KindDef = {
  id: 'overdose_monthly',
  label: 'Local overdose counts (monthly)',
  description: 'Monthly counts of overdoses in the town: fatal, nonfatal or total.',
  table: 'overdose_monthly',
  signature: ['fatal', 'nonfatal', 'overdoses'],
  fields: [
    { name: 'month', label: 'Month', type: 'month', required: true, synonyms: ['month', 'date', 'period'] },
    { name: 'area', label: 'Area', type: 'text', typed: true, synonyms: ['area', 'town', 'city', 'county', 'jurisdiction'] },
    { name: 'fatal', label: 'Fatal overdoses', type: 'count', synonyms: ['fatal', 'fatal overdoses', 'deaths'] },
    { name: 'nonfatal', label: 'Nonfatal overdoses', type: 'count',
      synonyms: ['nonfatal', 'non fatal', 'nonfatal overdoses', 'non fatal overdoses'] },
    { name: 'total', label: 'All overdoses', type: 'count', synonyms: ['total', 'overdoses', 'count', 'all overdoses'] },
  ],
  requireOneOf: [{ fields: ['fatal', 'nonfatal', 'total'], label: 'at least one count column (fatal, nonfatal or all overdoses)' }],
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

/** Substance groups of death records, as stored (one boolean column each in `overdose_deaths`).
 *  They overlap: a death can involve several substances. */
export const DEATH_SUBSTANCE_GROUPS = ['opioid', 'fentanyl', 'heroin', 'cocaine', 'methamphetamine', 'benzodiazepine', 'alcohol', 'other'] as const;
export type DeathSubstanceGroup = typeof DEATH_SUBSTANCE_GROUPS[number];

/** Substance flag columns of medical examiners' exports, by normalised header (both layouts of
 *  Connecticut's "Accidental Drug Related Deaths", and generic names). */
const DEATH_FLAGS: Record<string, DeathSubstanceGroup> = {
  'heroin': 'heroin', 'heroin death certificate dc': 'heroin',
  'fentanyl': 'fentanyl', 'fentanylanalogue': 'fentanyl', 'fentanyl analogue': 'fentanyl', 'fentanyl analog': 'fentanyl',
  'anyopioid': 'opioid', 'any opioid': 'opioid', 'opioid': 'opioid', 'opioids': 'opioid',
  'oxycodone': 'opioid', 'oxymorphone': 'opioid', 'hydrocodone': 'opioid', 'hydromorphone': 'opioid', 'methadone': 'opioid',
  'tramad': 'opioid', 'tramadol': 'opioid', 'morphine notheroin': 'opioid', 'morphine not heroin': 'opioid', 'morphine': 'opioid',
  'opiatenos': 'opioid', 'opiate nos': 'opioid', 'heroin morph codeine': 'opioid', 'other opioid': 'opioid', 'codeine': 'opioid',
  'buprenorphine': 'opioid',
  'cocaine': 'cocaine',
  'amphet': 'methamphetamine', 'meth amphetamine': 'methamphetamine', 'methamphetamine': 'methamphetamine', 'amphetamine': 'methamphetamine',
  'amphetamines': 'methamphetamine',
  'benzodiazepine': 'benzodiazepine', 'benzodiazepines': 'benzodiazepine',
  'ethanol': 'alcohol', 'alcohol': 'alcohol',
  'other': 'other', 'xylazine': 'other', 'gabapentin': 'other', 'other substance': 'other',
};

export const deathRecords: KindDef = {
  id: 'death_records',
  label: 'Overdose death records (one row per death)',
  description: "A medical examiner's export, one row per death: its date, age, sex, race, residence and place of death, "
    + 'and one flag column per substance ("Y" or blank). Loaded as fatal overdoses; the age is kept as a 10-year band.',
  table: 'overdose_deaths',
  signature: ['residence city', 'death city', 'residencecity', 'deathcity', 'death county', 'deathcounty',
    'manner of death', 'mannerofdeath', 'cause of death', 'cod', 'any opioid', 'anyopioid'],
  fields: [
    { name: 'date', label: 'Date of death', type: 'date', required: true, blankSkipped: true,
      blankSkippedMeans: 'a death without a date cannot be placed in a month.',
      synonyms: ['date of death', 'death date', 'dod', 'date'] },
    { name: 'age', label: 'Age (kept as a 10-year band)', type: 'integer', synonyms: ['age', 'age at death', 'age years', 'decedent age'] },
    { name: 'sex', label: 'Sex', type: 'text', synonyms: ['sex', 'gender'] },
    { name: 'race', label: 'Race', type: 'text', synonyms: ['race', 'race ethnicity'] },
    { name: 'residence_city', label: 'City of residence', type: 'text',
      synonyms: ['residence city', 'residencecity', 'city of residence', 'resident city', 'home city', 'decedent city'] },
    { name: 'residence_county', label: 'County of residence', type: 'text',
      synonyms: ['residence county', 'residencecounty', 'county of residence', 'resident county'] },
    { name: 'death_city', label: 'City of death', type: 'text',
      synonyms: ['death city', 'deathcity', 'city of death', 'place of death city', 'injury city', 'injurycity', 'incident city'] },
    { name: 'death_county', label: 'County of death', type: 'text',
      synonyms: ['death county', 'deathcounty', 'county of death', 'place of death county', 'injury county', 'injurycounty', 'incident county'] },
  ],
  columns: {
    age_band: (f) => `CASE WHEN ${f('age')} IS NULL OR ${f('age')} < 0 OR ${f('age')} > 120 THEN NULL
      WHEN ${f('age')} >= 80 THEN '80+' ELSE (${f('age')} // 10 * 10)::VARCHAR || '-' || (${f('age')} // 10 * 10 + 9)::VARCHAR END`,
  },
  flags: {
    synonyms: DEATH_FLAGS,
    groups: DEATH_SUBSTANCE_GROUPS,
    implies: { fentanyl: ['opioid'], heroin: ['opioid'] },
    present: ['y', 'yes', '1', 'true', 't', 'x'],
    // Connecticut's "Other" column names the other substance ("Bupren", "lsd, hydromorph").
    namedByValue: ['other'],
  },
};
