import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, quiet } from './setup/browser.ts';

/** Values from a file are data, never markup or code: a file full of HTML, script and javascript:
 *  links is loaded and shown on every page that prints file values; nothing runs, nothing becomes
 *  an element, and the CSV exports escape cells a spreadsheet would run as formulas. */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const LINK = 'javascript:window.__xss=3';
const FORMULA = '=HYPERLINK("http://example.invalid","click")';

const ENCOUNTERS = [
  'encounter_id,participant_id,encounter_date,agency,pathway,residence,primary_substance,eligible,placement_offered,placement_date,treatment_type',
  `X1,Q1,2024-01-03 10:00,"${IMG.replace(/"/g, '""')}",self-referral,${LINK},opioids,yes,yes,2024-01-03 12:00,detox`,
  `X2,Q2,2024-01-04 10:00,${SCRIPT},self-referral,"${FORMULA.replace(/"/g, '""')}",opioids,yes,yes,2024-01-04 15:00,detox`,
  `X3,Q3,2024-02-04 10:00,${SCRIPT},active outreach,${LINK},"${IMG.replace(/"/g, '""')}",yes,no,,`,
].join('\n');
const INCIDENTS = [
  'incident number,date,offense,agency',
  `I1,2024-01-05,"${IMG.replace(/"/g, '""')}",${SCRIPT}`,
  `I2,2024-01-06,${LINK},${SCRIPT}`,
].join('\n');

/** Nothing ran and nothing from the file became an element. */
async function inert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], main script, a[href^="javascript:"]').count()).toBe(0);
}

describe('file values are shown as text, never run', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  const dialogs: string[] = [];
  beforeAll(async () => {
    b = await openPage('/data');
    page = b.page;
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
    const dir = mkdtempSync(join(tmpdir(), 'dd-xss-'));
    writeFileSync(join(dir, 'hostile_encounters.csv'), ENCOUNTERS);
    writeFileSync(join(dir, 'hostile_incidents.csv'), INCIDENTS);
    await page.getByTestId('file-input').setInputFiles([join(dir, 'hostile_encounters.csv'), join(dir, 'hostile_incidents.csv')]);
    for (const f of ['hostile_encounters.csv', 'hostile_incidents.csv']) {
      await page.locator('[data-testid=upload].loaded', { hasText: f }).waitFor({ timeout: 60_000 });
    }
  }, 180_000);
  afterAll(async () => { await b?.close(); });

  it('the Data page, the breakdowns, the filters and the offense table print the values literally', async () => {
    await inert(page);
    await page.getByRole('link', { name: 'Placements' }).click();
    await page.getByTestId('filter-agency').locator('option', { hasText: '<script>' }).waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.getByTestId('filter-agency').locator('option').allTextContents()).toEqual(expect.arrayContaining([IMG, SCRIPT]));
    // The chart keeps its old rows (marked busy) until the new ones arrive: poll for them.
    await page.getByTestId('breakdown-by').selectOption('agency');
    await expect.poll(() => page.getByTestId('chart-by-agency').locator('tbody td:first-child').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([IMG, SCRIPT]));
    await page.getByTestId('breakdown-by').selectOption('residence');
    await expect.poll(() => page.getByTestId('chart-by-residence').locator('tbody td:first-child').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([LINK, FORMULA]));
    await quiet(page);
    // Tooltips and axis labels of the charts are SVG text.
    expect(await page.getByTestId('chart-by-residence').locator('.plot').textContent()).toContain('javascript:');
    await inert(page);

    // The CSV download escapes the formula (a leading apostrophe), and keeps the markup as text.
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByTestId('chart-by-residence').getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(csv).not.toMatch(/^=|,=/m);

    await page.getByRole('link', { name: 'Crime' }).click();
    await page.getByTestId('offense-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('crime-series').selectOption({ label: `${SCRIPT} (incident records)` });
    await quiet(page);
    const offenses = await page.getByTestId('offense-table').locator('tbody th').allTextContents();
    expect(offenses).toEqual(expect.arrayContaining([IMG, LINK]));
    await inert(page);
    expect(dialogs).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
