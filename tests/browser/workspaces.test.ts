import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, quiet, textOf } from './setup/browser.ts';

/** Workspaces: the user's files, added at any moment (the first second of a first visit, during a
 *  restore, during another load), start and fill a workspace of their own, where the sample is in
 *  no figure and nothing says "synthetic"; the sample is one click away and never mixes in. */

/** A town's export, counted by hand: 12 encounters by 9 people (P1 three times, P2 twice), 8
 *  placed (T01 T02 T04 T05 T07 T09 T10 T12), first encounter 2023-05-02. */
const TOWN = `encounter_id,participant_id,encounter_date,agency,pathway,eligible,placement_offered,placement_date,treatment_type,engaged_30d
T01,P1,2023-05-02 10:00,Gloucester PD,self-referral,yes,yes,2023-05-02 16:00,detox,yes
T02,P2,2023-05-20 09:00,Gloucester PD,self-referral,yes,yes,2023-05-21 09:00,outpatient,no
T03,P1,2023-06-11 11:00,Gloucester PD,active outreach,yes,no,,none,
T04,P3,2023-06-30 14:00,Gloucester PD,self-referral,yes,yes,2023-07-01 08:00,detox,yes
T05,P4,2023-07-14 08:00,Gloucester PD,naloxone plus,yes,yes,2023-07-14 12:00,MOUD buprenorphine,yes
T06,P5,2023-08-03 17:00,Gloucester PD,self-referral,no,,,,
T07,P1,2023-08-19 10:00,Gloucester PD,self-referral,yes,yes,2023-08-20 10:00,residential short-term,unknown
T08,P6,2023-09-09 13:00,Gloucester PD,officer intervention,yes,yes,,none,
T09,P7,2023-10-01 09:00,Gloucester PD,self-referral,yes,yes,2023-10-01 15:00,detox,yes
T10,P2,2023-10-28 12:00,Gloucester PD,self-referral,yes,yes,2023-10-29 12:00,outpatient,yes
T11,P8,2023-11-15 16:00,Gloucester PD,community response,yes,no,,none,
T12,P9,2023-12-04 10:00,Gloucester PD,self-referral,yes,yes,2023-12-05 10:00,detox,no
`;
const dir = mkdtempSync(join(tmpdir(), 'dd-ws-'));
const TOWN_FILE = join(dir, 'gloucester_encounters.csv');
writeFileSync(TOWN_FILE, TOWN);
const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
const VSRR = `${PUBLIC}cdc_vsrr_provisional_overdose_deaths_2018-09.csv`;
const RTCI = `${PUBLIC}rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv`;

