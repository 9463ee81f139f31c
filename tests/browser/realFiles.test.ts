import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openWithFiles, textOf, quiet, enterLaunchDate } from './setup/browser.ts';
import { readPdf } from '../helpers/pdf.ts';

/** /crime and /overdoses on the real public exports in ../shared/data/public (not copied into the
 *  project), loaded through the Data page as a user would. Figures from Python's csv module over
 *  the same files: RTCI Malden MA 2019-03 burglary 13 + theft 33 + motor vehicle theft 3 = 49, and
 *  2024-03 all NA; VSRR NC synthetic opioids, 12 months ending Dec 2017: 1,270; WONDER Alamance
 *  County 2010 deaths "Suppressed"; ODIN Allegheny County: 821 victims in 2018 and 614 in 2019. */
const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
const FILES = [
  'rtci_agency_monthly_part1_crimes_2018-01_2024-07.csv',
  'durham_nc_police_incidents_2013.csv',
  'cdc_vsrr_provisional_overdose_deaths_2018-09.csv',
  'cdc_wonder_nc_drug_poisoning_deaths_by_county_2006-2017.tsv',
  'pa_odin_overdose_incidents_naloxone_2018-2019.csv',
];

const row = (page: Page, chart: string, text: string) => page.getByTestId(chart).locator('table tbody tr', { hasText: text }).first().locator('td');

