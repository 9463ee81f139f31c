import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../helpers/node.ts';
import { ANNUAL_YEARS, annualTable } from '../helpers/annualCounts.ts';
import { ARTIFACTS, enterLaunchDate, openWithFiles, quiet, textOf } from './setup/browser.ts';

/** Yearly crime counts and rates by town (generated in the layout of the Connecticut Data
 *  Collaborative's UCR offenses table), added untouched in a fresh profile: shown on /crime as
 *  yearly bars, counts or rates, with the reason no impact model is fitted to them. */
const table = annualTable();
const FILE = tempFile('uniform-crime-reporting-system-offenses.csv', table.csv);
const one = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe('yearly crime figures on /crime', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  beforeAll(async () => { b = await openWithFiles([FILE]); }, 180_000);
  afterAll(async () => { await b?.close(); });

  it('loads as yearly figures, counts and rates in rows of their own', async () => {
    const card = b.page.locator('[data-testid=upload].loaded', { hasText: 'uniform-crime-reporting' });
    expect(await textOf(card)).toContain('Crime counts or rates by year');
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe(String(table.cells.length / 7 * 10 * 2));
  });

  it('shows a town\'s addiction-associated offenses per year as bars, counts then rates, and says why no model is fitted', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Crime' }).first().click();
    const section = page.getByTestId('crime-annual');
    await section.waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('annual-only'))).toContain('Only yearly crime figures are loaded');
    await section.getByTestId('annual-place').selectOption('Torrington');
    await quiet(page);
    const chart = section.getByTestId('chart-crime-annual');
    await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await chart.getByRole('button', { name: 'Show data table' }).click();
    const mine = (y: number) => table.cells.filter((c) => c.town === 'Torrington' && c.year === y && c.associated);
    const read = () => chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(await read()).toEqual(ANNUAL_YEARS.map((y) => [String(y), mine(y).reduce((a, c) => a + c.count, 0).toLocaleString('en-US')]));
    await section.getByTestId('annual-rate').check();
    await quiet(page);
    await expect.poll(read, { timeout: 20_000 }).toEqual(ANNUAL_YEARS.map((y) => [String(y), one(mine(y).reduce((a, c) => a + c.rate, 0))]));
    expect(page.url()).toContain('year_measure=rate');
    expect(await textOf(section.getByTestId('annual-coarse'))).toContain('too few points to tell a change at the launch');
    await page.locator('main').screenshot({ path: `${ARTIFACTS}/crime-annual.png` });
    expect(b.errors).toEqual([]);
  }, 90_000);

  it('with a launch date, says how many years fall on each side', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Data' }).first().click();
    await enterLaunchDate(page, '2018-07-01');
    await page.getByRole('link', { name: 'Crime' }).first().click();
    const note = page.getByTestId('annual-coarse');
    await note.waitFor({ timeout: 60_000 });
    expect(await textOf(note)).toContain('4 years before the launch year (2018) and 3 after it');
    expect(await textOf(note)).toContain('2018 mixes months before and after the launch');
  }, 90_000);
});
