import { sqlString } from '../../db/sql.ts';
import { tr } from '../parse.ts';
import type { Expr, FieldDef, KindDef } from './kindDef.ts';

/** CDC's Drug Overdose Surveillance and Epidemiology (DOSE) downloads: suspected nonfatal overdoses
 *  seen in emergency departments. Two dashboards, two layouts, one table (`overdose_ed`, one row per
 *  place, period, drug and measure), because their figures must never be mixed:
 *  - DOSE-SyS (syndromic surveillance): overdose visits per 10,000 of all ED visits, by state and
 *    month, or over the 12 months ending in the month ("Annual"); no counts.
 *  - DOSE-DX (discharge data): counts, and rates per 100,000 residents, of ED visits (ED) and of
 *    inpatient stays (HOSP) kept apart, by state and year or month, or by county and year.
 *  Both write one column per drug; the drug groups overlap (fentanyl is an opioid) and never add up. */
export const DOSE_DRUGS = ['all drugs', 'opioids', 'fentanyl', 'heroin', 'stimulants', 'cocaine', 'methamphetamine', 'benzodiazepines'] as const;
export type DoseDrug = typeof DOSE_DRUGS[number];

/** What each measure is, as stored in `overdose_ed.measure`. */
export const DOSE_MEASURES = {
  sysRate: 'visits per 10,000 ED visits',
  count: 'count',
  dxRate: 'per 100,000 residents',
} as const;

/** Cells that give no figure, and why (lower case), in DOSE downloads: SyS marks with symbols, DX
 *  with words; NA is a drug not yet coded in that period (fentanyl before October 2020,
 *  methamphetamine before October 2022) or a rate without a population. */
const MARKERS: Readonly<Record<string, string>> = {
  '*': 'suppressed', 'suppressed': 'suppressed',
  '§': 'not shared', '¶': 'not participating',
  'na': 'not available', '.': 'not available',
};

const sysRate = (name: string, drug: DoseDrug): FieldDef => ({
  name, label: `${drug[0]!.toUpperCase()}${drug.slice(1)}, ${DOSE_MEASURES.sysRate}`, type: 'rate', markers: MARKERS, synonyms: [],
});

/** SyS rate columns, in DOSE_DRUGS order. */
const SYS_RATES: [string, DoseDrug][] = [['drug_rate', 'all drugs'], ['opioid_rate', 'opioids'], ['fentanyl_rate', 'fentanyl'],
  ['heroin_rate', 'heroin'], ['stimulant_rate', 'stimulants'], ['cocaine_rate', 'cocaine'], ['methamphetamine_rate', 'methamphetamine'],
  ['benzodiazepine_rate', 'benzodiazepines']];

/** DX column stems (count_<stem>, rate_<stem>), in DOSE_DRUGS order; the data dictionary writes
 *  "benzo" where the files write "benzodiazepine". */
const DX_STEMS: [string, DoseDrug, string[]][] = [['alldrug', 'all drugs', []], ['opioid', 'opioids', []], ['fentanyl', 'fentanyl', []],
  ['heroin', 'heroin', []], ['stimulant', 'stimulants', []], ['cocaine', 'cocaine', []], ['methamphetamine', 'methamphetamine', []],
  ['benzodiazepine', 'benzodiazepines', ['count benzo', 'rate benzo']]];

/** The unpivot: one output row per mapped value column (DuckDB unnests the lists side by side, so a
 *  file row becomes one row per drug and measure). Columns the file lacks are left out. */
function unpivot(columns: [field: string, drug: DoseDrug, measure: string][]): Record<'drug' | 'measure' | 'value' | 'status', Expr> {
  const present = (field: (n: string) => string) => columns.filter(([name]) => field(name) !== 'NULL');
  const list = (xs: string[]) => `unnest([${xs.join(', ')}])`;
  return {
    drug: (field) => list(present(field).map(([, d]) => sqlString(d))),
    measure: (field) => list(present(field).map(([, , m]) => sqlString(m))),
    value: (field) => list(present(field).map(([n]) => field(n))),
    status: (field, status) => list(present(field).map(([n]) => status(n))),
  };
}

