import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openPage, textOf, quiet } from './setup/browser.ts';

/** /crime and /overdoses on the bundled sample. Expected figures were counted with Python's csv
 *  module from data/sample/*.csv, not with the app's SQL: Harbor Point PD has 81 addiction-
 *  associated incidents (NIBRS 220, 23x, 240, 280, 35A/B) in January 2024 and 7,521 in all;
 *  Gannet Bay PD's monthly counts add to 43 in January 2024 and its larceny is blank in 2023-11;
 *  local overdoses over the 12 months to June 2025 are 134 against 154 a year earlier; Bay County's
 *  provisional deaths are 55 (12 months to June 2025) against 66; Tidewell County has 32 suppressed
 *  months; the state file's all-drug deaths are 1,780 against 2,254. */
/** The text of a cell of a chart's data table; column 0 is the first column after the month. */
const cell = async (page: Page, chart: string, rowText: string, col: number) =>
  textOf(page.getByTestId(chart).locator('table tbody tr', { hasText: rowText }).locator('td').nth(col + 1));

describe('crime and overdose context on the sample', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/crime');
    page = b.page;
    await page.getByTestId('chart-crime-trend').locator('.plot svg').first().waitFor({ timeout: 90_000 });
    await quiet(page);
  });
  afterAll(async () => { await b?.close(); });

  it('/crime: monthly offenses for the agency, the launch and the 2021 break marked, a comparison area with its gap', async () => {
    expect(await cell(page, 'chart-crime-trend', 'Jan 2024', 0)).toBe('81');
    const total = await page.getByTestId('chart-crime-trend').locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(total.length).toBe(78);
    expect(total.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0)).toBe(7521);
    const svg = await page.getByTestId('chart-crime-trend').locator('.plot').textContent();
    expect(svg).toContain('ANCHOR program launch');
    expect(svg).toContain('FBI summary → NIBRS (2021)');

    await page.getByTestId('crime-compare').selectOption('monthly:Gannet Bay PD');
    await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('monthly:Gannet Bay PD');
    // (the comparison column appears on the render after the address changes)
    await expect.poll(() => cell(page, 'chart-crime-trend', 'Jan 2024', 1), { timeout: 30_000 }).toBe('43');
    expect(await cell(page, 'chart-crime-trend', 'Nov 2023', 1)).toBe('not reported');
    // A copied link opens the same view.
    const again = await page.context().newPage();
    await again.goto(page.url());
    await again.getByTestId('chart-crime-trend').locator('.plot svg').first().waitFor({ timeout: 60_000 });
    // Once every file of the workspace is in (until then the page says it is not final).
    await quiet(again);
    expect(await again.getByTestId('crime-compare').inputValue()).toBe('monthly:Gannet Bay PD');
    await again.close();
  });

  it('/crime: rates per 1,000 residents once every population is entered', async () => {
    await page.getByTestId('crime-per-1000').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('per')).toBe('1000');
    await quiet(page);
    expect(await textOf(page.getByTestId('crime-summary'))).toContain('Enter the population of every series');
    expect(await cell(page, 'chart-crime-trend', 'Jan 2024', 0)).toBe('81');
    await page.getByTestId('population-compare').fill('12,000');
    await quiet(page);
    // 81 / 31,200 × 1,000 = 2.596…; 43 / 12,000 × 1,000 = 3.583…
    await expect.poll(() => cell(page, 'chart-crime-trend', 'Jan 2024', 0)).toBe('2.6');
    expect(await cell(page, 'chart-crime-trend', 'Jan 2024', 1)).toBe('3.6');
    expect(await textOf(page.getByTestId('crime-summary'))).toContain('per 1,000 residents');
  });

  it('/crime: the impact analysis states an estimate with its interval and never claims causation', async () => {
    const impact = page.getByTestId('impact');
    await impact.getByTestId('impact-effect').waitFor();
    const words = await textOf(impact.getByTestId('impact-summary'));
    expect(words).toMatch(/95% interval/);
    expect(words).toMatch(/cannot rule out other causes/);
    expect(words).not.toMatch(/\b(caused|because of the program|thanks to)\b/i);
    expect(await textOf(impact.getByTestId('impact-effect'))).toMatch(/Feb 2023/);
    expect(await impact.getByTestId('chart-impact').locator('.plot svg').count()).toBeGreaterThan(0);
    // The counterfactual band is in the table behind the chart, for every month from the launch.
    const rows = await impact.getByTestId('chart-impact').locator('table tbody tr', { hasText: 'Mar 2022' }).locator('td').allTextContents();
    expect(rows[3]).not.toBe('—');
    await page.screenshot({ path: `${ARTIFACTS}/crime.png`, fullPage: true });
  });

  it('/crime: an offense nobody mapped is listed, and assigning it counts it', async () => {
    const table = page.getByTestId('offense-table');
    expect(await textOf(table.getByTestId('unmapped-count'))).toBe('Every offense value has a code.');
    // Reassign the comparison agency's drug violations to "all other offenses": its January total drops.
    const before = Number(await cell(page, 'chart-crime-trend', 'Jan 2024', 1));
    await table.getByTestId('offense-code-drug violations').selectOption('90Z');
    await expect.poll(async () => Number(await cell(page, 'chart-crime-trend', 'Jan 2024', 1)), { timeout: 30_000 }).toBeLessThan(before);
    const row = table.locator('tr', { has: page.locator('th', { hasText: /^drug violations$/ }) });
    expect(await textOf(row)).toContain('your choice');
    // The choice is kept in this browser.
    const saved = await page.evaluate(() => localStorage.getItem('deflection.offenseMap'));
    expect(JSON.parse(saved!)).toEqual({ 'drug violations': '90Z' });
    await row.getByRole('button', { name: 'undo' }).click();
    await expect.poll(async () => Number(await cell(page, 'chart-crime-trend', 'Jan 2024', 1)), { timeout: 30_000 }).toBe(before);
  });

  it('/overdoses: 12-month-ending counts year over year, county suppression as gaps, state indicators', async () => {
    await page.goto(`${b.base}/overdoses`);
    await page.getByTestId('chart-state-12m').locator('.plot svg').first().waitFor({ timeout: 90_000 });
    await quiet(page);
    const kpi = (id: string) => textOf(page.getByTestId(id));
    expect(await kpi('kpi-local-12m')).toContain('12 months ending Jun 2025');
    expect(await textOf(page.getByTestId('kpi-local-12m').locator('.kpi-value'))).toBe('134');
    expect(await kpi('kpi-local-12m')).toContain('154 a year earlier (−20, −13%)');
    expect(await textOf(page.getByTestId('kpi-county-12m').locator('.kpi-value'))).toBe('55');
    expect(await kpi('kpi-county-12m')).toContain('66 a year earlier');
    expect(await textOf(page.getByTestId('kpi-state-12m').locator('.kpi-value'))).toBe('1,780');
    expect(await kpi('kpi-state-12m')).toContain('2,254 a year earlier');
    // Naloxone administrations beside the local counts.
    expect(await page.getByTestId('chart-overdose-naloxone').locator('thead').textContent()).toContain('Naloxone administrations');

    await page.getByTestId('overdose-county').selectOption('25993');
    await quiet(page);
    expect(await textOf(page.getByTestId('chart-county-12m').getByTestId('suppressed-note'))).toMatch(/^32 months are suppressed/);

    for (const ind of ['Opioids (T40.0-T40.4,T40.6)', 'Synthetic opioids, excl. methadone (T40.4)', 'Cocaine (T40.5)']) {
      await page.getByTestId('overdose-indicator').selectOption(ind);
      await quiet(page);
      expect(await textOf(page.getByTestId('chart-state-12m').locator('h3'))).toContain(ind);
    }
    const groups = await page.getByTestId('overdose-indicator').locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(['all drugs', 'opioids', 'synthetic opioids', 'stimulants', 'heroin']);
    await page.screenshot({ path: `${ARTIFACTS}/overdoses.png`, fullPage: true });
    expect(b.errors).toEqual([]);
  });
});
