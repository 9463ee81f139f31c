import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openWithFiles, quiet, textOf } from './setup/browser.ts';
import { tempFile } from '../helpers/node.ts';

/** /crime on an incident file whose last incident is on 12 March 2024: March is drawn as a partial
 *  month (said under the chart, marked in its data table) and left out of the impact model, which
 *  names it. Shoplifting every day from 1 January 2022 (two on every third day), launch January 2023:
 *  12 whole months before the launch, 14 whole months from it, and March 2024 set aside. */
const FILE = 'ends-on-the-12th.csv';
const days: string[] = [];
for (let t = Date.UTC(2022, 0, 1); t <= Date.UTC(2024, 2, 12); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
const csv = ['incident number,date,offense', ...days.flatMap((d, i) => Array.from({ length: i % 3 === 0 ? 2 : 1 }, (_, k) => `P${i}-${k},${d},Shoplifting`))].join('\n');

describe('/crime with a file that ends mid-month', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles([tempFile(FILE, csv)]);
    page = b.page;
    await page.getByLabel('Launch date').fill('2023-01-01');
    await page.getByRole('button', { name: 'Save program details' }).click();
    await page.getByTestId('launch-source').filter({ hasText: 'entered on the Data page' }).waitFor();
    await page.getByRole('link', { name: 'Crime' }).click();
    await page.getByTestId('impact-effect').waitFor({ timeout: 60_000 });
    await quiet(page);
  }, 240_000);
  afterAll(async () => { await b?.close(); });

  it('says under the chart that March is partial, and marks it in the data table', async () => {
    const chart = page.getByTestId('chart-crime-trend');
    expect(await textOf(chart.getByTestId('chart-note'))).toBe('Partial month: data end on 12 March 2024. Drawn as a hollow point with a dotted line, and left out of the impact analysis.');
    await chart.getByRole('button', { name: 'Show data table' }).click();
    const march = await chart.locator('table tbody tr', { hasText: 'Mar 2024' }).first().locator('td').allTextContents();
    expect(march[0]).toBe('Mar 2024');
    expect(march.at(-1)).toBe('Partial month: data end on 12 March 2024');
    const feb = await chart.locator('table tbody tr', { hasText: 'Feb 2024' }).first().locator('td').allTextContents();
    expect(feb.at(-1)).toBe('');
    // One hollow point (white fill) on the line.
    expect(await chart.locator('.plot svg g[fill="white"] circle').count()).toBe(1);
    await chart.getByRole('button', { name: 'Hide data table' }).click();
    await chart.screenshot({ path: `${ARTIFACTS}/crime-partial-month.png` });
  });

  it('the impact model leaves March 2024 out and says so', async () => {
    const impact = page.getByTestId('impact');
    expect(await textOf(impact.getByTestId('impact-partial'))).toMatch(/^March 2024 left out: the file covers it only to the 12th\. /);
    expect(await textOf(impact.getByTestId('impact-effect'))).toContain('12 before and 14 from the launch');
    expect(await impact.getByTestId('chart-impact').locator('.plot svg g[fill="white"] circle').count()).toBe(1);
    await impact.screenshot({ path: `${ARTIFACTS}/crime-partial-impact.png` });
  });
});
