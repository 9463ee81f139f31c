import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../scripts/aggregate.ts';
import { nibrsExtract } from '../helpers/nibrsExtract.ts';
import { ARTIFACTS, keptNames, openPage, openWithFiles, quiet, textOf } from './setup/browser.ts';

/** An FBI NIBRS state extract (generated in the published 2016-2020 layout, tests/helpers/
 *  nibrsExtract.ts), its six CSV files added at once in a fresh browser profile, as a user unpacking
 *  the Crime Data Explorer's zip would: the agency picked from the extract's list, its monthly
 *  offenses charted on /crime with the months it did not report as gaps, and kept for a reload. */
const x = nibrsExtract({ year: 2019, seed: 11 });
const dir = mkdtempSync(join(tmpdir(), 'dd-nibrs-'));
const paths = Object.entries(x.files).map(([name, text]) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
});
const ADDICTION = new Set(['35A', '35B', '23C', '23F', '23H', '220', '240']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The chart's data table for one agency (the first), as /crime shows it. */
async function trend(page: import('playwright-core').Page, label: string): Promise<string[][]> {
  const select = page.getByTestId('crime-series');
  await select.waitFor({ timeout: 60_000 });
  await select.selectOption({ label: `${label} (monthly counts)` });
  await quiet(page);
  const chart = page.getByTestId('chart-crime-trend');
  await chart.locator('.plot svg').first().waitFor({ timeout: 60_000 });
  if (!(await chart.locator('table').count())) await chart.getByRole('button', { name: 'Show data table' }).click();
  return chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')));
}

/** The chart's data table for an agency, worked out from the generated offenses. */
function expected(ori: string): [string, string][] {
  return MONTHS.map((m, i) => {
    const month = `${x.year}-${String(i + 1).padStart(2, '0')}`;
    if (!x.reported.get(ori)!.has(i + 1)) return [`${m} ${x.year}`, 'not reported'];
    const n = [...x.counts].filter(([k]) => k.startsWith(`${ori}|${month}|`) && ADDICTION.has(k.split('|')[2]!)).reduce((s, [, v]) => s + v, 0);
    return [`${m} ${x.year}`, String(n)];
  });
}

describe('an FBI NIBRS state extract, added untouched', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    b = await openPage('/data');
    // Added at once, before the database has started.
    await b.page.getByTestId('file-input').setInputFiles(paths);
  }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('is read as one extract: its agencies listed, what is not counted said', async () => {
    const card = b.page.getByTestId('extract');
    await card.getByTestId('extract-agencies').waitFor({ timeout: 90_000 });
    expect(await textOf(card.locator('h3'))).toBe('FBI NIBRS extract, MA 2019');
    expect(await textOf(card.getByTestId('extract-summary'))).toContain(`${x.offenses.toLocaleString('en-US')} offenses of 5 agencies`);
    expect(await textOf(card)).toContain(`${x.before} offenses are dated outside the extract's year (2019)`);
    expect(await textOf(card)).toContain('Not needed for offense counts, so not read: NIBRS_VICTIM.csv');
    const essex = card.getByTestId('extract-agencies').locator('tr', { hasText: 'MA0050400' });
    expect((await essex.locator('td').allTextContents()).at(-1)).toBe('9 of 12');
    // No file of the extract got a card of its own.
    expect(await b.page.getByTestId('upload').count()).toBe(0);
  }, 120_000);

  it('loads the agencies picked as a monthly-counts file, kept in this browser', async () => {
    const card = b.page.getByTestId('extract');
    await card.getByTestId('extract-filter').fill('essex');
    await card.getByLabel('Load Essex (MA0050400)').check();
    await card.getByTestId('extract-filter').fill('');
    await card.getByLabel('Load Gloucester (MA0050900)').check();
    await card.getByTestId('extract-load').click();
    const loaded = b.page.locator('[data-testid=upload].loaded', { hasText: 'NIBRS MA 2019' });
    await loaded.waitFor({ timeout: 90_000 });
    const name = await textOf(loaded.locator('h3'));
    expect(name).toBe('NIBRS MA 2019 - Essex, Gloucester.csv');
    expect(await textOf(loaded)).toContain('Crime monthly counts');
    await expect.poll(() => keptNames(b.page), { timeout: 20_000 }).toContain(name);
    await b.page.getByTestId('extract').screenshot({ path: `${ARTIFACTS}/data-nibrs-extract.png` });
  }, 120_000);

  it('/crime charts the agency per month from the extract, the months it did not report as gaps', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Crime' }).first().click();
    const select = page.getByTestId('crime-series');
    await select.waitFor({ timeout: 60_000 });
    expect(await select.locator('option').allTextContents()).toEqual(['Essex, MA (monthly counts)', 'Gloucester, MA (monthly counts)']);
    for (const [ori, label] of [['MA0050900', 'Gloucester, MA'], ['MA0050400', 'Essex, MA']] as const) {
      expect(await trend(page, label), ori).toEqual(expected(ori));
      if (ori === 'MA0050400') await page.locator('main').screenshot({ path: `${ARTIFACTS}/crime-nibrs-extract.png` });
    }
    expect(b.errors).toEqual([]);
  }, 120_000);

  it('after a reload, the counts are back without the extract', async () => {
    const { page } = b;
    await page.reload();
    const select = page.getByTestId('crime-series');
    await select.waitFor({ timeout: 90_000 });
    expect(await select.locator('option').allTextContents()).toEqual(['Essex, MA (monthly counts)', 'Gloucester, MA (monthly counts)']);
    expect(b.errors).toEqual([]);
  }, 120_000);

  it('npm run aggregate on the same extract writes a file that charts the same in a fresh profile', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dd-nibrs-out-')), 'MA 2019 counts.csv');
    await aggregate([dir], out, { agencies: ['MA0050900', 'MA0050400'], threads: 1 });
    const c = await openWithFiles([out]);
    try {
      await c.page.getByRole('link', { name: 'Crime' }).first().click();
      for (const [ori, label] of [['MA0050900', 'Gloucester, MA'], ['MA0050400', 'Essex, MA']] as const) {
        expect(await trend(c.page, label), ori).toEqual(expected(ori));
      }
      expect(c.errors).toEqual([]);
    } finally {
      await c.close();
    }
  }, 180_000);
});

