import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dxCounty, dxJurisdiction } from '../helpers/doseDx.ts';
import { ARTIFACTS, openWithFiles, quiet, tableRow, textOf } from './setup/browser.ts';

/** CDC DOSE nonfatal overdose downloads added untouched in a fresh browser profile: the real
 *  DOSE-SyS jurisdiction table from ../shared and DOSE-DX tables generated to the published layout,
 *  shown on /overdoses as ED visit rates and yearly ED visits and hospitalisations. */

const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
const SYS = 'cdc_dose_sys_ed_overdose_rates_jurisdiction_monthly.csv';
const dir = mkdtempSync(join(tmpdir(), 'dd-dose-'));
const jur = dxJurisdiction();
const JUR = join(dir, 'Jurisdiction Counts & Rates-Table 1.csv');
const COUNTY = join(dir, 'County Counts & Rates-Table 1.csv');
writeFileSync(JUR, jur.csv);
writeFileSync(COUNTY, dxCounty().csv);

describe('CDC DOSE on /overdoses', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  beforeAll(async () => { b = await openWithFiles([PUBLIC + SYS, JUR, COUNTY]); }, 180_000);
  afterAll(async () => { await b?.close(); });

  it('loads each file as its kind and says what a loaded row is', async () => {
    const card = b.page.locator('[data-testid=upload].loaded', { hasText: SYS });
    // 7,956 rows x 8 rate columns.
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('63,648');
    expect(await textOf(card.getByTestId('load-report'))).toContain('figures (one per row and rate column) loaded into overdose_ed');
    expect(await b.page.locator('[data-testid=upload].loaded', { hasText: 'County Counts' }).getByTestId('rows-loaded').innerText()).toBe('36');
  });

  it('shows a state\'s ED visit rate (withheld months as gaps) and its yearly ED visits and hospitalisations, apart', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Overdoses' }).first().click();
    const section = page.getByTestId('overdoses-nonfatal');
    await section.waitFor({ timeout: 60_000 });
    await section.getByTestId('nonfatal-place').selectOption('state:MA');
    await quiet(page);
    expect(await textOf(section.locator('h2'))).toBe('Nonfatal overdoses treated in hospital (CDC DOSE): MA');
    const rate = section.getByTestId('chart-ed-rate');
    await rate.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await rate.getByRole('button', { name: 'Show data table' }).focus();
    await page.keyboard.press('Enter');
    // In the file: MA 2019-1 Monthly 88.3, Annual "§"; 2024-12 Monthly 64.8, Annual 77.1; March-August 2020 "*".
    expect(await tableRow(rate, 'Jan 2019')).toEqual(['Jan 2019', '88.3', '—', '', 'not shared']);
    expect(await tableRow(rate, 'Dec 2024')).toEqual(['Dec 2024', '64.8', '77.1', '', '']);
    expect((await tableRow(rate, 'Apr 2020')).slice(0, 4)).toEqual(['Apr 2020', '—', '—', 'suppressed']);
    expect(await textOf(rate.getByTestId('ed-withheld-note'))).toBe('6 months are withheld (red crosses along the bottom).');

    const years = section.getByTestId('chart-dx-years');
    await years.getByRole('button', { name: 'Show data table' }).click();
    const f = (dataset: string, year: number) => jur.figures.find((x) => x.state === 'MA' && x.dataset === dataset && x.year === year && x.month === 0 && x.stem === 'alldrug')!;
    const n = (v: number) => v.toLocaleString('en-US');
    expect(await years.locator('table tbody tr', { hasText: '2021' }).first().locator('td').allTextContents())
      .toEqual(['2021', n(f('ED', 2021).count!), f('ED', 2021).rate!.toFixed(1), n(f('HOSP', 2021).count!), f('HOSP', 2021).rate!.toFixed(1), '']);
    // The DX months, as their own figures (June 2022), never added into the years.
    const dxMonths = section.getByTestId('chart-dx-months');
    await dxMonths.locator('.plot svg').first().waitFor({ timeout: 60_000 });
    await dxMonths.screenshot({ path: `${ARTIFACTS}/overdoses-dx-months.png` });
    await dxMonths.getByRole('button', { name: 'Show data table' }).click();
    const m = (dataset: string) => jur.figures.find((x) => x.state === 'MA' && x.dataset === dataset && x.year === 2022 && x.month === 6 && x.stem === 'alldrug')!;
    const cell = (x: { count: number | null; cell: string }) => (/^\d/.test(x.cell) ? n(x.count!) : '—');
    expect((await tableRow(dxMonths, 'Jun 2022')).filter((_, i) => i === 0 || i === 1 || i === 3)).toEqual(['Jun 2022', cell(m('ED')), cell(m('HOSP'))]);
    await section.screenshot({ path: `${ARTIFACTS}/overdoses-nonfatal-ma.png` });

    // Fentanyl: 21 suppressed months in SyS; no DX code before October 2020.
    await section.getByTestId('nonfatal-drug').selectOption('fentanyl');
    await quiet(page);
    expect(await textOf(section.getByTestId('chart-ed-rate').getByTestId('ed-withheld-note'))).toBe('21 months are withheld (red crosses along the bottom).');
    expect(page.url()).toContain('edDrug=fentanyl');
  }, 120_000);

  it('a county from the DX county table: yearly ED visits only', async () => {
    const { page } = b;
    const section = page.getByTestId('overdoses-nonfatal');
    await section.getByTestId('nonfatal-drug').selectOption('all drugs');
    await section.getByTestId('nonfatal-place').selectOption('county:04013');
    await quiet(page);
    expect(await textOf(section.locator('h2'))).toBe('Nonfatal overdoses treated in hospital (CDC DOSE): Maricopa County, AZ');
    expect(await section.getByTestId('chart-ed-rate').count()).toBe(0);
    await section.getByTestId('chart-dx-years').locator('.plot svg').first().waitFor({ timeout: 60_000 });
    expect(b.errors).toEqual([]);
  }, 60_000);
});
