/** CDC DOSE-DX dashboard downloads ("Jurisdiction Counts & Rates" and "County Counts & Rates", saved
 *  as CSV), generated true to the published layout: the headers, "all" months for years, "annual" and
 *  "monthly" time frames, ED and HOSP rows, "suppressed" counts of 1-9 and rates from fewer than 20,
 *  "NA" for fentanyl before October 2020 and methamphetamine before October 2022, and a county table's
 *  5-year rows ("2019-2023", population "."). Never a committed data file; the figures the tests
 *  expect are kept here as the generator writes them, in plain JavaScript, not read back by the
 *  loader's SQL. */

import { createRng } from '../../scripts/sample/prng.ts';

export const DX_STEMS = ['alldrug', 'opioid', 'fentanyl', 'heroin', 'stimulant', 'cocaine', 'methamphetamine', 'benzodiazepine'] as const;
export const DX_JURISDICTION_HEADER = ['jurisdiction', 'month', 'year', 'time_frame', 'dataset', ...DX_STEMS.map((s) => `count_${s}`),
  'population', ...DX_STEMS.map((s) => `rate_${s}`)];
export const DX_COUNTY_HEADER = ['jurisdiction', 'county', 'fips', 'year', 'dataset', 'count_alldrug', 'population', 'rate_alldrug', 'type', 'person_years'];


/** Whether a drug had an ICD-10-CM code in the period (month 0: the whole year). */
function coded(stem: string, year: number, month: number): boolean {
  if (stem === 'fentanyl') return month === 0 ? year >= 2021 : year > 2020 || (year === 2020 && month >= 10);
  if (stem === 'methamphetamine') return month === 0 ? year >= 2023 : year > 2022 || (year === 2022 && month >= 10);
  return true;
}

export interface DxFigure { state: string; dataset: 'ED' | 'HOSP'; year: number; month: number; stem: string; count: number | null; rate: number | null; cell: string; rateCell: string }

const cellOf = (n: number, suppressBelow: number, text: string) => (n > 0 && n < suppressBelow ? 'suppressed' : text);

/** Massachusetts (ED and HOSP) and North Carolina (HOSP only, as some states submit), 2019-2023, each
 *  year and each month. A year's counts are its months' counts added up. */
export function dxJurisdiction(seed = 20250113): { csv: string; figures: DxFigure[] } {
  const rng = createRng(seed);
  const states = [{ state: 'MA', population: 7_000_000, datasets: ['ED', 'HOSP'] as const }, { state: 'NC', population: 10_700_000, datasets: ['HOSP'] as const }];
  const lines = [DX_JURISDICTION_HEADER.join(',')];
  const figures: DxFigure[] = [];
  for (const s of states) {
    for (let year = 2019; year <= 2023; year++) {
      for (const dataset of s.datasets) {
        // Monthly counts per drug first (a small share of the months near the threshold of 10).
        const monthly = DX_STEMS.map((stem) => Array.from({ length: 12 }, (_, m) => {
          if (!coded(stem, year, m + 1)) return null;
          const big = stem === 'alldrug' || stem === 'opioid';
          return Math.floor(rng.next() * (big ? 700 : 40));
        }));
        for (let month = 0; month <= 12; month++) {
          const counts: string[] = [], rates: string[] = [];
          DX_STEMS.forEach((stem, i) => {
            const n = month === 0
              ? (coded(stem, year, 0) ? monthly[i]!.reduce<number>((a, x) => a + (x ?? 0), 0) : null)
              : monthly[i]![month - 1]!;
            const rate = n === null ? null : Math.round((n / s.population) * 100_000 * 10) / 10;
            const cell = n === null ? 'NA' : cellOf(n, 10, String(n));
            const rateCell = n === null ? 'NA' : cellOf(n, 20, String(rate));
            counts.push(cell);
            rates.push(rateCell);
            figures.push({ state: s.state, dataset, year, month, stem, count: n, rate, cell, rateCell });
          });
          lines.push([s.state, month === 0 ? 'all' : String(month), String(year), month === 0 ? 'annual' : 'monthly', dataset, ...counts,
            String(s.population), ...rates].join(','));
        }
      }
    }
  }
  return { csv: lines.join('\r\n') + '\r\n', figures };
}

export interface DxCountyYear { fips: string; county: string; year: number; count: number; population: number; cell: string; rateCell: string }

/** Three Arizona counties (FIPS with a leading zero), 2018-2023, and each county's 5-year row. */
export function dxCounty(seed = 4001): { csv: string; years: DxCountyYear[] } {
  const rng = createRng(seed);
  const counties = [{ fips: '04001', county: 'Apache County', population: 66_000 }, { fips: '04011', county: 'Greenlee County', population: 9_400 },
    { fips: '04013', county: 'Maricopa County', population: 4_500_000 }];
  const lines = [DX_COUNTY_HEADER.join(',')];
  const years: DxCountyYear[] = [];
  for (const c of counties) {
    let five = 0, personYears = 0;
    for (let year = 2018; year <= 2023; year++) {
      const count = Math.floor(rng.next() * (c.population / 900));
      const rate = Math.round((count / c.population) * 100_000 * 10) / 10;
      const cell = cellOf(count, 10, String(count)), rateCell = cellOf(count, 20, String(rate));
      years.push({ fips: c.fips, county: c.county, year, count, population: c.population, cell, rateCell });
      lines.push(['AZ', c.county, c.fips, String(year), 'ED', cell, String(c.population), rateCell, '1 year', '.'].join(','));
      if (year >= 2019) { five += count; personYears += c.population; }
    }
    lines.push(['AZ', c.county, c.fips, '2019-2023', 'ED', String(five), '.', String(Math.round((five / personYears) * 100_000 * 10) / 10), '5 year', String(personYears)].join(','));
  }
  return { csv: lines.join('\r\n') + '\r\n', years };
}
