import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, keptNames, openPage, quiet, textOf, waitUntil } from './setup/browser.ts';

const NAME = 'ambiguous-dates.csv';
/** 01/03/2022, 02/03/2022, 06/03/2022: every part 12 or less. Read day/month they are all in March 2022. */
const FIXTURE = fileURLToPath(new URL(`../fixtures/bad/${NAME}`, import.meta.url));
/** The three rows' amounts: 1140.00 + 205.14 + 95.00. */
const ADDED = 1440.14;

/** The "Check the numbers" row of the cost ledger (all funding sources) for one month: [entries, amount]. */
async function costMonth(page: Page, month: string): Promise<[number, number] | null> {
  await page.getByTestId('check-table').selectOption({ label: 'Cost ledger' });
  await waitUntil(async () => (await page.locator('#check-result[aria-busy=false]').count()) === 1, 15_000);
  const row = page.locator('#check-result tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${month}$`) }) });
  if (!(await row.count())) return null;
  const cells = await row.first().locator('td').allTextContents();
  return [Number(cells[1]!.replace(/,/g, '')), Number(cells[2]!.replace(/,/g, ''))];
}

/** The "Loaded in this browser" panel's text, once the workspace's files are all in. */
async function listed(page: Page): Promise<string> {
  const panel = page.getByRole('region', { name: 'Loaded in this browser' });
  await panel.waitFor({ timeout: 90_000 });
  await quiet(page);
  return panel.innerText();
}

describe('a file whose dates could be month/day or day/month', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  beforeAll(async () => {
    b = await openPage('/data');
    page = b.page;
    // The sample is open; the file added below starts the user's own workspace.
    expect(await listed(page)).toContain('sample/costs.csv');
  });
  afterAll(async () => { await b?.close(); });

  it('is held back with a question naming the file and column, with values from the file read both ways', async () => {
    await page.getByTestId('file-input').setInputFiles(FIXTURE);
    const card = page.locator('[data-testid=upload].needs-attention', { hasText: NAME });
    const question = card.getByTestId('date-order');
    await question.waitFor({ timeout: 30_000 });
    const text = await textOf(question);
    expect(text).toContain(`Which way round are the dates in ${NAME}?`);
    expect(text).toContain('Column "date" (Date): how does it write its dates?');
    expect(text).toContain('Month/day (US): "01/03/2022" is January 3, 2022; "02/03/2022" is February 3, 2022; "06/03/2022" is June 3, 2022');
    expect(text).toContain('Day/month: "01/03/2022" is 1 March 2022; "02/03/2022" is 2 March 2022; "06/03/2022" is 6 March 2022');
    expect(await question.getByRole('group', { name: 'Column "date" (Date): how does it write its dates?' }).count()).toBe(1);
    expect(await question.getByRole('button', { name: 'Read the dates this way and load' }).isDisabled()).toBe(true);
    expect(await card.getByRole('button', { name: 'Load this file' }).isDisabled()).toBe(true);
    // Nothing was loaded: the user's new workspace is empty (and the sample is not in it).
    expect(await listed(page)).toContain('Nothing is loaded yet.');
    // The question itself passes axe (labels, fieldset and legend, contrast).
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Element, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const r = await axe.run(document.querySelector('[data-testid=date-order]')!, { resultTypes: ['violations'] });
      return r.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    mkdirSync('bench/.results', { recursive: true });
    await card.screenshot({ path: 'bench/.results/date-order-question.png' });
    await card.screenshot({ path: `${ARTIFACTS}/date-order-question.png` });
  });

  it('answered day/month with the keyboard, loads and reads the dates so', async () => {
    const card = page.locator('[data-testid=upload]', { hasText: NAME });
    const mdy = card.getByRole('radio', { name: /^Month\/day/ });
    const dmy = card.getByRole('radio', { name: /^Day\/month/ });
    await mdy.focus();
    await page.keyboard.press('Space');
    expect(await mdy.isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await dmy.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Read the dates this way and load');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=upload].loaded', { hasText: NAME }).waitFor({ timeout: 60_000 });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('3');
    expect(await textOf(card.getByTestId('load-report'))).toContain(`${NAME}, column "date": Dates were read as day/month (DD/MM/YYYY), `
      + 'as you chose for this column: "01/03/2022" is 1 March 2022.');
    await waitUntil(async () => (await listed(page)).includes(NAME), 15_000);
    // All three rows are in March 2022 (read month/day they would be January, February and June).
    await waitUntil(async () => (await costMonth(page, 'Mar 2022'))?.[0] === 3, 15_000);
    const march = (await costMonth(page, 'Mar 2022'))!;
    expect(march[1]).toBeCloseTo(ADDED, 2);
    expect(await costMonth(page, 'Jan 2022')).toBeNull();
    await waitUntil(async () => (await keptNames(page)).includes(NAME), 10_000);
  });

  it('after a reload, the kept file loads again with its answer, without asking', async () => {
    const after = await costMonth(page, 'Mar 2022');
    await page.reload();
    const status = page.getByTestId('restore-status');
    await status.filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    expect(await textOf(status)).toBe('Restored 1 of 1 file saved in this browser.');
    expect(await page.locator('[data-testid=upload]').count()).toBe(0);
    expect(await page.getByTestId('date-order').count()).toBe(0);
    expect(await listed(page)).toContain(NAME);
    expect(await costMonth(page, 'Mar 2022')).toEqual(after);
    expect(await costMonth(page, 'Jan 2022')).toBeNull();
    expect(b.errors).toEqual([]);
  });
});
