import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, quiet, textOf } from './setup/browser.ts';

/** Files added untouched, as a newcomer adds them: a month of incidents whose dates read either
 *  way, added with files of the same layout whose dates settle it; a program export in its own
 *  words and values; two files of a layout nothing recognises, set up once on one card. */

const dir = mkdtempSync(join(tmpdir(), 'dd-untouched-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** One month of a city's incidents, MM/DD/YYYY, five a day from the 1st to `lastDay`. */
function month(m: number, lastDay: number): string {
  const rows = ['Incident Number,Date Occurred,Offense,Agency'];
  for (let d = 1; d <= lastDay; d++) {
    for (let i = 0; i < 5; i++) rows.push(`${m}-${d}-${i},${pad(m)}/${pad(d)}/2023 ${pad(8 + i)}:15,${i % 2 ? 'Shoplifting' : 'Burglary'},Harbor City PD`);
  }
  return `${rows.join('\n')}\n`;
}
// January stops on the 12th: every date in it reads either way; February's 13th onwards settle it.
const JAN = write('incidents-2023-01.csv', month(1, 12));
const FEB = write('incidents-2023-02.csv', month(2, 28));

/** A program export in its records system's words: 70 contacts, 10 of each level of care. */
const CARE = ['Inpatient detox', 'Bup/Nx', 'IOP', 'Vivitrol', 'Methadone', 'Residential', 'None'];
const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
const INTAKE = write('intake-log.csv', `Contact No.,Participant Code,Date Seen,Referral Source,Level of Care,Date Placed,Gender\n${
  Array.from({ length: 70 }, (_, i) => `C-${1000 + i},PC${(i * 7) % 45},${day(i * 3)},${['Self', 'Walk-in', 'Outreach'][i % 3]},${CARE[i % 7]},${
    CARE[i % 7] === 'None' ? '' : day(i * 3 + (i % 2))},${i % 2 ? 'M' : 'F'}`).join('\n')}\n`);

/** Two exports whose headers no list knows: the values say what they are, but not surely enough to load unasked. */
const ownWords = (from: number) => `Ref,Who,Seen,Placed,Care,Route\n${Array.from({ length: 40 }, (_, i) =>
  `R${from + i},W${i % 13},${day(from + i)},${day(from + i + (i % 3))},${['Inpatient detox', 'Bup/Nx', 'IOP', 'Vivitrol'][i % 4]},${['Self', 'Walk-in', 'Self'][i % 3]}`).join('\n')}\n`;
const OWN_A = write('own-a.csv', ownWords(0));
const OWN_B = write('own-b.csv', ownWords(100));

/** A city's monthly extracts, which never name their agency. */
const noAgency = (m: number) => `Incident Number,Date Occurred,Offense\n${Array.from({ length: 30 }, (_, i) =>
  `${m}-${i},2023-${pad(m)}-${pad(1 + (i % 28))},${i % 2 ? 'Shoplifting' : 'Burglary'}`).join('\n')}\n`;
const MAR = write('city-2023-03.csv', noAgency(3));
const APR = write('city-2023-04.csv', noAgency(4));

const card = (page: Page, name: string) => page.locator(`[data-testid=upload][aria-label="File ${name}"]`);
const loadedCard = (page: Page, name: string) => page.locator(`[data-testid=upload].loaded[aria-label="File ${name}"]`);

async function inNewProfile(fn: (page: Page, base: string) => Promise<void>): Promise<void> {
  const b = await openBrowser();
  const errors: string[] = [];
  b.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(b.page, b.base);
    expect(errors).toEqual([]);
  } finally {
    await b.close();
  }
}

describe('files added untouched', () => {
  it('a month whose dates read either way is settled by a file of its layout added with it: nothing is asked', async () => {
    await inNewProfile(async (page, base) => {
      await page.goto(`${base}/data`);
      await page.getByTestId('file-input').setInputFiles([JAN, FEB]);
      for (const f of ['incidents-2023-01.csv', 'incidents-2023-02.csv']) {
        await loadedCard(page, f).waitFor({ timeout: 90_000 });
      }
      await quiet(page);
      expect(await page.getByTestId('date-order').count()).toBe(0);
      expect(await textOf(card(page, 'incidents-2023-01.csv').getByTestId('rows-loaded'))).toBe('60');
      expect(await textOf(card(page, 'incidents-2023-02.csv').getByTestId('rows-loaded'))).toBe('140');
      const report = await textOf(card(page, 'incidents-2023-01.csv').getByTestId('load-report'));
      expect(report).toContain('dates were read as month/day (MM/DD/YYYY), because "incidents-2023-02.csv", a file of the same layout added with it, has dates such as "02/13/2023 08:15" that can only be read so.');
      await card(page, 'incidents-2023-01.csv').screenshot({ path: `${ARTIFACTS}/untouched-settled-by-sibling.png` });
    });
  });

  it('a program export in its own words loads unasked, its values recoded, and a value can be changed after loading', async () => {
    await inNewProfile(async (page, base) => {
      await page.goto(`${base}/data`);
      await page.getByTestId('file-input').setInputFiles(INTAKE);
      const c = loadedCard(page, 'intake-log.csv');
      await c.waitFor({ timeout: 90_000 });
      await quiet(page);
      expect(await textOf(c.getByTestId('rows-loaded'))).toBe('70');
      const report = await textOf(c.getByTestId('load-report'));
      expect(report).toContain('Contact No. → Encounter ID; Participant Code → Participant (pseudonym); Date Seen → Encounter date');
      expect(report).toContain('Values kept as written, so they count under no treatment type in breakdowns and funder measures: "Residential" (10).');
      // The value table, from the whole file: each value, its rows, what it counts as, and why.
      const values = c.getByTestId('value-table');
      await values.locator('summary').click();
      const care = values.locator('table', { hasText: 'Treatment type (column "Level of Care")' });
      const row = (v: string) => care.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${v.replace('/', '\\/')}$`) }) });
      expect(await textOf(row('Bup/Nx').locator('td').first())).toBe('10');
      expect(await row('Bup/Nx').locator('select').inputValue()).toBe('MOUD buprenorphine');
      expect(await textOf(row('Bup/Nx').locator('td').last())).toBe('suggested');
      expect(await row('Residential').locator('select').inputValue()).toBe('');
      await c.screenshot({ path: `${ARTIFACTS}/untouched-value-table.png` });
      // Changed after loading, by keyboard-reachable select: the file loads again with the answer.
      await row('Residential').locator('select').selectOption('residential long-term');
      const again = loadedCard(page, 'intake-log.csv');
      await page.waitForFunction(() => !document.querySelector('[data-testid=load-report]')?.textContent?.includes('"Residential" (10)'), undefined, { timeout: 60_000 });
      await again.waitFor({ timeout: 60_000 });
      await quiet(page);
      const table2 = again.getByTestId('value-table');
      await table2.locator('summary').click();
      const r2 = table2.locator('table', { hasText: 'Level of Care' }).locator('tbody tr', { has: page.locator('th', { hasText: /^Residential$/ }) });
      expect(await r2.locator('select').inputValue()).toBe('residential long-term');
      expect(await textOf(r2.locator('td').last())).toBe('your answer');
      expect(await textOf(again.getByTestId('load-report'))).not.toContain('Values kept as written, so they count under no treatment type');
      // After a reload the file is restored with the answer; its card opens again from the list of loaded files.
      await page.reload();
      await page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
      await quiet(page);
      await page.getByRole('button', { name: 'Change the mapping or values of intake-log.csv' }).click();
      // It opens for the change, without loading again until asked.
      const reopened = card(page, 'intake-log.csv');
      await reopened.getByTestId('value-table').waitFor({ timeout: 60_000 });
      expect(await reopened.getByRole('button', { name: 'Load this file' }).isEnabled()).toBe(true);
      await reopened.getByTestId('value-table').locator('summary').click();
      const r3 = reopened.getByTestId('value-table').locator('table', { hasText: 'Level of Care' }).locator('tbody tr', { has: page.locator('th', { hasText: /^Residential$/ }) });
      expect(await r3.locator('select').inputValue()).toBe('residential long-term');
      expect(await textOf(r3.locator('td').last())).toBe('your answer');
    });
  });

  it('two files of a layout nothing recognises share one card\'s choices: why is said, and one Load loads both', async () => {
    await inNewProfile(async (page, base) => {
      await page.goto(`${base}/data`);
      await page.getByTestId('file-input').setInputFiles([OWN_A, OWN_B]);
      const a = card(page, 'own-a.csv');
      await a.getByTestId('batch-note').waitFor({ timeout: 90_000 });
      expect(await textOf(a.getByTestId('batch-note'))).toContain('One other file added with this one has the same columns (own-b.csv)');
      expect(await card(page, 'own-b.csv').getByTestId('kind-select').count()).toBe(0);
      await page.getByTestId('file-input').scrollIntoViewIfNeeded();
      await page.locator('section[aria-label="Files added"]').screenshot({ path: `${ARTIFACTS}/untouched-batch-cards.png` });
      const why = a.getByTestId('recognition-why');
      await why.locator('summary').click();
      expect(await textOf(why)).toContain('Found from the values, not the headers: encounter id ("Ref")');
      expect(await a.getByTestId('kind-select').inputValue()).toBe('encounters');
      await a.screenshot({ path: `${ARTIFACTS}/untouched-batch-card.png` });
      await a.getByRole('button', { name: 'Load these 2 files' }).click();
      for (const f of ['own-a.csv', 'own-b.csv']) await loadedCard(page, f).waitFor({ timeout: 90_000 });
      expect(await textOf(card(page, 'own-b.csv').getByTestId('rows-loaded'))).toBe('40');
    });
  });

  it('incident extracts without an agency column, dropped together, ask for the agency once and load as one series', async () => {
    await inNewProfile(async (page, base) => {
      await page.goto(`${base}/data`);
      await page.getByTestId('file-input').setInputFiles([MAR, APR]);
      const question = page.getByTestId('typed-values').first();
      await question.waitFor({ timeout: 90_000 });
      // One question for the batch: the second file's card follows the first's.
      expect(await page.getByTestId('typed-values').count()).toBe(1);
      expect(await textOf(card(page, 'city-2023-04.csv').getByTestId('follows'))).toContain('Same columns as city-2023-03.csv: its kind, mapping, values and answers are set on that file\'s card');
      expect(await textOf(question)).toContain('have no agency column: type it once, and every file of the layout loads as that agency.');
      await question.getByRole('textbox').fill('Harbor City PD');
      await question.getByRole('button', { name: 'Use it and load' }).click();
      for (const f of ['city-2023-03.csv', 'city-2023-04.csv']) {
        const c = loadedCard(page, f);
        await c.waitFor({ timeout: 90_000 });
        expect(await textOf(c.getByTestId('load-report'))).toContain('"Harbor City PD" (typed, for every row) → Agency');
      }
      await quiet(page);
      await page.getByRole('link', { name: 'Crime' }).click();
      await page.waitForFunction(() => document.body.innerText.includes('Harbor City PD'), undefined, { timeout: 60_000 });
      expect(await page.locator('body').innerText()).not.toContain('city-2023-03.csv');
    });
  });
});