/** As the Crime Data Explorer gives it: the zip, and the folder it unpacks to, in fresh profiles. */
describe('an FBI NIBRS extract as its zip, and as its folder', () => {
  const y = nibrsExtract({ year: 2022, seed: 12, incidents: 600 });
  const root = mkdtempSync(join(tmpdir(), 'dd-nibrs-zip-'));
  const zipPath = join(root, 'MA-2022.zip');
  writeFileSync(zipPath, zipSync(Object.fromEntries(Object.entries(y.files).map(([n, t]) => [`MA/${n}`, strToU8(t)]))));
  const folder = join(root, 'MA-2022');
  mkdirSync(folder);
  for (const [n, t] of Object.entries(y.files)) writeFileSync(join(folder, n), t);

  for (const how of ['zip', 'folder'] as const) {
    it(`the ${how} is read as one extract`, async () => {
      const b = await openPage('/data');
      try {
        if (how === 'zip') await b.page.getByTestId('file-input').setInputFiles(zipPath);
        else await b.page.getByTestId('folder-input').setInputFiles(folder);
        const card = b.page.getByTestId('extract');
        await card.getByTestId('extract-agencies').waitFor({ timeout: 90_000 });
        expect(await textOf(card.locator('h3'))).toBe('FBI NIBRS extract, MA 2022');
        expect(await textOf(card.getByTestId('extract-summary'))).toContain(`${y.offenses.toLocaleString('en-US')} offenses of 5 agencies`);
        expect(await b.page.getByTestId('upload').count()).toBe(0);
        expect(b.errors).toEqual([]);
      } finally {
        await b.close();
      }
    }, 120_000);
  }
});
