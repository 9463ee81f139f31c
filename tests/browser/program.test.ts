import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, foreignRequests, openBrowser, openPage, quiet, textOf } from './setup/browser.ts';

/** Waits until nothing on the page is loading and the filter summary is shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=filter-summary]')
    && !document.querySelector('[aria-busy=true], [data-loading=true]'), null, { timeout: 60_000 });
}
/** Waits for the filter summary to read `text`, then for the page to settle. */
async function showing(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByTestId('filter-summary').textContent(), { timeout: 30_000 }).toBe(`Showing: ${text}`);
  await settled(page);
}
/** The address's filter parameters (without the breakdown choice). */
function filterSearch(page: Page): string {
  const params = new URL(page.url()).searchParams;
  params.delete('by');
  const s = params.toString();
  return s ? `?${s}` : '';
}
const kpi = async (page: Page, id: string) => textOf(page.getByTestId(id).locator('.kpi-value'));

/** The program pages on the bundled sample. Expected figures were counted with Python's csv module
 *  from data/sample/encounters.csv (and costs.csv, naloxone.csv), not with the app's SQL. */
describe('program pages on the sample program', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/placements');
    page = b.page;
    await page.getByTestId('kpi-encounters').waitFor({ timeout: 90_000 });
    await settled(page);
  });
  afterAll(async () => { await b?.close(); });

  it('/placements: encounters, people, repeat visits and placements, with a chart for each breakdown', async () => {
    expect(await kpi(page, 'kpi-encounters')).toBe('1,513');
    expect(await kpi(page, 'kpi-people')).toBe('1,114');
    expect(await kpi(page, 'kpi-placed')).toBe('1,075');
    // One breakdown at a time, chosen in the address.
    for (const dim of ['agency', 'residence', 'age_band', 'primary_substance', 'treatment_type']) {
      await page.getByTestId('breakdown-by').selectOption(dim);
      await page.getByTestId(`chart-by-${dim}`).waitFor();
      await settled(page);
      expect(new URL(page.url()).searchParams.get('by')).toBe(dim);
      expect(await page.getByTestId(`chart-by-${dim}`).locator('table tbody tr').count()).toBeGreaterThan(0);
    }
    await page.getByTestId('breakdown-by').selectOption('pathway');
    await page.getByTestId('chart-by-pathway').waitFor();
    await settled(page);
    for (const id of ['chart-monthly', 'chart-by-pathway', 'chart-repeat']) {
      const fig = page.getByTestId(id);
      // An accessible name and description, a drawn SVG, and the table of its data.
      expect(await fig.getAttribute('aria-labelledby')).toBeTruthy();
      expect(await fig.getAttribute('aria-describedby')).toBeTruthy();
      expect(await fig.locator('.plot svg').count()).toBeGreaterThan(0);
      expect(await fig.locator('table tbody tr').count()).toBeGreaterThan(0);
    }
    // The six PTACC pathways are listed in the table, in order.
    const pathways = await page.getByTestId('chart-by-pathway').locator('table tbody tr td:first-child').allTextContents();
    expect(pathways).toEqual(['self-referral', 'active outreach', 'naloxone plus', 'officer prevention', 'officer intervention', 'community response']);
    expect(await textOf(page.getByTestId('methods'))).toContain('Distinct participant pseudonyms');
    await page.screenshot({ path: `${ARTIFACTS}/placements.png`, fullPage: true });
  });

  it('filters live in the address: a link, reload, back and forward give the same view', async () => {
    await page.getByTestId('filter-agency').selectOption('Harbor Point PD');
    await page.getByTestId('period-kind').selectOption('year');
    await page.getByTestId('period').selectOption('2024');
    await showing(page, 'Calendar year 2024 · agency Harbor Point PD');
    expect(filterSearch(page)).toBe('?agency=Harbor+Point+PD&period=2024');
    // Harbor Point PD, encounters dated in 2024: 414 encounters, 345 people, 290 placements.
    expect(await kpi(page, 'kpi-encounters')).toBe('414');
    expect(await kpi(page, 'kpi-people')).toBe('345');
    expect(await kpi(page, 'kpi-placed')).toBe('290');
    expect(await textOf(page.getByTestId('filter-summary'))).toBe('Showing: Calendar year 2024 · agency Harbor Point PD');

    await page.reload();
    await settled(page);
    expect(await kpi(page, 'kpi-encounters')).toBe('414');
    expect(await page.getByTestId('period').inputValue()).toBe('2024');

    await page.goBack(); // to the agency filter alone (before the period was chosen)
    await showing(page, 'All loaded data · agency Harbor Point PD');
    expect(filterSearch(page)).toBe('?agency=Harbor+Point+PD');
    expect(await kpi(page, 'kpi-encounters')).not.toBe('414');
    await page.goForward();
    await showing(page, 'Calendar year 2024 · agency Harbor Point PD');
    expect(await kpi(page, 'kpi-encounters')).toBe('414');

    // The same link opened in a fresh tab of the same session.
    const other = await b.context.newPage();
    await other.goto(page.url());
    await other.getByTestId('kpi-encounters').waitFor({ timeout: 60_000 });
    await settled(other);
    expect(await kpi(other, 'kpi-encounters')).toBe('414');
    await other.close();

    // Moving between program pages keeps the filters.
    await page.getByRole('link', { name: 'Funnel and engagement' }).click();
    await settled(page);
    expect(filterSearch(page)).toBe('?agency=Harbor+Point+PD&period=2024');
    await page.getByTestId('clear-filters').click();
    await showing(page, 'All loaded data');
    expect(filterSearch(page)).toBe('');
  });

  it('the funnel: each step with its count, base and percentage', async () => {
    await page.goto(`${b.base}/placements/funnel`);
    await settled(page);
    const rows = await page.getByTestId('chart-funnel').locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)));
    // 1,513 encounters; 1,372 eligible; 1,291 offered; 1,075 placed; 662 engaged ("yes").
    expect(rows).toEqual([
      ['Encounters', '1,513', '—', '—', '—'],
      ['Eligible', '1,372', 'Encounters', '1,513', '90.7%'],
      ['Placement offered', '1,291', 'Eligible', '1,372', '94.1%'],
      ['Placed in treatment', '1,075', 'Placement offered', '1,291', '83.3%'],
      ['Engaged at 30 days', '662', 'Placed in treatment', '1,075', '61.6%'],
    ]);
    expect(await page.getByTestId('chart-ineligible').locator('table tbody tr').count()).toBeGreaterThan(0);
  });

  it('time to placement, with a tooltip on hover', async () => {
    await page.getByRole('link', { name: 'Time to placement' }).click();
    await settled(page);
    expect(await kpi(page, 'kpi-median')).toBe('6.7 h');
    expect(await kpi(page, 'kpi-p90')).toBe('52.2 h');
    const bars = page.getByTestId('chart-time-bands').locator('.plot svg g[aria-label="bar"] rect');
    // Hovered again on each try: a chart drawn again (its data settling) drops the tip.
    await expect.poll(async () => {
      const box = await bars.first().boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      return page.getByTestId('chart-time-bands').locator('g[aria-label="tip"]').textContent({ timeout: 1_000 }).catch(() => '');
    }, { timeout: 15_000 }).toContain('Placements');
  });

  it('downloads: CSV with the table’s figures, a standalone SVG, a PNG', async () => {
    const fig = page.getByTestId('chart-time-bands');
    const get = async (name: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name }).click()]);
      return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) };
    };
    const csv = await get('Download CSV');
    expect(csv.name).toBe('time-to-placement-distribution.csv');
    expect(csv.body.toString('utf8').split('\r\n')[0]).toBe('Time to placement,Placements,% of placements');
    const svg = await get('Download SVG');
    expect(svg.body.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body.toString('utf8')).toContain('How long placement took');
    const png = await get('Download PNG');
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.body.length).toBeGreaterThan(5_000);
  });

  it('a filter that matches nothing says so', async () => {
    await page.goto(`${b.base}/placements?period=2030`);
    await settled(page);
    expect(await textOf(page.getByTestId('no-match'))).toContain('No encounters match these filters (Calendar year 2030)');
    await page.goto(`${b.base}/placements?period=not-a-period`);
    await settled(page);
    expect(await textOf(page.getByRole('alert'))).toContain('“not-a-period”');
  });

  it('/costs: totals, awards and a cost comparison labelled as an assumption', async () => {
    await page.goto(`${b.base}/costs`);
    await settled(page);
    expect(await kpi(page, 'kpi-total-cost')).toBe('$674,465');
    expect(await kpi(page, 'kpi-cost-per-person')).toBe('$792');
    const awards = await page.getByTestId('awards').locator('table tbody tr').count();
    expect(awards).toBe(2);
    await page.getByTestId('assume-jail-cost').fill('150');
    await page.getByTestId('assume-jail-days').fill('2');
    await page.getByTestId('assume-source').fill('Bay County jail per-diem, FY2025 budget');
    await page.getByRole('button', { name: 'Use these assumptions' }).click();
    // 852 people placed x 2 days x $150.
    expect(await textOf(page.getByTestId('comparison-result'))).toContain('that would be $255,600 of jail cost');
    expect(await textOf(page.getByTestId('cost-comparison'))).toContain('assumptions, not findings');
    await page.getByTestId('filter-pathway').selectOption('self-referral');
    await showing(page, 'All loaded data · pathway self-referral');
    expect(await textOf(page.getByTestId('costs-period-only'))).toContain('narrowed by the period only');
    await page.screenshot({ path: `${ARTIFACTS}/costs.png`, fullPage: true });
  });

  it('/naloxone: administrations, outcomes and kits', async () => {
    await page.goto(`${b.base}/naloxone`);
    await settled(page);
    expect(await kpi(page, 'kpi-administrations')).toBe('288');
    expect(await kpi(page, 'kpi-kits')).toBe('575');
    expect(await page.getByTestId('chart-naloxone').locator('table tbody tr').count()).toBeGreaterThan(12);
  });

  it('an export without costs or naloxone: the pages say what they cannot show', async () => {
    await page.goto(`${b.base}/data`);
    await page.getByTestId('loaded-files').waitFor({ timeout: 60_000 });
    // The sample's encounters alone, added as a user's file: it starts a workspace of its own.
    await page.getByTestId('file-input').setInputFiles('data/sample/encounters.csv');
    await page.locator('[data-testid=upload].loaded', { hasText: 'encounters.csv' }).waitFor({ timeout: 60_000 });
    await quiet(page);
    expect(await page.getByTestId('loaded-files').locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Costs' }).click();
    expect(await textOf(page.getByTestId('missing-table'))).toContain('No cost ledger is loaded');
    await page.getByRole('link', { name: 'Naloxone' }).click();
    await settled(page);
    expect(await textOf(page.getByTestId('no-naloxone-log'))).toContain('No naloxone log is loaded');
    expect(await kpi(page, 'kpi-kits')).toBe('575');
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});

/** A program export whose column names the app does not know, mapped by the user. Figures worked
 *  out by hand from the eight rows below. */
const ODD = `Visit No,Client Code,Contact Date,Dept,Referral Route,Eligible,Offered Tx,Placed On,Level of Care,30-day engaged
V1,C1,2024-02-01 10:00,Elm County SO,self-referral,yes,yes,2024-02-01 16:00,detox,yes
V2,C2,2024-02-03 09:00,Elm County SO,active outreach,yes,yes,2024-02-05 09:00,outpatient,no
V3,C1,2024-02-20 11:00,Elm County SO,self-referral,yes,yes,,none,
V4,C3,2024-03-02 08:00,Elm County SO,naloxone plus,no,,,,
V5,C4,2024-03-09 14:00,Elm County SO,self-referral,yes,yes,2024-03-09 20:00,MOUD buprenorphine,yes
V6,C5,2024-03-15 10:00,Elm County SO,community response,yes,no,,,
V7,C4,2024-04-01 10:00,Elm County SO,self-referral,yes,yes,2024-04-02 10:00,residential long-term,unknown
V8,C6,2024-04-11 12:00,Elm County SO,officer intervention,yes,yes,2024-04-11 13:00,detox,yes
`;

describe('a program export with other column names, mapped by the user', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/data');
    page = b.page;
    await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
  });
  afterAll(async () => { await b?.close(); });

  it('maps the columns, loads, and the program pages show its figures', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dd-odd-')), 'elm_county_export.csv');
    writeFileSync(file, ODD);
    await page.getByTestId('file-input').setInputFiles(file);
    const card = page.locator('[data-testid=upload]', { hasText: 'elm_county_export.csv' });
    await card.getByTestId('kind-select').waitFor();
    await card.getByTestId('kind-select').selectOption('encounters');
    for (const [label, column] of [['Encounter ID', 'Visit No'], ['Participant (pseudonym)', 'Client Code'], ['Encounter date', 'Contact Date'],
      ['Agency', 'Dept'], ['Pathway', 'Referral Route'], ['Placement offered', 'Offered Tx'], ['Placement date', 'Placed On'],
      ['Engaged at 30 days', '30-day engaged']] as const) {
      await card.getByLabel(label, { exact: false }).first().selectOption(column);
    }
    await page.screenshot({ path: `${ARTIFACTS}/mapping-user.png`, fullPage: true });
    await card.getByRole('button', { name: 'Load this file' }).click();
    await page.locator('[data-testid=upload].loaded', { hasText: 'elm_county_export.csv' }).waitFor({ timeout: 30_000 });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('8');

    // Client-side navigation: the loaded data live in this page's memory.
    await page.getByRole('link', { name: 'Placements' }).click();
    await page.getByTestId('filter-agency').locator('option[value="Elm County SO"]').waitFor({ state: 'attached' });
    await page.getByTestId('filter-agency').selectOption('Elm County SO');
    await showing(page, 'All loaded data · agency Elm County SO');
    // 8 encounters by 6 people (C1 and C4 twice); placed V1 V2 V5 V7 V8 = 5, people C1 C2 C4 C6 = 4.
    expect(await kpi(page, 'kpi-encounters')).toBe('8');
    expect(await kpi(page, 'kpi-people')).toBe('6');
    expect(await kpi(page, 'kpi-placed')).toBe('5');
    expect(await kpi(page, 'kpi-repeat')).toBe('2');
    await page.getByRole('link', { name: 'Funnel and engagement' }).click();
    await settled(page);
    const counts = await page.getByTestId('chart-funnel').locator('table tbody tr td:nth-child(2)').allTextContents();
    // Eligible 7 (V4 no); offered 6 (V6 no); placed 5 (V3 none); engaged 3 (V1 V5 V8).
    expect(counts).toEqual(['8', '7', '6', '5', '3']);
    await page.getByRole('link', { name: 'Time to placement' }).click();
    await settled(page);
    // Hours 6, 48, 6, 24, 1: median 6.
    expect(await kpi(page, 'kpi-median')).toBe('6.0 h');
    expect(await kpi(page, 'kpi-within24')).toBe('80%');
    expect(b.errors).toEqual([]);
  });
});