export const cdcDoseSys: KindDef = {
  id: 'cdc_dose_sys',
  label: 'CDC DOSE-SyS nonfatal overdose ED visit rates',
  description: 'Suspected nonfatal overdose emergency-department visits per 10,000 of all ED visits, by state and month '
    + '(and over the 12 months ending in each month), for eight drug groups (CDC DOSE syndromic surveillance dashboard download).',
  table: 'overdose_ed',
  rowUnit: 'figures (one per row and rate column)',
  signature: ['rate time', 'drug rate', 'opioid rate', 'fentanyl rate', 'stimulant rate', 'benzodiazepine rate'],
  fields: [
    { name: 'jurisdiction', label: 'State', type: 'text', required: true, synonyms: ['jurisdiction', 'state', 'geoid'] },
    { name: 'year', label: 'Year', type: 'year', required: true, synonyms: ['year'] },
    { name: 'month', label: 'Month (1-12)', type: 'monthName', required: true, synonyms: ['month'] },
    { name: 'rate_time', label: 'Monthly or Annual (12 months ending in the month)', type: 'text', required: true,
      values: ['monthly', 'annual'], synonyms: ['rate time', 'time frame'] },
    ...SYS_RATES.map(([name, drug]) => sysRate(name, drug)),
  ],
  requireOneOf: [{ fields: SYS_RATES.map(([n]) => n), label: 'at least one rate column (drug_rate, opioid_rate, ...)' }],
  columns: {
    source: () => `'DOSE-SyS'`,
    setting: () => `'ED'`,
    level: () => `'state'`,
    state: (f) => `upper(${f('jurisdiction')})`,
    period: (f) => `(CASE WHEN lower(${f('rate_time')}) = 'annual' THEN '12 months' ELSE 'month' END)`,
    month: (f) => `make_date(${f('year')}, ${f('month')}, 1)`,
    ...unpivot(SYS_RATES.map(([n, d]) => [n, d, DOSE_MEASURES.sysRate])),
  },
};

const DX_VALUES: [string, DoseDrug, string][] = DX_STEMS.flatMap(([stem, drug]) =>
  [[`count_${stem}`, drug, DOSE_MEASURES.count], [`rate_${stem}`, drug, DOSE_MEASURES.dxRate]] as [string, DoseDrug, string][]);

export const cdcDoseDx: KindDef = {
  id: 'cdc_dose_dx',
  label: 'CDC DOSE-DX nonfatal overdose ED visits and hospitalisations',
  description: 'Counts, and rates per 100,000 residents, of nonfatal overdose emergency-department visits (ED) and inpatient '
    + 'hospitalisations (HOSP), by state and year or month, or by county and year, for eight drug groups (CDC DOSE discharge '
    + "data dashboard download). A county table's 5-year rows (2019-2023) are left out: the yearly rows they add up are loaded.",
  table: 'overdose_ed',
  rowUnit: 'figures (one per row and count or rate column)',
  signature: ['time frame', 'dataset', 'count alldrug', 'rate alldrug', 'count opioid', 'person years'],
  fields: [
    { name: 'jurisdiction', label: 'State', type: 'text', required: true, synonyms: ['jurisdiction', 'state'] },
    { name: 'county', label: 'County', type: 'text', synonyms: ['county'] },
    { name: 'fips', label: 'County FIPS', type: 'fips', width: 5, synonyms: ['fips', 'county fips'] },
    { name: 'year', label: 'Year', type: 'text', required: true, synonyms: ['year'] },
    { name: 'month', label: 'Month (1-12, or all for the year)', type: 'text', synonyms: ['month'] },
    { name: 'dataset', label: 'ED visits (ED) or hospitalisations (HOSP)', type: 'text', required: true, values: ['ed', 'hosp'],
      synonyms: ['dataset'] },
    ...DX_STEMS.flatMap(([stem, drug, extra]): FieldDef[] => [
      { name: `count_${stem}`, label: `${drug[0]!.toUpperCase()}${drug.slice(1)}, count`, type: 'count', markers: MARKERS,
        synonyms: extra.filter((s) => s.startsWith('count')) },
      { name: `rate_${stem}`, label: `${drug[0]!.toUpperCase()}${drug.slice(1)}, ${DOSE_MEASURES.dxRate}`, type: 'rate', markers: MARKERS,
        synonyms: extra.filter((s) => s.startsWith('rate')) },
    ]),
  ],
  requireOneOf: [{ fields: DX_VALUES.map(([n]) => n), label: 'at least one count or rate column (count_alldrug, rate_alldrug, ...)' }],
  // A year written as a range (a county table's "2019-2023" 5-year rows) is not one year.
  keepRow: (_field, raw) => `regexp_full_match(${tr(raw('year'))}, '\\d{4}')`,
  checks: [
    { column: 'month', severity: 'error', needs: ['month'],
      condition: (f) => `lower(${f('month')}) <> 'all' AND coalesce(TRY_CAST(${f('month')} AS INTEGER) NOT BETWEEN 1 AND 12, true)`,
      message: 'The month is neither a number from 1 to 12 nor "all".',
      fix: 'Write the month as CDC does (1-12, or all for a whole year), or remove the row.' },
  ],
  columns: {
    source: () => `'DOSE-DX'`,
    setting: (f) => `upper(${f('dataset')})`,
    level: (f) => `(CASE WHEN ${f('fips')} IS NOT NULL THEN 'county' ELSE 'state' END)`,
    state: (f) => `upper(${f('jurisdiction')})`,
    county_fips: (f) => f('fips'),
    period: (f) => `(CASE WHEN TRY_CAST(${f('month')} AS INTEGER) BETWEEN 1 AND 12 THEN 'month' ELSE 'year' END)`,
    month: (f) => `make_date(CAST(${f('year')} AS INTEGER), coalesce(TRY_CAST(${f('month')} AS INTEGER), 1), 1)`,
    ...unpivot(DX_VALUES),
  },
};
