import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, foreignRequests, openPage, openWithFiles, textOf, waitUntil } from './setup/browser.ts';

const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
const FILES = [
  'cdc_vsrr_provisional_overdose_deaths_2018-09.csv',
  'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv',
  'durham_nc_police_incidents_2013.csv',
  'pa_odin_overdose_incidents_naloxone_2018-2019.csv',
  'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv',
];

/** The row of the "Check the numbers" table for one period, as cell texts. */
async function checkRow(page: Page, table: string, filters: Record<string, string>, period: string): Promise<string[]> {
  await page.getByTestId('check-table').selectOption({ label: table });
  for (const [column, value] of Object.entries(filters)) {
    const select = page.getByTestId(`check-filter-${column}`);
    await select.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
    await select.selectOption(value);
  }
  // Wait until the table shows the rows of exactly these filters.
  const caption = page.locator('#check-result caption');
  const wanted = [table, ...Object.values(filters)].join(', ');
  await waitUntil(async () => (await page.locator('#check-result[aria-busy=false]').count()) === 1
    && (await caption.textContent()) === wanted, 15_000);
  const row = page.locator('#check-result tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${period}$`) }) });
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
  return row.locator('td').allTextContents();
}

describe('real public files uploaded through the file input', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles(FILES.map((f) => PUBLIC + f));
    page = b.page;
  });
  afterAll(async () => { await b?.close(); });

  it('reports each file: rows loaded, columns understood and ignored, load time', async () => {
    const rows: Record<string, string> = {};
    for (const f of FILES) {
      const card = page.locator('[data-testid=upload]', { hasText: f });
      const report = await textOf(card.getByTestId('load-report'));
      rows[f] = (await textOf(card.getByTestId('rows-loaded')));
      console.log(`${f}: ${report.slice(0, report.indexOf(' s.') + 2)}`);
      expect(report).toContain('Columns understood:');
      expect(report).toContain('Columns ignored:');
    }
    expect(rows).toEqual({
      'cdc_vsrr_provisional_overdose_deaths_2018-09.csv': '13,320',
      'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv': '1,200',
      'durham_nc_police_incidents_2013.csv': '12,217',
      'pa_odin_overdose_incidents_naloxone_2018-2019.csv': '10,953',
      // 28,531 rows, one per offense column (7).
      'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv': '199,717',
    });
    await page.screenshot({ path: `${ARTIFACTS}/data-after-upload.png`, fullPage: true });
  });

  it('shows figures that match the files', async () => {
    // Independently counted with Python's csv module over the same files.
    expect(await checkRow(page, 'Crime incidents', { offense: 'Shoplifting' }, 'Mar 2013')).toEqual(['Mar 2013', '142']);
    expect(await checkRow(page, 'CDC VSRR (12-month-ending counts)', { state: 'MA', indicator: 'Number of Drug Overdose Deaths' }, 'Dec 2017'))
      .toEqual(['Dec 2017', '2,138', 'reported']);
    expect(await checkRow(page, 'Overdose incidents', {}, 'Jan 2018')).toEqual(['Jan 2018', '251', '184', '208']);
    expect(await checkRow(page, 'CDC WONDER', { county: 'Alamance County, NC' }, '2010'))
      .toEqual(['2010', '—', 'suppressed', '151,131', '—', 'suppressed']);
    expect(await checkRow(page, 'Crime monthly counts', { agency: 'Boston, Massachusetts', offense: 'theft' }, 'Mar 2019'))
      .toEqual(['Mar 2019', '758']);
    await page.screenshot({ path: `${ARTIFACTS}/data-check.png`, fullPage: true });
  });

  it('a bad file shows its message and the data loaded before stays', async () => {
    const before = await page.getByTestId('loaded-files').locator('tbody').innerText();
    const dir = mkdtempSync(join(tmpdir(), 'dd-bad-'));
    const ragged = join(dir, 'durham_nc_police_incidents_2013.csv');
    writeFileSync(ragged, 'id,date,location,general_type_crime,specific_type_crime,incident_number\n1,Jan  1 2013,X ST,Robbery,Robbery,1\n2,Jan  2 2013,Y ST,Robbery\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await page.getByTestId('file-input').setInputFiles([ragged, empty]);
    const card = page.locator('[data-testid=upload].failed', { hasText: 'durham_nc_police_incidents_2013.csv' });
    await card.waitFor({ timeout: 30_000 });
    expect(await textOf(card.getByTestId('problem-error'))).toBe(
      'Error durham_nc_police_incidents_2013.csv, row 3, column "specific_type_crime": This row has 4 values where the header has 6 columns. Check for a missing or extra delimiter, or an unclosed quote, on that row.');
    expect(await textOf(card.getByTestId('load-report'))).toContain('Nothing was loaded from this file; data loaded earlier is unchanged.');
    const emptyCard = page.locator('[data-testid=upload].failed', { hasText: 'empty.csv' });
    expect(await textOf(emptyCard.getByTestId('problem-error'))).toBe('Error empty.csv: The file is empty (0 bytes). Export the data again and check that the export finished.');
    expect(await page.getByTestId('loaded-files').locator('tbody').innerText()).toBe(before);
    // The same-named Durham file that loaded earlier still gives the same figure.
    expect(await checkRow(page, 'Crime incidents', { offense: 'Shoplifting' }, 'Mar 2013')).toEqual(['Mar 2013', '142']);
    await page.screenshot({ path: `${ARTIFACTS}/data-bad-file.png`, fullPage: true });
  });

  it('takes files by drag-and-drop too', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['date,offense,agency\n2024-01-05,Shoplifting,Dropville PD\n2024-01-06,Burglary,Dropville PD\n'],
        'dropped.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
    const card = page.locator('[data-testid=upload].loaded', { hasText: 'dropped.csv' });
    await card.waitFor({ timeout: 30_000 });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('2');
    // And the user can take it out again.
    const loaded = page.getByTestId('loaded-files');
    expect(await loaded.innerText()).toContain('dropped.csv');
    await page.getByRole('button', { name: 'Remove dropped.csv' }).click();
    await waitUntil(async () => !(await loaded.innerText()).includes('dropped.csv'), 15_000);
    expect(await loaded.innerText()).toContain('durham_nc_police_incidents_2013.csv');
  });

  it('every route works and the whole session stayed on this origin', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    // The public files started the user's workspace, which has no program export: the overview
    // says so (it never falls back to the sample's figures) and still charts crime.
    await page.getByText('No program encounters are loaded.').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('kpi-encounters').count()).toBe(0);
    await page.getByTestId('crime-agency').waitFor();
    await page.goto(b.base + '/no-such-page');
    expect(await textOf(page.locator('h1'))).toBe('Page not found');
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});

