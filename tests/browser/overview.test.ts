import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, foreignRequests, openPage, textOf } from './setup/browser.ts';

describe('first visit from an empty profile', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    const t0 = Date.now();
    b = await openPage('/');
    page = b.page;
    await page.locator('.plot svg').first().waitFor({ timeout: 90_000 });
    console.log(`cold start to first chart: ${Date.now() - t0} ms`);
  });
  afterAll(async () => { await b?.close(); });

  it('shows the synthetic sample program with its headline figures', async () => {
    expect(await textOf(page.getByTestId('synthetic-banner'))).toContain('Synthetic sample data');
    expect(await textOf(page.locator('h1'))).toBe('Harbor Point ANCHOR Program (synthetic sample)');
    // Figures from data/sample/README.md, computed by the generator from the rows it wrote.
    await expect.poll(() => textOf(page.getByTestId('kpi-encounters'))).toContain('1,513');
    expect(await textOf(page.getByTestId('kpi-people'))).toContain('1,114');
    const rate = await textOf(page.getByTestId('kpi-placement-rate'));
    expect(rate).toContain('78.4%');
    expect(rate).toContain('1,075 placed of 1,372 eligible encounters');
    expect(await textOf(page.getByTestId('kpi-median-hours'))).toContain('6.7 h');
    expect(await textOf(page.getByTestId('kpi-cost-per-person'))).toContain('$792');
    // From the sample's stored form (data/sample/stored/), not by loading its CSVs again.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sample:restored').length), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/overview.png`, fullPage: true });
  });

  it('draws two charts, each with the table of its data', async () => {
    await page.locator('.plot svg').nth(1).waitFor({ timeout: 30_000 });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(2);
    const placements = figures.nth(0);
    expect(await textOf(placements.locator('table caption'))).toBe('Data: Placements in treatment per month');
    // 40 months: March 2022 to June 2025.
    expect(await placements.locator('tbody tr').count()).toBe(40);
    expect(await placements.locator('.plot svg').last().textContent()).toContain('ANCHOR program launch');
    const crime = figures.nth(1);
    expect(await crime.locator('tbody tr').count()).toBe(78);
    expect(await crime.locator('.plot svg').last().textContent()).toContain('NIBRS');
    // The table is always in the page for screen readers; the button shows it to everyone.
    const wrapper = placements.locator('table').locator('..');
    expect(await wrapper.getAttribute('class')).toBe('visually-hidden');
    await placements.getByRole('button', { name: 'Show data table' }).click();
    expect(await wrapper.getAttribute('class')).toBe('table-wrap');
    expect(await placements.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['Mar 2022', '13', '13', '7']);
  });

  it('declares a Content-Security-Policy that allows only this site', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' blob: data:;");
    expect(csp).not.toMatch(/https?:/);
  });

  it('makes no request to another origin and raises no page error', async () => {
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(b.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  });
});

describe('cold start', () => {
  it('shows the sample’s precomputed headline figures while the database starts, and the same figures after', async () => {
    const b = await openPage('/');
    try {
      const pre = b.page.getByTestId('kpis-precomputed');
      await pre.waitFor({ timeout: 30_000 });
      const before = await pre.locator('.kpi-value').allTextContents();
      expect(before).toEqual(['1,513', '1,114', '78.4%', '6.7 h', '$792']);
      await b.page.getByTestId('kpi-encounters').waitFor({ timeout: 90_000 });
      expect(await b.page.locator('.kpis .kpi-value').allTextContents()).toEqual(before);
      expect(await pre.count()).toBe(0);
    } finally {
      await b.close();
    }
  });
});
