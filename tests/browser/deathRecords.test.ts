import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFile } from '../helpers/node.ts';
import { ctExport, expected, type Group } from '../helpers/deathRecords.ts';
import { ARTIFACTS, openWithFiles, quiet, tableRow, textOf } from './setup/browser.ts';

/** A medical examiner's death records (generated in the layout of Connecticut's 2012-2018 export),
 *  added untouched in a fresh browser profile: loaded with its undated rows reported, then shown on
 *  /overdoses as deaths per month by substance for a town, by residence or by place of death. */

const FILE = tempFile('accidental_drug_related_deaths.csv', ctExport());
const MONTHS = ['Jan 2017', 'Feb 2017', 'Mar 2017', 'Apr 2017', 'May 2017', 'Jun 2017'];
const GROUPS: Group[] = ['opioid', 'fentanyl', 'heroin', 'cocaine', 'methamphetamine', 'benzodiazepine', 'alcohol', 'other'];

describe('death records on /overdoses', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  beforeAll(async () => { b = await openWithFiles([FILE]); }, 180_000);
  afterAll(async () => { await b?.close(); });

  it('loads 60 deaths and lists the 3 rows without a date', async () => {
    const card = b.page.locator('[data-testid=upload].loaded', { hasText: 'accidental_drug_related_deaths.csv' });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('60');
    const report = await textOf(card.getByTestId('load-report'));
    expect(report).toContain('Date of death is blank in 3 rows; they were not loaded and are not counted');
    expect(report).toContain('row 62');
  });

  it('shows Harbor City deaths by residence and by place of death, per month and substance, with the base said', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Overdoses' }).first().click();
    const section = page.getByTestId('overdoses-death-records');
    await section.waitFor({ timeout: 60_000 });
    await section.getByTestId('death-records-place').selectOption('city:HARBOR CITY');
    await quiet(page);
    const chart = section.getByTestId('chart-death-records');
    await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    expect(await textOf(section.getByTestId('death-records-base'))).toContain(
      'Base: deaths with a date, in HARBOR CITY by residence, Jan 2017 to Jun 2017. A death can involve several substances, so substance counts add up to more than the total.');
    const total = (await section.locator('.table-wrap table tbody tr', { hasText: 'All overdose deaths' }).first().locator('td').allTextContents());
    expect(total.slice(0, 2)).toEqual(['All overdose deaths', '20']);
    // The data table behind the chart, opened from the keyboard.
    await chart.getByRole('button', { name: 'Show data table' }).focus();
    await page.keyboard.press('Enter');
    for (const [i, m] of MONTHS.entries()) {
      expect(await tableRow(chart, m)).toEqual([m, String(expected(0, 'residence')[i]), ...GROUPS.map((g) => String(expected(0, 'residence', g)[i]))]);
    }
    await section.screenshot({ path: `${ARTIFACTS}/overdoses-death-records.png` });

    await section.getByTestId('death-records-by').selectOption('death');
    await section.getByTestId('death-records-place').selectOption('city:HARBOR CITY');
    await quiet(page);
    expect(await textOf(section.getByTestId('death-records-base'))).toContain('in HARBOR CITY by place of death');
    for (const [i, m] of MONTHS.entries()) {
      expect((await tableRow(chart, m))[1]).toBe(String(expected(0, 'death')[i]));
    }
    expect(expected(0, 'death')).not.toEqual(expected(0, 'residence'));
  }, 120_000);

  it('a claim about a town\'s overdose deaths: reached from the section, its arithmetic from the records, and why it cannot be checked', async () => {
    const { page } = b;
    const section = page.getByTestId('overdoses-death-records');
    await section.getByTestId('death-records-by').selectOption('residence');
    await section.getByTestId('death-records-place').selectOption('city:HARBOR CITY');
    await quiet(page);
    await section.getByTestId('death-claim-link').click();
    // "Since the launch" needs a launch date, which this workspace has not been given.
    await page.getByTestId('claim-error').waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('claim-error'))).toContain('No launch date is known');
    expect(await page.getByTestId('claim-series').inputValue()).toBe('death:city:HARBOR CITY');
    await page.goto(`${page.url()}&kind=custom&bfrom=2017-01&bto=2017-03&from=2017-04&to=2017-06`);
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    await quiet(page);
    const by = expected(0, 'residence');
    const counts = await page.getByTestId('claim-arithmetic').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(counts).toEqual([String(by[0]! + by[1]! + by[2]!), String(by[3]! + by[4]! + by[5]!)]);
    expect(await textOf(page.getByTestId('claim-stated'))).toContain('overdose deaths in HARBOR CITY, Apr–Jun 2017 against Jan–Mar 2017');
    // Six months of records and no launch date in this workspace: the arithmetic, but no estimate.
    expect(await page.getByTestId('claim-verdict').getAttribute('data-verdict')).toBe('cannot');
    expect(await textOf(page.getByTestId('claim-verdict'))).toContain('No launch date is known');
    await page.screenshot({ path: `${ARTIFACTS}/claim-deaths.png`, fullPage: true });
  });
});
