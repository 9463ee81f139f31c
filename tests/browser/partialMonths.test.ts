import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openWithFiles, quiet, textOf, enterLaunchDate, tableRow } from './setup/browser.ts';
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
    await enterLaunchDate(page, '2023-01-01');
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

  it('the overview crime chart shades March and says why', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    const chart = page.getByTestId('chart-crime');
    await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await quiet(page);
    expect(await textOf(chart.getByTestId('chart-note'))).toMatch(/^Partial month: data end on 12 March 2024\. It is shaded grey/);
    await chart.getByRole('button', { name: 'Show data table' }).click();
    expect((await tableRow(chart, 'Mar 2024')).at(-1)).toBe('Partial month: data end on 12 March 2024');
    await chart.getByRole('button', { name: 'Hide data table' }).click();
    await chart.screenshot({ path: `${ARTIFACTS}/overview-crime-partial.png` });
  });
});

/** A program export taken on 12 March 2024 (an encounter every other day from 2 October 2023,
 *  every fifth one placed): the overview's placements chart and the Placements page's monthly chart
 *  mark March as partial. */
const EXPORT = 'program-export-12-march.csv';
const encounters: string[] = [];
for (let t = Date.UTC(2023, 9, 2), i = 1; t <= Date.UTC(2024, 2, 12); t += 2 * 86_400_000, i++) {
  const day = new Date(t).toISOString().slice(0, 10);
  encounters.push(`E${i},P-${i % 40},${day} 10:00,Harbor Point PD,self-referral,yes,,yes,${i % 5 === 0 ? `${day} 15:00,detox` : ',none'}`);
}
const exportCsv = ['encounter_id,participant_id,encounter_date,agency,pathway,eligible,ineligible_reason,placement_offered,placement_date,treatment_type', ...encounters].join('\n');

describe('program charts with an export taken mid-month', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles([tempFile(EXPORT, exportCsv)]);
    page = b.page;
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('chart-placements').locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await quiet(page);
  }, 240_000);
  afterAll(async () => { await b?.close(); });

  it('the overview placements chart says March is partial and marks it in its table', async () => {
    const chart = page.getByTestId('chart-placements');
    expect(await textOf(chart.getByTestId('chart-note'))).toMatch(/^Partial month: data end on 12 March 2024\. Its bar is light with a dashed outline/);
    await chart.getByRole('button', { name: 'Show data table' }).click();
    expect((await tableRow(chart, 'Mar 2024')).at(-1)).toBe('Partial month: data end on 12 March 2024');
    expect((await tableRow(chart, 'Oct 2023')).at(-1)).toBe('');
    await chart.getByRole('button', { name: 'Hide data table' }).click();
    await chart.screenshot({ path: `${ARTIFACTS}/overview-partial-month.png` });
  });

  it('the Placements page monthly chart marks it too', async () => {
    await page.getByRole('link', { name: 'Placements' }).click();
    const chart = page.getByTestId('chart-monthly');
    await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await quiet(page);
    expect(await textOf(chart.getByTestId('chart-note'))).toMatch(/^Partial month: data end on 12 March 2024\. Its points are hollow/);
    expect(await chart.locator('.plot svg g[fill="white"] circle').count()).toBe(3);
    await chart.screenshot({ path: `${ARTIFACTS}/placements-partial-month.png` });
  });
});
