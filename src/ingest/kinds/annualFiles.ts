import { WIDE_OFFENSES } from './crimeFiles.ts';
import type { FieldDef, KindDef } from './kindDef.ts';

/** Annual crime figures by agency, town or county (a state's UCR portal, the Connecticut Data
 *  Collaborative's "Uniform Crime Reporting System Offenses" table): one row per place, year and
 *  offense, with a column saying whether its value is a count ("Number") or a rate ("Rate (per
 *  100,000)"). Loaded as yearly figures, each with what it is: counts and rates are never added
 *  together, and a year is never spread over months. */

/** What a measure-type cell says, in SQL: 'count', 'rate', or NULL when it says neither. */
export function measureKindSql(raw: string): string {
  const v = `lower(trim(${raw}))`;
  return `CASE WHEN ${raw} IS NULL OR trim(${raw}) = '' THEN 'count'
    WHEN regexp_matches(${v}, 'rate|per\\s*[0-9]|per\\s*(thousand|hundred)|/\\s*[0-9]') THEN 'rate'
    WHEN ${v} IN ('number', 'numbers', 'count', 'counts', 'n', 'total', 'offenses', 'offences', 'incidents', 'crimes', 'number of offenses',
      'number of crimes', 'number of incidents', 'frequency', 'actual', 'actual offenses', 'reported', 'value') THEN 'count' END`;
}

/** A rate's base from its measure-type cell ("Rate (per 100,000)" -> 100000; "per 1K" -> 1000);
 *  NULL when the cell does not say. */
export function rateBaseSql(raw: string): string {
  const digits = `regexp_replace(regexp_extract(lower(${raw}), 'per\\s*([0-9][0-9,]*)', 1), ',', '', 'g')`;
  return `CASE WHEN regexp_matches(lower(${raw}), 'per\\s*[0-9][0-9,]*\\s*k') THEN try_cast(${digits} AS DOUBLE) * 1000
    ELSE try_cast(${digits} AS DOUBLE) END`;
}

const place: FieldDef = { name: 'place', label: 'Agency, town or county', type: 'text', required: true,
  synonyms: ['town', 'agency', 'agency name', 'city', 'municipality', 'jurisdiction', 'county', 'place', 'geography',
    'department', 'reporting agency', 'community'] };
const year: FieldDef = { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year', 'data year', 'calendar year', 'report year'] };
const measure: FieldDef = { name: 'measure', label: 'Count or rate (measure type)', type: 'text',
  synonyms: ['measure type', 'measure', 'unit', 'units', 'statistic', 'data type', 'value type', 'type of measure', 'metric', 'type'] };

const columns: KindDef['columns'] = {
  measure: (f) => measureKindSql(f('measure')),
  per: (f) => `CASE WHEN ${measureKindSql(f('measure'))} = 'rate' THEN ${rateBaseSql(f('measure'))} END`,
};

const checks: KindDef['checks'] = [
  { column: 'measure', severity: 'error', needs: ['measure'],
    condition: (f) => `${measureKindSql(f('measure'))} IS NULL`,
    message: 'The measure type says neither a count (Number, Count) nor a rate (Rate, per 100,000): counts and rates are never added together, so each row must say which it is.',
    fix: 'Check the column mapped to "Count or rate": if it is not the measure type, set it to "not in this file" (every value is then a count).' },
];

export const crimeAnnual: KindDef = {
  id: 'crime_annual',
  label: 'Crime counts or rates by year',
  description: 'Yearly offense figures by agency, town or county, counts and rates in rows of their own (a "Measure Type" column), '
    + 'shown as yearly bars, never spread over months.',
  table: 'crime_annual',
  signature: ['measure type', 'crime type', 'year', 'value', 'town'],
  fields: [
    place, year,
    { name: 'offense', label: 'Offense', type: 'text', required: true,
      synonyms: ['crime type', 'offense', 'offense type', 'crime', 'offense category', 'crime category', 'category', 'indicator'] },
    measure,
    { name: 'value', label: 'Value', type: 'number', required: true,
      synonyms: ['value', 'count', 'number', 'amount', 'figure', 'offenses', 'total'] },
  ],
  columns,
  checks,
};

/** The same, one column per offense ("Agency, Year, Measure, Murder, Robbery, Burglary, …"): each
 *  row becomes one row per offense column; columns that total others ("Violent crime") are not read. */
export const crimeAnnualWide: KindDef = {
  id: 'crime_annual_wide',
  label: 'Crime counts or rates by year (one column per offense)',
  description: 'Yearly offense figures by agency, town or county with one column per offense, counts and rates in rows of their own, '
    + 'shown as yearly bars, never spread over months.',
  table: 'crime_annual',
  rowUnit: 'yearly figures (one per row and offense column)',
  signature: ['year', 'measure', 'burglary', 'motor vehicle theft', 'aggravated assault'],
  fields: [place, year, measure],
  columns,
  checks,
  wide: { offenseSynonyms: WIDE_OFFENSES, valueColumn: 'value' },
};
