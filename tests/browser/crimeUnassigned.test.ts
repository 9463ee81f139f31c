import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openWithFiles, quiet, textOf, enterLaunchDate } from './setup/browser.ts';
import { tempFile } from '../helpers/node.ts';

/** /crime on an incident file whose offenses no table knows: the page says so above the chart, with
 *  the count and the share, and draws no chart of zeros; once the user assigns an offense in the
 *  offense table, the chart appears. 12 months (2023) of 10 incidents each: 4 "Porch piracy",
 *  3 "Skulking", 3 "Mooching" = 120 incidents, 48 of them porch piracy. */
const FILE = 'unknown-offenses.csv';
const OFFENSES = ['Porch piracy', 'Porch piracy', 'Porch piracy', 'Porch piracy', 'Skulking', 'Skulking', 'Skulking', 'Mooching', 'Mooching', 'Mooching'];
const csv = ['incident number,date,offense',
  ...Array.from({ length: 120 }, (_, i) => {
    const m = Math.floor(i / 10);
    return `U${1000 + i},2023-${String(m + 1).padStart(2, '0')}-${String((i % 10) * 2 + 3).padStart(2, '0')},${OFFENSES[i % 10]}`;
  })].join('\n');

describe('/crime with offenses nobody has assigned', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles([tempFile(FILE, csv)]);
    page = b.page;
    await enterLaunchDate(page, '2023-07-01');
    await page.getByRole('link', { name: 'Crime' }).click();
    await page.getByTestId('offense-table').locator('tbody tr').first().waitFor({ timeout: 60_000 });
    await quiet(page);
  }, 240_000);
  afterAll(async () => { await b?.close(); });

  it('says above the chart that nothing is assigned, and draws no chart', async () => {
    const notice = page.getByTestId('unassigned-main');
    expect(await textOf(notice)).toBe(`None of the 120 incidents in ${FILE} is assigned to an offense group (their offenses have no code), so nothing in it is counted and there is no chart to draw. Assign offenses in the offense table.`);
    expect(await page.getByTestId('chart-crime-trend').count()).toBe(0);
    expect(await page.getByTestId('impact').count()).toBe(0);
    expect(await page.locator('main svg, .charts svg').count()).toBe(0);
    // The notice comes before the offense table, and its link takes the keyboard there.
    const link = notice.getByRole('link', { name: 'Assign offenses in the offense table' });
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('offense-table-h');
    await page.screenshot({ path: `${ARTIFACTS}/crime-unassigned.png`, fullPage: true });
  });

  it('after one offense is assigned the chart appears, with its data table, and the notice gives the share left', async () => {
    await page.getByTestId('offense-code-porch piracy').selectOption('23H');
    const chart = page.getByTestId('chart-crime-trend');
    await chart.locator('svg').first().waitFor({ timeout: 30_000 });
    await quiet(page);
    expect(await textOf(page.getByTestId('unassigned-main'))).toBe(`72 of the 120 incidents in ${FILE} (60%) are not assigned to any offense group (their offense has no code), so they are not counted. Assign offenses in the offense table.`);
    // The notice is above the chart.
    const [noticeY, chartY] = await Promise.all([page.getByTestId('unassigned-main').boundingBox(), chart.boundingBox()]);
    expect(noticeY!.y).toBeLessThan(chartY!.y);
    await chart.getByRole('button', { name: 'Show data table' }).click();
    const cells = await chart.locator('table tbody tr', { hasText: 'Mar 2023' }).first().locator('td').allTextContents();
    // Month, count, and the partial-month note (blank: March is whole).
    expect(cells).toEqual(['Mar 2023', '4', '']);
    expect(await chart.locator('table tbody tr').count()).toBe(12);
    await page.getByTestId('impact').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/crime-assigned-one.png`, fullPage: true });
  });
});
