// Context series around the sample town, in the layouts towns download them in:
// - a neighbouring police department's monthly offense counts (long layout), as a comparison area;
// - CDC-style county provisional overdose deaths (the county-level VSRR layout) for the town's
//   fictional county and a small neighbouring one whose counts are mostly suppressed;
// - CDC-style state provisional overdose deaths (the VSRR layout) by indicator.
// All invented; the state rows say "(synthetic sample)" in their state name so nobody mistakes them
// for CDC's figures. None is driven by the program.

import { formatMonth, monthDiff, monthRange, seasonal } from './calendar.ts';
import type { YearMonth } from './calendar.ts';
import { CONTEXT_START_MONTH, END_MONTH } from './config.ts';
import type { Rng } from './prng.ts';
import type { Table } from './tables.ts';

export const COMPARISON_AGENCY = 'Gannet Bay PD';
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const thousands = new Intl.NumberFormat('en-US');

/** A smooth level that drifts by `perYear` (a fraction) per year from 2019-01. */
function drift(ym: YearMonth, base: number, perYear: number): number {
  return base * (1 + (perYear * monthDiff(CONTEXT_START_MONTH, ym)) / 12);
}

/** Neighbouring department, monthly counts by offense. One month of theft was never reported. */
export function comparisonCrimeTable(rng: Rng): Table {
  const offenses: [string, number, number][] = [['burglary', 9, -0.04], ['larceny', 31, -0.02], ['motor vehicle theft', 4, 0.01], ['drug violations', 6, -0.05]];
  const rows: string[][] = [];
  for (const ym of monthRange(CONTEXT_START_MONTH, END_MONTH)) {
    for (const [offense, base, trend] of offenses) {
      const notReported = offense === 'larceny' && ym.year === 2023 && ym.month === 11;
      rows.push([formatMonth(ym), COMPARISON_AGENCY, offense, notReported ? '' : String(rng.poisson(drift(ym, base, trend) * seasonal(ym.month, 0.12)))]);
    }
  }
  return { file: 'crime_monthly_comparison.csv', header: ['month', 'agency', 'offense', 'count'], rows };
}

/** Monthly deaths, then 12-month-ending sums from the 12th month on. */
function ending(rng: Rng, mean: (ym: YearMonth) => number): { ym: YearMonth; value: number }[] {
  const months = monthRange(CONTEXT_START_MONTH, END_MONTH);
  const monthly = months.map((ym) => rng.poisson(mean(ym)));
  return months.slice(11).map((ym, i) => ({ ym, value: monthly.slice(i, i + 12).reduce((s, v) => s + v, 0) }));
}

/** Rise into 2021-2022, then the decline seen nationally from 2023. */
function overdoseShape(ym: YearMonth): number {
  const t = monthDiff(CONTEXT_START_MONTH, ym);
  return t < 36 ? 1 + 0.012 * t : Math.max(0.7, 1.43 - 0.018 * (t - 36));
}

const mdY = (ym: YearMonth, day: number) => `${String(ym.month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${ym.year}`;
const lastDay = (ym: YearMonth) => new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();

/** County-level provisional counts, 12 months ending each month (CDC county VSRR layout). */
export function countyOverdoseTable(rng: Rng): Table {
  const header = ['Data as of', 'Year', 'Month', 'ST_ABBREV', 'STATEFIPS', 'COUNTYNAME', 'COUNTYFIPS', 'STATE_NAME', 'COUNTY_NAME',
    'Start Time', 'End Time', 'Provisional Drug Overdose Deaths', 'Footnote', 'Percentage Of Records Pending Investigation',
    'HistoricalDataCompletenessNote', 'MonthEndingDate', 'Start Date', 'End Date'];
  const counties: [string, string, number][] = [['Bay', '25991', 6.2], ['Tidewell', '25993', 0.55]];
  const rows: string[][] = [];
  for (const [name, fips, base] of counties) {
    const series = ending(rng, (ym) => base * overdoseShape(ym) * seasonal(ym.month, 0.06));
    for (const { ym, value } of series) {
      const start: YearMonth = monthRange(CONTEXT_START_MONTH, ym).at(-12)!;
      const monthsBeforeEnd = monthDiff(ym, END_MONTH);
      const pending = monthsBeforeEnd < 6 ? (6 - monthsBeforeEnd) * 1.7 : 0.2;
      const suppressed = value >= 1 && value <= 9;
      rows.push(['07/16/2025', String(ym.year), String(ym.month), 'MA', '25', `${name} County`, fips, 'Massachusetts', `${name} County`,
        `${mdY(start, 1)} 12:00:00 AM`, `${mdY(ym, lastDay(ym))} 12:00:00 AM`, suppressed ? '' : String(value),
        suppressed ? 'Data suppressed: 1-9 deaths (synthetic sample).' : '', pending.toFixed(1), '', `${mdY(ym, lastDay(ym))}`,
        mdY(start, 1), mdY(ym, lastDay(ym))]);
    }
  }
  return { file: 'overdose_deaths_county.csv', header, rows };
}

/** State provisional counts by indicator, 12 months ending each month (CDC VSRR layout). */
export function stateOverdoseTable(rng: Rng): Table {
  const header = ['State', 'Year', 'Month', 'Period', 'Indicator', 'Data Value', 'Percent Complete', 'Percent Pending Investigation',
    'State Name', 'Footnote', 'Footnote Symbol', 'Predicted Value'];
  const indicators: [string, number][] = [
    ['Number of Drug Overdose Deaths', 185], ['Opioids (T40.0-T40.4,T40.6)', 168], ['Synthetic opioids, excl. methadone (T40.4)', 152],
    ['Heroin (T40.1)', 24], ['Cocaine (T40.5)', 62], ['Psychostimulants with abuse potential (T43.6)', 21],
  ];
  const rows: string[][] = [];
  for (const [indicator, base] of indicators) {
    for (const { ym, value } of ending(rng, (m) => base * overdoseShape(m) * seasonal(m.month, 0.04))) {
      rows.push(['MA', String(ym.year), MONTH_NAMES[ym.month - 1]!, '12 month-ending', indicator, thousands.format(value), '100',
        monthDiff(ym, END_MONTH) < 6 ? '1.2' : '0.1', 'Massachusetts (synthetic sample)',
        'Numbers may differ from published reports using final data.', '**', thousands.format(value)]);
    }
  }
  return { file: 'overdose_deaths_state.csv', header, rows };
}
