/** A state health department's table of overdose deaths by city or town, one column per year, in
 *  the layout of Massachusetts DPH's "Opioid-Related Overdose Deaths by City/Town of Residence":
 *  a place column, one column per year, towns in upper case, counts of 1-4 withheld as "*" in the
 *  later years, and a total row. Generated for tests (never a committed data file); the figures the
 *  tests expect are kept here as written, not read back by the loader. */

import { createRng } from '../../scripts/sample/prng.ts';

export const TOWNS = ['ABINGTON', 'ACTON', 'ACUSHNET', 'BOSTON', 'BROCKTON', 'GLOUCESTER', 'HAVERHILL', 'LOWELL', 'LYNN', 'NEW BEDFORD',
  'QUINCY', 'SALEM', 'SPRINGFIELD', 'TAUNTON', 'WORCESTER'];
export const YEARS = [2017, 2018, 2019, 2020, 2021, 2022];


export interface TownYear { town: string; year: number; count: number; cell: string }

/** `withheld`: write counts of 1-4 as "*" from 2020 on. `wrongTotal`: the total row's figure for
 *  that year is off by 3 (as a table missing a town would be). */
export function townTable({ seed = 1929, withheld = true, wrongTotal }: { seed?: number; withheld?: boolean; wrongTotal?: number } = {}) {
  const rng = createRng(seed);
  const cells: TownYear[] = [];
  const lines = [['City/Town of Residence', ...YEARS.map(String)].join(',')];
  for (const town of TOWNS) {
    const big = town === 'BOSTON' ? 200 : town === 'WORCESTER' || town === 'LOWELL' ? 80 : 12;
    const row = YEARS.map((year) => {
      const count = Math.floor(rng.next() * big);
      const cell = withheld && year >= 2020 && count >= 1 && count <= 4 ? '*' : String(count);
      cells.push({ town, year, count, cell });
      return cell;
    });
    lines.push([town, ...row].join(','));
  }
  const totals = YEARS.map((year) => cells.filter((c) => c.year === year).reduce((a, c) => a + c.count, 0) + (year === wrongTotal ? 3 : 0));
  lines.push(['Total', ...totals.map(String)].join(','));
  return { csv: lines.join('\r\n') + '\r\n', cells, totals };
}
