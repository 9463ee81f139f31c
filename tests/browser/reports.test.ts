import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, quiet, textOf } from './setup/browser.ts';
import { readPdf } from '../helpers/pdf.ts';

/** The council briefing and the grant report on the sample program, in Chromium: the briefing
 *  prints on exactly one US Letter page, the grant report on several with the program, period and
 *  page numbers on each and no chart split between pages, the downloads hold the report's figures,
 *  and every grant measure equals the figure the analytics pages show for the same filters.
 *  Expected figures for Q2 2025 were worked out with Python's csv module over data/sample. */

/** Text of each page of a PDF, whitespace collapsed. */
const pdfPages = async (path: string): Promise<string[]> => (await readPdf(path)).map((p) => p.text);

/** Prints the page as the print dialog's "Save as PDF" would, into the test artifacts (to look at
 *  the pages: `pdftoppm -r 70 -png tests/browser/.artifacts/briefing.pdf briefing`). */
async function printToPdf(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}/${name}.pdf`;
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return path;
}

const num = (s: string) => Number(s.replace(/[^0-9.]/g, ''));

async function kpi(page: Page, path: string, testId: string): Promise<string> {
  await page.goto(new URL(path, page.url()).href);
  await page.getByTestId(testId).waitFor({ timeout: 60_000 });
  await quiet(page);
  return textOf(page.getByTestId(testId).locator('.kpi-value'));
}

describe('council briefing', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/reports/briefing');
    page = b.page;
    await page.getByTestId('briefing').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    await quiet(page);
  }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('opens on the newest complete quarter, with comparisons, the paragraph, the sample label and the date', async () => {
    expect(new URL(page.url()).searchParams.get('period')).toBe('2025-Q2');
    expect(await textOf(page.getByTestId('report-synthetic'))).toMatch(/Synthetic sample data/);
    expect(await textOf(page.getByTestId('report-generated'))).toMatch(/^Generated \w+ \d+, 20\d\d/);
    // Python: 124 people (115 in Q1 2025, 106 in Q2 2024); 97 people placed (82, 71); naloxone log 9 (7, 9).
    const people = page.getByTestId('headline-people');
    expect(await textOf(people.getByTestId('value'))).toBe('124');
    expect(await textOf(people.getByTestId('vs-previous'))).toBe('+9 (+8%)');
    expect(await textOf(people.getByTestId('vs-last-year'))).toBe('+18 (+17%)');
    expect(await textOf(page.getByTestId('headline-placed').getByTestId('vs-last-year'))).toBe('+26 (+37%)');
    expect(await textOf(page.getByTestId('headline-naloxone').getByTestId('vs-previous'))).toBe('+2');
    const para = await textOf(page.getByTestId('briefing-paragraph'));
    expect(para).toMatch(/^In Q2 2025 \(Apr–Jun\), 124 people came to .* over 134 encounters \(against 115 in Q1 2025 and 106 in Q2 2024\)\./);
    expect(para).toMatch(/95% interval/);
    expect(para).toMatch(/do not show that the program caused/);
    expect(await page.locator('.briefing figure.chart').count()).toBe(3);
    expect(b.errors).toEqual([]);
  });

  it('prints on exactly one US Letter page with no chart clipped', async () => {
    const pdf = await printToPdf(page, 'briefing');
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Council briefing · Q2 2025 (Apr–Jun)');
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[0]).toContain('Sources and methods');
    // Letter: 612 x 792 points.
    expect((await readPdf(pdf)).map((p) => [p.width, p.height])).toEqual([[612, 792]]);
    // Laid out for print: every chart lies inside its frame and inside the printable width.
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.locator('.briefing figure.chart').evaluateAll((figs) => figs.map((f) => {
      const fr = f.getBoundingClientRect();
      const svg = f.querySelector('.plot > svg, .plot > figure > svg')!.getBoundingClientRect();
      return { inside: svg.left >= fr.left - 1 && svg.right <= fr.right + 1 && svg.top >= fr.top - 1 && svg.bottom <= fr.bottom + 1, width: fr.width, svgHeight: svg.height };
    }));
    // Back to no emulation: page.pdf() prints with print media only when none is emulated.
    await page.emulateMedia({ media: null });
    for (const box of boxes) {
      expect(box.inside).toBe(true);
      expect(box.width).toBeLessThanOrEqual(7.4 * 96 + 1);
      expect(box.svgHeight).toBeGreaterThan(60);
    }
  });

  it('a period with no program records says so and still prints one page', async () => {
    await page.goto(`${b.base}/reports/briefing?period=2021-Q3`);
    await page.getByTestId('briefing').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    await quiet(page);
    expect(await textOf(page.getByTestId('report-empty'))).toMatch(/^The program had not started in Q3 2021 \(Jul–Sep\) \(launch Mar 1, 2022\)/);
    expect(await textOf(page.getByTestId('briefing-paragraph'))).toMatch(/had not started in Q3 2021 \(Jul–Sep\) \(launch Mar 1, 2022\); what follows is context/);
    // Before the launch there is no figure to report: a dash, never a zero nobody counted.
    expect(await textOf(page.getByTestId('headline-people').getByTestId('value'))).toBe('—');
    expect(await pdfPages(await printToPdf(page, 'briefing-empty'))).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });
});

describe('council briefing of the launch quarter', () => {
  it('says the program ran for only part of the period, and still prints one page', async () => {
    const b = await openPage('/reports/briefing?period=2022-Q1');
    try {
      await b.page.getByTestId('briefing').and(b.page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
      await quiet(b.page);
      expect(await textOf(b.page.getByTestId('report-partial'))).toMatch(/^The program launched on Mar 1, 2022, inside this period, so it ran for only part of it/);
      // Python: 13 encounters in March 2022 by 13 people; Q4 2021 is before the launch, so no comparison.
      expect(await textOf(b.page.getByTestId('headline-people').getByTestId('value'))).toBe('13');
      expect(await textOf(b.page.getByTestId('headline-people').getByTestId('vs-previous'))).toBe('no figure to compare');
      expect(await pdfPages(await printToPdf(b.page, 'briefing-launch'))).toHaveLength(1);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 120_000);
});

describe('grant report', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  const open = async (search: string) => {
    await page.goto(`${b.base}/reports/grant${search}`);
    await page.getByTestId('grant-report').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
    await quiet(page);
  };
  const measure = async (id: string) => textOf(page.getByTestId('table-measures').locator(`tr[data-row="${id}"] td[data-col=value]`));
  beforeAll(async () => {
    b = await openPage('/');
    page = b.page;
  }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('Q2 2025: every COSSUP measure, 0 or a number or N/A, never blank', async () => {
    await open('?period=2025-Q2');
    const rows = await page.getByTestId('table-measures').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-row'), tr.querySelector('td[data-col=value]')!.textContent]));
    expect(Object.fromEntries(rows)).toEqual({
      referred_treatment: '87', referred_recovery: '10', trained_naloxone: 'N/A', kits_distributed: '51', people_given_kits: '49',
      naloxone_administrations: '9', moud: '19', participants: '124', median_hours: '5.2', within_24h: '79', engaged_30d: '47',
    });
    expect(await textOf(page.getByTestId('narrative-text'))).toMatch(/worked with 124 people over 134 encounters/);
    for (const id of ['by_pathway', 'by_treatment_type', 'by_agency', 'by_age_band', 'by_sex', 'by_race_ethnicity', 'monthly', 'naloxone']) {
      await page.getByTestId(`table-${id}`).waitFor();
    }
    expect(b.errors).toEqual([]);
  });

  it('one truth: each measure equals the analytics pages’ figure for the same filters', async () => {
    for (const search of ['?period=2025-Q2', '?period=2025-Q2&agency=Bay+County+Sheriff']) {
      await open(search);
      const report: Record<string, string> = {};
      for (const id of ['participants', 'referred_treatment', 'referred_recovery', 'moud', 'kits_distributed', 'people_given_kits',
        'naloxone_administrations', 'median_hours', 'within_24h', 'engaged_30d', 'trained_naloxone']) report[id] = await measure(id);
      const pages: Record<string, string> = {
        participants: await kpi(page, `/placements${search}`, 'kpi-people'),
        referred_treatment: await textOf(page.getByTestId('kpi-referred-treatment').locator('.kpi-value')),
        referred_recovery: await textOf(page.getByTestId('kpi-referred-recovery').locator('.kpi-value')),
        moud: await textOf(page.getByTestId('kpi-moud').locator('.kpi-value')),
        median_hours: await kpi(page, `/placements/time${search}`, 'kpi-median'),
        within_24h: await textOf(page.getByTestId('kpi-within24').locator('.kpi-value')),
        engaged_30d: await kpi(page, `/placements/funnel${search}`, 'kpi-engaged-rate'),
        naloxone_administrations: await kpi(page, `/naloxone${search}`, 'kpi-administrations'),
        kits_distributed: await textOf(page.getByTestId('kpi-kits').locator('.kpi-value')),
        people_given_kits: await textOf(page.getByTestId('kpi-kit-people').locator('.kpi-value')),
      };
      for (const [id, shown] of Object.entries(pages)) expect(num(report[id]!), `${search} ${id}: report ${report[id]}, page ${shown}`).toBe(num(shown));
      // The one measure without a page figure: the export records no training.
      expect(report.trained_naloxone).toBe('N/A');
    }
  });

  it('downloads: one CSV and an .xlsx workbook with every table', async () => {
    await open('?period=2025-Q2');
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(csvDl.suggestedFilename()).toMatch(/^harbor-point-anchor-program-synthetic-sample-grant-report-2025-q2\.csv$/);
    const csv = Papa.parse<Record<string, string>>(readFileSync((await csvDl.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const cell = (table: string, row: number, column: string) => csv.find((r) => r.table === table && r.row === String(row) && r.column === column)?.value;
    expect(cell('measures', 1, 'Measure')).toBe('People referred to substance use treatment');
    expect(cell('measures', 1, 'Value')).toBe('87');
    expect(cell('measures', 3, 'Value')).toBe('N/A');
    expect(new Set(csv.map((r) => r.table))).toEqual(new Set(['about', 'measures', 'by_pathway', 'by_treatment_type', 'by_agency', 'by_age_band',
      'by_sex', 'by_race_ethnicity', 'monthly', 'naloxone']));

    const [xlsxDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const file = (await xlsxDl.path())!;
    expect(xlsxDl.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = await readXlsxFile(readFileSync(file));
    expect(book.map((s) => s.sheet)).toEqual(['About', 'measures', 'by_pathway', 'by_treatment_type', 'by_agency', 'by_age_band', 'by_sex',
      'by_race_ethnicity', 'monthly', 'naloxone']);
    const measures = book[1]!.data;
    expect(measures[0]!.slice(0, 3)).toEqual(['Measure', 'Value', 'Unit']);
    expect(measures[1]!.slice(0, 2)).toEqual(['People referred to substance use treatment', 87]);
    expect(measures[3]![1]).toBe('N/A');
  });

  it('prints to a multi-page PDF: header and page numbers on every page, no chart split', async () => {
    await open('?period=2025-Q2');
    const charts = await page.locator('.grant-report figure.chart').evaluateAll((figs) => figs.map((f) => ({
      title: f.querySelector('h3')!.textContent!.replace(/\s+/g, ' ').trim(),
      end: f.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim().slice(-40),
    })));
    expect(charts.length).toBe(4);
    const pages = await pdfPages(await printToPdf(page, 'grant-report'));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain('Harbor Point ANCHOR Program (synthetic sample) · Grant report · Q2 2025 (Apr–Jun)');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    for (const c of charts) {
      const at = pages.findIndex((p) => p.includes(c.title));
      expect(at, c.title).toBeGreaterThanOrEqual(0);
      expect(pages[at], `${c.title} ends on its own page`).toContain(c.end);
    }
    // The controls are not printed.
    expect(pages.join(' ')).not.toContain('Download all tables');
  });

  it('a period with no records: the report says so, with N/A and reasons, not an error', async () => {
    await open('?period=2021-Q3');
    expect(await textOf(page.getByTestId('report-empty'))).toMatch(/No program encounters fall in this period/);
    expect(await measure('participants')).toBe('N/A');
    expect(await textOf(page.getByTestId('table-measures').locator('tr[data-row=participants] td[data-col=definition]')))
      .toMatch(/program had not started \(launch Mar 1, 2022\)/);
    // Officers' naloxone log runs from 2019: counted.
    expect(await measure('naloxone_administrations')).toMatch(/^\d+$/);
    expect(b.errors).toEqual([]);
  });
});
