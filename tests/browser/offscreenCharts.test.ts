import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, quiet } from './setup/browser.ts';

/** What one filter change leaves in the page in the task that handles it, and once the page has
 *  settled: the KPIs, the chart on screen, a chart below the fold, and the data table kept hidden
 *  for screen readers. */
interface Seen { kpi: string; monthlyBusy: boolean; monthlySvg: string; repeatBusy: boolean; repeatSvg: string; repeatTable: string }

const SNAPSHOT = `() => {
  const fig = (id) => document.querySelector('[data-testid="' + id + '"]');
  const plot = (id) => fig(id).querySelector('.plot');
  return {
    kpi: fig('kpi-encounters').querySelector('.kpi-value').textContent,
    monthlyBusy: plot('chart-monthly').getAttribute('aria-busy') === 'true',
    monthlySvg: plot('chart-monthly').textContent,
    repeatBusy: plot('chart-repeat').getAttribute('aria-busy') === 'true',
    repeatSvg: plot('chart-repeat').textContent,
    repeatTable: fig('chart-repeat').querySelector('tbody').textContent,
  };
}`;

/** Changes the agency filter and returns what the page showed in the same task, then after settling. */
async function change(page: Page, agency: string): Promise<{ before: Seen; during: Seen; after: Seen }> {
  return page.evaluate(async ([snapshotText, value]) => {
    const snapshot = (0, eval)(snapshotText) as () => Seen;
    const before = snapshot();
    const select = document.querySelector('[data-testid=filter-agency]') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const during = snapshot();
    const t0 = performance.now();
    while (document.querySelector('[aria-busy=true], [data-loading=true]')) {
      if (performance.now() - t0 > 10_000) throw new Error('the page did not settle');
      await new Promise((r) => setTimeout(r, 10));
    }
    return { before, during, after: snapshot() };
  }, [SNAPSHOT, agency] as const);
}

/** Issue 21: a filter change redraws what is on screen in the task that handles it, and a chart
 *  below the fold, and a table kept for screen readers, right after that frame is painted. */
describe('a filter change on a program page: what is on screen first, the rest right after', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/placements');
    page = b.page;
    await page.getByTestId('kpi-encounters').waitFor({ timeout: 90_000 });
    await quiet(page);
  });
  afterAll(async () => { await b?.close(); });

  it('redraws the chart on screen at once, and the chart below the fold after the frame, with the same figures', async () => {
    // The monthly chart on screen, the repeat-visits chart below the fold (a 900 px window).
    await page.getByTestId('chart-monthly').locator('.plot').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const repeatTop = await page.getByTestId('chart-repeat').evaluate((e) => e.getBoundingClientRect().top);
    expect(repeatTop).toBeGreaterThan(900);

    const { before, during, after } = await change(page, 'Harbor Point PD');
    // In the change's own task: the KPI and the chart on screen show the new figures.
    expect(during.kpi).not.toBe(before.kpi);
    expect(during.monthlyBusy).toBe(false);
    expect(during.monthlySvg).not.toBe(before.monthlySvg);
    expect(during.monthlySvg).toBe(after.monthlySvg);
    // The chart below the fold and the hidden table still show the old figures, the chart marked busy.
    expect(during.repeatBusy).toBe(true);
    expect(during.repeatSvg).toBe(before.repeatSvg);
    expect(during.repeatTable).toBe(before.repeatTable);
    // Then both show the new ones.
    expect(after.repeatBusy).toBe(false);
    expect(after.repeatSvg).not.toBe(before.repeatSvg);
    expect(after.repeatTable).not.toBe(before.repeatTable);
    // The chart and its table agree: each figure in the table is in the chart's labels.
    const people = await page.getByTestId('chart-repeat').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(people.length).toBeGreaterThan(0);
    for (const n of people) expect(after.repeatSvg).toContain(n);
  });

  it('works out a section below the fold after the frame: the agency comparison is marked busy with its old figures, then shows the new ones', async () => {
    // Both agencies again (the test before chose one), the window at the top of the page.
    await page.getByTestId('filter-agency').selectOption('');
    await quiet(page);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(200);
    const top = await page.getByTestId('agency-comparison').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(900);
    const seen = await page.evaluate(async () => {
      const fig = () => document.querySelector('[data-testid="chart-agencies"]')!;
      const look = () => ({ kpi: document.querySelector('[data-testid="kpi-encounters"] .kpi-value')!.textContent,
        busy: fig().getAttribute('aria-busy') === 'true', svg: fig().querySelector('.plot')!.textContent, table: fig().querySelector('tbody')!.textContent });
      const before = look();
      const select = document.querySelector('[data-testid=filter-pathway]') as HTMLSelectElement;
      select.value = 'self-referral';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const during = look();
      const t0 = performance.now();
      while (document.querySelector('[aria-busy=true], [data-loading=true]')) {
        if (performance.now() - t0 > 10_000) throw new Error('the page did not settle');
        await new Promise((r) => setTimeout(r, 10));
      }
      return { before, during, after: look() };
    });
    expect(seen.during.kpi).not.toBe(seen.before.kpi);
    expect(seen.during.busy).toBe(true);
    expect(seen.during.svg).toBe(seen.before.svg);
    expect(seen.during.table).toBe(seen.before.table);
    expect(seen.after.busy).toBe(false);
    expect(seen.after.table).not.toBe(seen.before.table);
    expect(seen.after.svg).not.toBe(seen.before.svg);
  });
});

/** Issue 21: on /crime a choice is shown before the address is written, so that the chart's query
 *  is sent without waiting for the history entry; the address follows right after the frame, one
 *  entry per change, and Back returns to the view before. */
describe('a choice on /crime: shown at once, the address right after', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/crime');
    page = b.page;
    await page.getByTestId('crime-summary').waitFor({ timeout: 90_000 });
    await quiet(page);
  });
  afterAll(async () => { await b?.close(); });

  it('writes the address after the frame, and Back returns to the view before', async () => {
    const before = page.url();
    const group = await page.getByTestId('crime-group').locator('option').nth(1).getAttribute('value');
    expect(group).toBeTruthy();
    const during = await page.evaluate((g) => {
      const select = document.querySelector('[data-testid=crime-group]') as HTMLSelectElement;
      select.value = g;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return { url: location.href, shown: select.value };
    }, group!);
    // In the change's task: the choice is shown, the address not yet written.
    expect(during).toEqual({ url: before, shown: group });
    await expect.poll(() => new URL(page.url()).searchParams.get('group'), { timeout: 5_000 }).toBe(group);
    await quiet(page);
    expect(await page.getByTestId('crime-group').inputValue()).toBe(group);
    await page.goBack();
    await expect.poll(() => page.url(), { timeout: 5_000 }).toBe(before);
    await expect.poll(() => page.getByTestId('crime-group').inputValue(), { timeout: 5_000 }).toBe('');
  });
});