describe('crime and overdose pages on the real public files', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles(FILES.map((f) => PUBLIC + f));
    page = b.page;
    // The real files start the user's own workspace, which has no encounters to suggest a launch:
    // the impact analysis asks for it (and the page still draws), and the user enters it.
    await quiet(page);
    await page.getByRole('link', { name: 'Crime' }).click();
    await page.getByTestId('impact-unavailable').waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('impact-unavailable'))).toMatch(/^No launch date is known: enter the program's launch date on the Data page/);
    expect(await textOf(page.getByTestId('launch-note'))).toBe('Program launch not known: enter it on the Data page.');
    await page.getByRole('link', { name: 'Data' }).click();
    await enterLaunchDate(page, '2022-03-01');
  }, 240_000);

  it('start a workspace of their own: no sample file is loaded beside them', async () => {
    const loaded = await textOf(page.getByTestId('loaded-files').locator('tbody'));
    for (const f of FILES) expect(loaded).toContain(f);
    expect(loaded).not.toContain('sample/');
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
  });
  afterAll(async () => { await b?.close(); });

  it('/crime: an RTCI agency keyed by its unique name, with a not-reported month as a gap, and the impact analysis', async () => {
    await page.getByRole('link', { name: 'Crime' }).click();
    await page.getByTestId('crime-series').locator('option[value="monthly:Malden, Massachusetts"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByTestId('crime-series').selectOption('monthly:Malden, Massachusetts');
    await expect.poll(async () => (await row(page, 'chart-crime-trend', 'Mar 2019').allTextContents())[1], { timeout: 30_000 }).toBe('49');
    expect((await row(page, 'chart-crime-trend', 'Mar 2024').allTextContents())[1]).toBe('not reported');
    // Two agencies named Medford (MA and OR) stay apart.
    const medford = await page.getByTestId('crime-series').locator('option', { hasText: 'Medford' }).allTextContents();
    expect(medford.map((t) => t.replace(/ \(.*$/, ''))).toEqual(['Medford, MA', 'Medford, OR']);
    await quiet(page);
    const impact = page.getByTestId('impact');
    await impact.getByTestId('impact-summary').waitFor();
    expect(await textOf(impact.getByTestId('launch-note'))).toBe('Program launch Mar 1, 2022 (entered on the Data page).');
    expect(await textOf(impact.getByTestId('impact-summary'))).toMatch(/left out, not counted as zero/);
    await page.screenshot({ path: `${ARTIFACTS}/crime-real.png`, fullPage: true });
  });

  it('/crime: Durham incident records (2013 only) say the launch is outside the series', async () => {
    await page.getByTestId('crime-series').selectOption('incidents:durham_nc_police_incidents_2013.csv');
    await quiet(page);
    expect(await textOf(page.getByTestId('impact-unavailable'))).toMatch(/outside this series \(Jan 2013 to Nov 2013\)/);
    // Every Durham offense has a default code.
    expect(await textOf(page.getByTestId('unmapped-count'))).toBe('Every offense value has a code.');
  });

  it('/overdoses: VSRR state series, WONDER suppression, ODIN local counts year over year', async () => {
    await page.getByRole('link', { name: 'Overdoses' }).click();
    await page.getByTestId('overdose-state').waitFor({ timeout: 60_000 });
    await page.getByTestId('overdose-state').selectOption('NC');
    await page.getByTestId('overdose-indicator').selectOption('Synthetic opioids, excl. methadone (T40.4)');
    await expect.poll(async () => (await row(page, 'chart-state-12m', 'Dec 2017').allTextContents())[1], { timeout: 30_000 }).toBe('1,270');

    await page.getByTestId('overdose-wonder').selectOption({ label: 'Alamance County, NC' });
    await quiet(page);
    const y2010 = await page.getByTestId('overdoses-wonder').locator('tbody tr', { hasText: '2010' }).locator('td').allTextContents();
    expect(y2010[1]).toBe('');
    expect(y2010[2]).toBe('suppressed');
    // 2006: 10 deaths, rate "Unreliable" in the file.
    const y2006 = await page.getByTestId('overdoses-wonder').locator('tbody tr', { hasText: '2006' }).locator('td').allTextContents();
    expect([y2006[1], y2006[4], y2006[5]]).toEqual(['10', '', 'unreliable']);

    await page.getByTestId('overdose-local').selectOption('Allegheny County (incident records)');
    await quiet(page);
    const dec = await row(page, 'chart-local-12m', 'Dec 2019').allTextContents();
    expect([dec[1], dec[2]]).toEqual(['614', '821']);
    // ODIN's export stops on 15 January 2020: that month is incomplete, so the latest 12 months end in December.
    expect(await textOf(page.getByTestId('kpi-local-12m'))).toContain('12 months ending Dec 2019');
    expect(await textOf(page.getByTestId('kpi-local-12m').locator('.kpi-value'))).toBe('614');
    await page.screenshot({ path: `${ARTIFACTS}/overdoses-real.png`, fullPage: true });
    expect(b.errors).toEqual([]);
  });

  it('the council briefing on the real files: Malden crime and Allegheny overdoses, one printed page', async () => {
    await page.getByRole('link', { name: 'Briefing' }).click();
    await page.getByTestId('briefing').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    // A workspace of public files only has no program records whose dates the period list offers:
    // the period comes by its address, as a shared link would give it.
    await page.evaluate(() => { history.pushState({}, '', '/reports/briefing?period=2019-H2'); dispatchEvent(new PopStateEvent('popstate')); });
    await page.getByTestId('briefing').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    await page.getByTestId('briefing-crime-series').selectOption('monthly:Malden, Massachusetts');
    await page.getByTestId('briefing-local').selectOption('Allegheny County (incident records)');
    const briefing = page.getByTestId('briefing');
    // Poll: the page may not have re-rendered yet when the selects return.
    await expect.poll(() => textOf(briefing.locator('figure.chart h3').nth(1)), { timeout: 30_000 }).toBe('Addiction-associated offenses: Malden, MA');
    await expect.poll(() => textOf(page.getByTestId('briefing-paragraph')), { timeout: 30_000 }).toContain('Allegheny County');
    await quiet(page);
    // The 24 months up to December 2019 include March 2019 (49 offenses, from Python).
    expect((await row(page, 'chart-crime-trend', 'Mar 2019').allTextContents())[1]).toBe('49');
    const para = await textOf(page.getByTestId('briefing-paragraph'));
    expect(para).toContain('Overdoses in Allegheny County (incident records) over the 12 months to Dec 2019: 614, against 821 in the same 12 months a year earlier.');
    expect(para).toMatch(/addiction-associated offenses recorded by Malden, MA were .* \(95% interval/);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    writeFileSync(`${ARTIFACTS}/briefing-real.pdf`, pdf);
    expect(await readPdf(`${ARTIFACTS}/briefing-real.pdf`)).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });

  it('the grant report with only the real files (no program export in the workspace): N/A with reasons, downloads still work', async () => {
    await page.getByRole('link', { name: 'Grant report' }).click();
    await page.getByTestId('grant-report').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    await quiet(page);
    const values = await page.getByTestId('table-measures').locator('td[data-col=value]').allTextContents();
    expect(values).toHaveLength(11);
    expect(new Set(values)).toEqual(new Set(['N/A']));
    expect(await textOf(page.getByTestId('table-measures').locator('tr[data-row=participants] td[data-col=definition]'))).toBe('N/A: No encounters export is loaded.');
    expect(await textOf(page.getByTestId('narrative-text'))).toMatch(/no program figures can be reported for this period/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(readFileSync((await dl.path())!, 'utf8')).toContain('measures,Grant measures,1,Value,N/A');
    expect(b.errors).toEqual([]);
  });
});