/** Runs `fn` in a browser with a new, empty profile, and closes it after. */
async function inNewProfile(fn: (b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>): Promise<void> {
  const b = await openBrowser();
  try { await fn(b); } finally { await b.close(); }
}

const kpi = (page: Page, id: string) => textOf(page.getByTestId(id).locator('.kpi-value'));

/** The visible text of the whole page. */
const pageText = async (page: Page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

async function overview(page: Page) {
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('kpi-encounters').waitFor({ timeout: 60_000 });
  await quiet(page);
}

describe('a new profile', () => {
  it('a program export added the moment the Data page opens: only its figures, no sample wording, and the same after a reload', async () => {
    await inNewProfile(async (b) => {
      const errors: string[] = [];
      b.page.on('pageerror', (e) => errors.push(e.message));
      const { page } = b;
      await page.goto(`${b.base}/data`);
      // At once: the database is still starting and the sample has not loaded.
      await page.getByTestId('file-input').setInputFiles(TOWN_FILE);
      await page.locator('[data-testid=upload].loaded', { hasText: 'gloucester_encounters.csv' }).waitFor({ timeout: 90_000 });
      await quiet(page);
      expect(await page.getByTestId('workspace-bar').getAttribute('data-workspace')).not.toBe('sample');
      expect((await page.getByTestId('loaded-files').locator('tbody').innerText()).replace(/\s+/g, ' ')).toMatch(/^gloucester_encounters\.csv Program encounters 12 /);
      expect(await page.getByTestId('loaded-files').locator('tbody tr').count()).toBe(1);
      await page.screenshot({ path: `${ARTIFACTS}/workspace-first-file-data.png`, fullPage: true });

      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('12');
      expect(await kpi(page, 'kpi-people')).toBe('9');
      expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
      expect(await pageText(page)).not.toMatch(/synthetic|Harbor Point/i);
      expect(await textOf(page.locator('h1'))).toBe('My program');
      // The launch is not the sample's: the first encounter, said as such.
      expect(await textOf(page.getByTestId('launch-note'))).toBe('Program launch May 2, 2023 (not entered: the first encounter in your files is used; enter the real date on the Data page).');
      await page.screenshot({ path: `${ARTIFACTS}/workspace-first-file-overview.png`, fullPage: true });

      await page.reload();
      await page.getByTestId('kpi-encounters').waitFor({ timeout: 90_000 });
      await quiet(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('12');
      expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
      expect(await pageText(page)).not.toMatch(/synthetic|Harbor Point/i);
      expect(errors).toEqual([]);
    });
  });

  it('a public file added at once loads, and /overdoses shows it with no synthetic series', async () => {
    await inNewProfile(async (b) => {
      const { page } = b;
      await page.goto(`${b.base}/data`);
      await page.getByTestId('file-input').setInputFiles(VSRR);
      await page.locator('[data-testid=upload].loaded', { hasText: 'cdc_vsrr' }).waitFor({ timeout: 120_000 });
      await page.getByRole('link', { name: 'Overdoses' }).click();
      await page.getByTestId('overdose-state').waitFor({ timeout: 60_000 });
      await quiet(page);
      const states = await page.getByTestId('overdose-state').locator('option').allTextContents();
      expect(states.length).toBeGreaterThan(40);
      expect(states.join(' ')).not.toMatch(/synthetic/i);
      expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
      await page.getByTestId('overdose-state').selectOption('NC');
      await page.getByTestId('overdose-indicator').selectOption('Synthetic opioids, excl. methadone (T40.4)');
      // Python's csv module over the same file: NC, synthetic opioids, 12 months ending Dec 2017: 1,270.
      await expect.poll(async () => (await page.getByTestId('chart-state-12m').locator('tbody tr', { hasText: 'Dec 2017' }).locator('td').allTextContents())[1],
        { timeout: 30_000 }).toBe('1,270');
      await page.screenshot({ path: `${ARTIFACTS}/workspace-vsrr-overdoses.png`, fullPage: true });
    });
  });
});

describe('switching and loading at any moment', () => {
  it('the sample and the user\'s workspace never mix; a file added during another load and during a restore both load', async () => {
    await inNewProfile(async (b) => {
      const { page } = b;
      await page.goto(`${b.base}/data`);
      await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
      await quiet(page);
      // The sample: 1,513 encounters (data/sample/README.md), read-only.
      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('1,513');
      await page.getByRole('link', { name: 'Data' }).click();
      expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);

      // A large public file, then the program export while it loads: both go to the new workspace.
      await page.getByTestId('file-input').setInputFiles(RTCI);
      await page.locator('[data-testid=upload]', { hasText: 'rtci_agency' }).waitFor();
      await page.getByTestId('file-input').setInputFiles(TOWN_FILE);
      for (const name of ['rtci_agency', 'gloucester_encounters.csv']) {
        await page.locator('[data-testid=upload].loaded', { hasText: name }).waitFor({ timeout: 120_000 });
      }
      // The name is asked once: an empty name is refused in words.
      await page.getByTestId('workspace-name-input').fill('  ');
      await page.getByRole('button', { name: 'Save the name' }).click();
      expect(await textOf(page.getByTestId('workspace-name-problem'))).toMatch(/Give the workspace a name/);
      await page.getByTestId('workspace-name-input').fill('Gloucester ANGEL');
      await page.getByRole('button', { name: 'Save the name' }).click();
      expect(await textOf(page.getByTestId('workspace-name'))).toBe('Gloucester ANGEL');
      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('12');
      expect(await textOf(page.locator('h1'))).toBe('Gloucester ANGEL');

      // Explore the sample, then back: each shows its own figures only.
      await page.getByRole('link', { name: 'Data' }).click();
      await page.getByTestId('explore-sample').click();
      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('1,513');
      expect(await page.getByTestId('synthetic-banner').count()).toBe(1);
      // The way back is on every page of the sample.
      expect(await page.getByTestId('synthetic-banner').getByRole('button', { name: 'Back to Gloucester ANGEL' }).count()).toBe(1);
      await page.getByRole('link', { name: 'Data' }).click();
      await page.getByRole('button', { name: 'Open Gloucester ANGEL' }).click();
      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('12');

      // Reload: the workspace comes back, saying so while its files come in; a file added during
      // the restore waits its turn and loads too.
      await page.goto(`${b.base}/data`);
      await page.getByTestId('opening-status').waitFor({ timeout: 30_000 });
      const during = await textOf(page.getByTestId('opening-status'));
      expect(during).toMatch(/Starting the in-browser database|Restoring \d of 2 files saved in this browser/);
      const extra = join(dir, 'gloucester_2024.csv');
      writeFileSync(extra, TOWN.replaceAll('2023-', '2024-').replaceAll(/T(\d\d),/g, 'U$1,'));
      await page.getByTestId('file-input').setInputFiles(extra);
      await page.locator('[data-testid=upload].loaded', { hasText: 'gloucester_2024.csv' }).waitFor({ timeout: 120_000 });
      await quiet(page);
      const loaded = await textOf(page.getByTestId('loaded-files').locator('tbody'));
      for (const name of ['rtci_agency', 'gloucester_encounters.csv', 'gloucester_2024.csv']) expect(loaded).toContain(name);
      expect(loaded).not.toContain('sample/');
      await overview(page);
      expect(await kpi(page, 'kpi-encounters')).toBe('24');
      expect(await textOf(page.locator('h1'))).toBe('Gloucester ANGEL');
    });
  });
});

describe('a network: several agencies\' exports in one workspace', () => {
  it('compares the agencies on /placements, and the agency filter works across the files', async () => {
    await inNewProfile(async (b) => {
      const { page } = b;
      const rockport = join(dir, 'rockport_encounters.csv');
      // Rockport: the first six rows of the town's export under its own agency and IDs.
      writeFileSync(rockport, TOWN.split('\n').slice(0, 7).join('\n').replaceAll('Gloucester PD', 'Rockport PD').replaceAll(/\nT(\d\d),/g, '\nR$1,') + '\n');
      await page.goto(`${b.base}/data`);
      await page.getByTestId('file-input').setInputFiles([TOWN_FILE, rockport]);
      for (const name of ['gloucester_encounters.csv', 'rockport_encounters.csv']) {
        await page.locator('[data-testid=upload].loaded', { hasText: name }).waitFor({ timeout: 90_000 });
      }
      await page.getByRole('link', { name: 'Placements' }).click();
      const table = page.getByTestId('chart-agencies').locator('table');
      await table.waitFor({ state: 'attached', timeout: 60_000 });
      await quiet(page);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent!.trim())));
      // Counted by hand from the rows above. Gloucester: 12 encounters, 9 people, 11 eligible, 8
      // placed (hours 4 6 6 18 24 24 24 24: median 21), engaged T01 T04 T05 T09 T10. Rockport: 6
      // encounters, 5 people, 5 eligible, 4 placed (6 24 18 4: median 12), engaged R01 R04 R05.
      expect(rows).toEqual([
        ['Gloucester PD', '12', '9', '8', '72.7%', '21.0 h', '5 (62.5%)'],
        ['Rockport PD', '6', '5', '4', '80%', '12.0 h', '3 (75%)'],
      ]);
      await page.getByTestId('agency-small-counts').check();
      await expect.poll(async () => (await table.locator('tbody tr').first().locator('td, th').allTextContents()).slice(1, 5), { timeout: 10_000 })
        .toEqual(['suppressed', 'suppressed', 'suppressed', 'n/a']);
      await page.screenshot({ path: `${ARTIFACTS}/workspace-agencies.png`, fullPage: true });
      await page.getByTestId('filter-agency').selectOption('Rockport PD');
      await expect.poll(() => kpi(page, 'kpi-encounters'), { timeout: 30_000 }).toBe('6');
      expect(await kpi(page, 'kpi-people')).toBe('5');
    });
  });
});
