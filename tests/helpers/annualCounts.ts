/** Yearly crime figures by town, counts and rates in rows of their own, in the layout of the
 *  Connecticut Data Collaborative's "Uniform Crime Reporting System Offenses" table (Town, FIPS,
 *  Year, Crime Type, Measure Type, Variable, Value; Measure Type "Number" or "Rate (per 100,000)").
 *  Rates are written with thousands separators and two decimals ("6,304.20"), counts of a thousand
 *  or more with a separator too, as spreadsheet exports do. Generated for tests, never a committed
 *  data file; the figures the tests expect are kept here as written. */

import { createRng } from '../../scripts/sample/prng.ts';

export const ANNUAL_TOWNS: { town: string; fips: string; population: number }[] = [
  { town: 'Bridgeport', fips: '0900108070', population: 148_654 },
  { town: 'Torrington', fips: '0900576570', population: 35_515 },
  { town: 'Willington', fips: '0901386080', population: 5_566 },
];
export const ANNUAL_YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
/** Offense, NIBRS group it counts under ('' for none), size relative to the town. */
export const CRIME_TYPES: [string, boolean, number][] = [
  ['Aggravated Assault', false, 0.003], ['Burglary', true, 0.006], ['Larceny', true, 0.02], ['Motor Vehicle Theft', true, 0.004],
  ['Murder', false, 0.0001], ['Rape', false, 0.0003], ['Robbery', false, 0.002],
];
/** Totals the table also gives, never offenses of their own. */
export const TOTAL_TYPES = ['Total Crime', 'Property Crime', 'Violent Crime'];

export interface AnnualCell { town: string; year: number; crime: string; count: number; rate: number; associated: boolean }

const fmt = (n: number, decimals: number) => n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const cell = (s: string) => (s.includes(',') ? `"${s}"` : s);

export function annualTable({ seed = 44 }: { seed?: number } = {}) {
  const rng = createRng(seed);
  const cells: AnnualCell[] = [];
  const lines = ['Town,FIPS,Year,Crime Type,Measure Type,Variable,Value'];
  for (const t of ANNUAL_TOWNS) {
    for (const year of ANNUAL_YEARS) {
      const own = CRIME_TYPES.map(([crime, associated, share]) => {
        const count = Math.round(t.population * share * (0.7 + 0.6 * rng.next()));
        return { town: t.town, year, crime, count, rate: Math.round((count / t.population) * 100_000 * 100) / 100, associated };
      });
      cells.push(...own);
      const property = own.filter((c) => ['Burglary', 'Larceny', 'Motor Vehicle Theft'].includes(c.crime)).reduce((a, c) => a + c.count, 0);
      const violent = own.filter((c) => ['Aggravated Assault', 'Murder', 'Rape', 'Robbery'].includes(c.crime)).reduce((a, c) => a + c.count, 0);
      const totals: [string, number][] = [['Total Crime', property + violent], ['Property Crime', property], ['Violent Crime', violent]];
      for (const [crime, count] of [...own.map((c) => [c.crime, c.count] as [string, number]), ...totals]) {
        lines.push([t.town, t.fips, String(year), crime, 'Number', 'Crime', cell(fmt(count, 0))].join(','));
        lines.push([t.town, t.fips, String(year), crime, cell('Rate (per 100,000)'), 'Crime', cell(fmt((count / t.population) * 100_000, 2))].join(','));
      }
    }
  }
  return { csv: lines.join('\r\n') + '\r\n', cells };
}

/** The same figures one column per offense, as a state UCR portal's agency table writes them:
 *  Agency, Year, Measure ("Count" or "Rate per 100,000"), one column per offense and two total
 *  columns (Violent Crime, Property Crime) that are never offenses of their own. */
export function annualWideTable({ seed = 45 }: { seed?: number } = {}) {
  const { cells } = annualTable({ seed });
  const offenses = ['Murder', 'Rape', 'Robbery', 'Aggravated Assault', 'Burglary', 'Larceny', 'Motor Vehicle Theft'];
  const header = ['Agency', 'Year', 'Measure', 'Murder', 'Rape', 'Robbery', 'Aggravated Assault', 'Burglary', 'Larceny-Theft', 'Motor Vehicle Theft', 'Violent Crime', 'Property Crime'];
  const lines = [header.join(',')];
  for (const t of ANNUAL_TOWNS) {
    for (const year of ANNUAL_YEARS) {
      const of = (crime: string) => cells.find((c) => c.town === t.town && c.year === year && c.crime === crime)!;
      const counts = offenses.map((o) => of(o).count);
      const violent = counts.slice(0, 4).reduce((a, b) => a + b, 0);
      const property = counts.slice(4).reduce((a, b) => a + b, 0);
      lines.push([`${t.town} Police Department`, String(year), 'Count', ...[...counts, violent, property].map((n) => cell(fmt(n, 0)))].join(','));
      lines.push([`${t.town} Police Department`, String(year), cell('Rate per 100,000'), ...[...counts, violent, property].map((n) => cell(fmt((n / t.population) * 100_000, 2)))].join(','));
    }
  }
  return { csv: lines.join('\n') + '\n', cells };
}
