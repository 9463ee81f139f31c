import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeCrimeIncidents } from '../../scripts/sample/crimeIncidents.ts';
import { ARTIFACTS, openPage, quiet, textOf } from './setup/browser.ts';

/** A large crime incident file (600,000 rows, about 57 MB): long enough to load that its progress
 *  can be seen and cancelled. */
const ROWS = 600_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-progress-'));
  file = join(dir, 'big_city_incidents.csv');
  await writeCrimeIncidents(file, ROWS);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records every step the progress bar shows, in order, from inside the page. */
function recordSteps(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __steps: string[] };
    w.__steps = [];
    new MutationObserver(() => {
      const step = document.querySelector('[data-testid=load-progress]')?.getAttribute('data-step');
      if (step && w.__steps[w.__steps.length - 1] !== step) w.__steps.push(step);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('a long load shows its progress and can be cancelled', () => {
  it('cancelling leaves the data as it was; loading again shows every step and loads every row', async () => {
    const { page, close, errors } = await openPage('/data');
    try {
      await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
      await quiet(page);
      await recordSteps(page);
      await page.getByTestId('file-input').setInputFiles(file);

      const bar = page.getByTestId('load-progress');
      await page.locator('[data-testid=load-progress][data-step=reading]').waitFor({ timeout: 30_000 });
      expect(await textOf(bar.locator('p'))).toMatch(/^Step 1 of 4: Reading the file · [\d.]+ (of 5\d\.\d )?MB/);
      const progress = bar.getByRole('progressbar');
      expect(await progress.getAttribute('aria-labelledby')).toBeTruthy();
      await page.screenshot({ path: `${ARTIFACTS}/progress.png` });
      await bar.getByRole('button', { name: 'Cancel loading big_city_incidents.csv' }).click();

      const card = page.locator('[data-testid=upload]', { hasText: 'big_city_incidents.csv' });
      await card.locator('.status-pill', { hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
      expect(await textOf(card.getByTestId('load-cancelled'))).toBe(
        'Loading was cancelled. Nothing from this file was loaded; data loaded earlier is unchanged.');
      await quiet(page);
      // The file started the user's own workspace, which the cancel leaves empty (the sample is
      // not in it, and nothing of the file is).
      expect(await page.getByRole('region', { name: 'Loaded in this browser' }).innerText()).toContain('Nothing is loaded yet.');

      // The crime page lists none of the file's series.
      await page.evaluate(() => { history.pushState({}, '', '/crime'); dispatchEvent(new PopStateEvent('popstate')); });
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
      await quiet(page);
      expect(await page.locator('main').innerText()).not.toMatch(/Metro City|Harbor County|Northside|Harbor Point/);

      // Back on the Data page, the card offers to load it again, and this time it loads whole.
      await page.evaluate(() => { history.pushState({}, '', '/data'); dispatchEvent(new PopStateEvent('popstate')); });
      await page.evaluate(() => { (window as unknown as { __steps: string[] }).__steps = []; });
      await card.getByRole('button', { name: 'Load this file' }).click();
      await card.locator('.status-pill', { hasText: 'Loaded' }).waitFor({ timeout: 120_000 });
      expect(await textOf(card.getByTestId('rows-loaded'))).toBe('600,000');
      // The steps shown, in the order they came: never backwards, from reading to saving at least.
      const order = ['reading', 'checking', 'saving', 'summarising'];
      const steps = (await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps)).filter((s) => order.includes(s));
      expect([...steps].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(steps);
      expect(steps).toEqual(expect.arrayContaining(['reading', 'saving']));
      expect(await page.getByTestId('loaded-files').innerText()).toContain('big_city_incidents.csv');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 240_000);
});
