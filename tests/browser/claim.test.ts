import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf.ts';
import { SAMPLE } from '../helpers/node.ts';
import { ARTIFACTS, foreignRequests, openPage, quiet, textOf } from './setup/browser.ts';

/** /claim on the bundled sample, as a user reaches it from /crime: a claim stated with the form,
 *  its arithmetic against counts worked out here from the sample's CSV, the verdict, the chart,
 *  the printout on one page, the link that reopens it, and the briefing's claim section. */
const ASSOCIATED = new Set(['220', '23A', '23B', '23C', '23D', '23E', '23F', '23G', '23H', '240', '280', '35A', '35B']);
const incidents = Papa.parse<Record<string, string>>(readFileSync(join(SAMPLE, 'crime_incidents.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const count = (from: string, to: string) => incidents.filter((r) => ASSOCIATED.has(r.nibrs_code!) && r.date!.slice(0, 7) >= from && r.date!.slice(0, 7) <= to).length;
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

describe('checking a claim on the sample', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => { b = await openPage('/crime'); }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('is reached from /crime with the series chosen there, and states the claim with the form', async () => {
    const { page } = b;
    await page.getByTestId('crime-claim-link').click();
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('claim-series').inputValue()).toBe('crime:incidents:Harbor Point PD');
    await page.getByTestId('claim-kind-same-months').check();
    await page.getByTestId('claim-from').fill('2023-06');
    await page.getByTestId('claim-to').fill('2023-08');
    await page.getByTestId('claim-claimed').fill('-23');
    await page.getByTestId('claim-quote').fill('Shoplifting, burglary and larceny complaints down 23%');
    await quiet(page);
    await expect.poll(() => textOf(page.getByTestId('claim-stated'))).toContain('Jun–Aug 2023 against Jun–Aug 2022, −23% claimed');
  });

  it('reproduces the claim\'s arithmetic from the same counts as the CSV gives', async () => {
    const { page } = b;
    const before = count('2022-06', '2022-08'), after = count('2023-06', '2023-08');
    const rows = await page.getByTestId('claim-arithmetic').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Earlier: Jun–Aug 2022', '3', before.toLocaleString('en-US'), (before / 3).toFixed(1)],
      ['Later: Jun–Aug 2023', '3', after.toLocaleString('en-US'), (after / 3).toFixed(1)],
    ]);
    const pct = (after / before - 1) * 100;
    const shown = Math.abs(pct) >= 10 ? Math.round(Math.abs(pct)) : Math.round(Math.abs(pct) * 10) / 10;
    expect(await textOf(page.getByTestId('claim-arithmetic-percent'))).toBe(`${pct < 0 ? '−' : '+'}${shown}%`);
    expect(await textOf(page.getByTestId('claim-mismatch'))).toContain('The claim says −23%');
  });

  it('gives the verdict from the fixed set, the supported change with its interval, and the chart with its table', async () => {
    const { page } = b;
    const verdict = page.getByTestId('claim-verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('larger');
    expect(await textOf(verdict)).toMatch(/^Verdict: Larger than the data support ?−23% is more than the data support: once the trend before the launch and the seasons are allowed for/);
    expect(await textOf(page.getByTestId('claim-supported-interval'))).toMatch(/^[−+]?\d+(\.\d)?% to [−+]?\d+(\.\d)?%$/);
    expect(await textOf(verdict)).not.toMatch(/caused|because of the program/);
    const chart = page.getByTestId('chart-claim');
    await chart.locator('.plot svg').first().waitFor();
    await chart.getByRole('button', { name: 'Show data table' }).click();
    const jul = await chart.locator('table tbody tr', { hasText: 'Jul 2023' }).first().locator('td').allTextContents();
    expect(jul.slice(0, 3)).toEqual(['Jul 2023', 'Later: Jun–Aug 2023', String(count('2023-07', '2023-07'))]);
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe.run(document.querySelector('main'), { resultTypes: ['violations'] });
      return r.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/claim.png`, fullPage: true });
  });

  it('prints on one page, and its address reopens the same check', async () => {
    const { page } = b;
    const pdf = `${ARTIFACTS}/claim.pdf`;
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('Verdict: Larger than the data support');
    expect(pages[0]!.text).toContain('Shoplifting, burglary and larceny complaints down 23%');
    const verdict = await textOf(page.getByTestId('claim-verdict'));
    await page.goto(page.url());
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    await quiet(page);
    expect(await textOf(page.getByTestId('claim-verdict'))).toBe(verdict);
    expect(await page.getByTestId('claim-claimed').inputValue()).toBe('-23');
  });

  it('goes into the council briefing as a section of its own, still one page', async () => {
    const { page } = b;
    await page.getByTestId('claim-to-briefing').click();
    const section = page.getByTestId('briefing-claim');
    await section.waitFor({ timeout: 60_000 });
    await page.getByTestId('briefing').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
    expect(await textOf(page.getByTestId('briefing-claim-verdict'))).toBe('Verdict: larger than the data support.');
    const pdf = `${ARTIFACTS}/briefing-claim.pdf`;
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('A claim checked:');
    expect(foreignRequests(b.requests, b.base)).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('with a comparison area, the model is the controlled one and the area is named', async () => {
    const { page } = b;
    await page.goto(`${b.base}/claim?kind=since-launch&claimed=-40`);
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    await page.getByTestId('claim-compare').selectOption('crime:monthly:Gannet Bay PD');
    await quiet(page);
    await expect.poll(() => textOf(page.getByTestId('claim-stated'))).toContain('with Gannet Bay PD as the comparison area');
    expect(await textOf(page.getByTestId('claim-supported'))).toContain('with the comparison area');
    expect(await textOf(page.getByTestId('claim-verdict'))).toContain('the seasons and the comparison area are allowed for');
  });

  it('a claim about overdoses: the local series, its arithmetic from the sample\'s monthly counts', async () => {
    const { page } = b;
    const od = Papa.parse<Record<string, string>>(readFileSync(join(SAMPLE, 'overdoses_monthly.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const total = (y: string) => od.filter((r) => r.month!.startsWith(y)).reduce((t, r) => t + Number(r.fatal) + Number(r.nonfatal), 0);
    await page.goto(`${b.base}/overdoses`);
    await page.getByTestId('overdose-claim-link').click();
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('claim-series').inputValue()).toBe('overdose:Harbor Point');
    await page.getByTestId('claim-kind-year').check();
    await page.getByTestId('claim-year').fill('2024');
    await quiet(page);
    await expect.poll(() => textOf(page.getByTestId('claim-stated'))).toContain('overdoses in Harbor Point, Jan–Dec 2024 against Jan–Dec 2023');
    const counts = await page.getByTestId('claim-arithmetic').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(counts).toEqual([total('2023').toLocaleString('en-US'), total('2024').toLocaleString('en-US')]);
    expect(['supported', 'larger', 'no-change', 'cannot']).toContain(await page.getByTestId('claim-verdict').getAttribute('data-verdict'));
  });

  it('a claim about the years before the launch cannot be checked, and says why', async () => {
    const { page } = b;
    await page.goto(`${b.base}/claim?kind=year&year=2020`);
    await page.getByTestId('claim-verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('claim-verdict').getAttribute('data-verdict')).toBe('cannot');
    expect(await textOf(page.getByTestId('claim-verdict'))).toContain('Both periods are before the launch');
  });
});