/** Counts the queries the page sends to DuckDB's worker (installed before the app starts). */
const QUERY_SPY = `(() => {
  const W = window.Worker;
  window.__queries = 0;
  window.Worker = function (url, opts) {
    const w = new W(url, opts);
    const post = w.postMessage.bind(w);
    w.postMessage = (m, t) => { if (m && typeof m.type === 'string' && m.type.includes('QUERY')) window.__queries++; return post(m, t); };
    return w;
  };
})()`;
const queries = (page: Page) => page.evaluate(() => (window as unknown as { __queries: number }).__queries);

describe('the program records in the page', () => {
  it('filter changes are worked out in the page from the records read at load: the same figures, and no query reaches the database', async () => {
    const b = await openBrowser();
    try {
      const { page } = b;
      await page.addInitScript(QUERY_SPY);
      await page.goto(b.base + '/placements');
      await page.locator('[data-program-records=ready]').waitFor({ timeout: 90_000 });
      await settled(page);
      // The bundled sample's files load one after another at start (the page says so until the
      // last is in), and the records are read again after each program file.
      await quiet(page);
      await page.locator('[data-program-records=ready]').waitFor();
      const before = await queries(page);
      await page.getByTestId('filter-agency').selectOption('Harbor Point PD');
      await page.getByTestId('period-kind').selectOption('year');
      await page.getByTestId('period').selectOption('2024');
      await showing(page, 'Calendar year 2024 · agency Harbor Point PD');
      // The figures counted with Python's csv module (the test above): 414 encounters, 345 people, 290 placements.
      expect(await kpi(page, 'kpi-encounters')).toBe('414');
      expect(await kpi(page, 'kpi-people')).toBe('345');
      expect(await kpi(page, 'kpi-placed')).toBe('290');
      expect(await queries(page)).toBe(before);
      await page.getByRole('link', { name: 'Funnel and engagement' }).click();
      await settled(page);
      const funnelBefore = await queries(page);
      await page.getByTestId('filter-agency').selectOption('');
      await showing(page, 'Calendar year 2024');
      expect(await page.getByTestId('chart-funnel').locator('table tbody tr').count()).toBe(5);
      expect(await queries(page)).toBe(funnelBefore);
      // The address follows each change (written after the repaint), and back returns to the view
      // before it, in this page's state, without a reload.
      await expect.poll(() => filterSearch(page)).toBe('?period=2024');
      await page.goBack();
      await showing(page, 'Calendar year 2024 · agency Harbor Point PD');
      expect(filterSearch(page)).toBe('?agency=Harbor+Point+PD&period=2024');
      expect(await page.getByTestId('chart-funnel').locator('table tbody tr td:nth-child(2)').first().textContent()).toBe('414');
      await page.goForward();
      await showing(page, 'Calendar year 2024');
      expect(await page.getByTestId('methods').count()).toBe(1);
    } finally {
      await b.close();
    }
  }, 120_000);
});
