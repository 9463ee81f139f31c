import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, keptNames, openWithFiles, textOf, waitUntil } from './setup/browser.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/personal/identifiers.csv', import.meta.url));
/** Treatment-centre names that read like person names ("Grace House", "Anna Jaques") in `provider`. */
const PROVIDERS = fileURLToPath(new URL('../fixtures/personal/provider-names.csv', import.meta.url));

describe('personal-data guard on the Data page', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    b = await openWithFiles([FIXTURE], { waitLoaded: false });
    page = b.page;
  });
  afterAll(async () => { await b?.close(); });

  it('holds the file back, naming the mapped columns and what they look like', async () => {
    const card = page.locator('[data-testid=upload]', { hasText: 'identifiers.csv' });
    const notice = card.getByTestId('personal-data');
    await notice.waitFor({ timeout: 30_000 });
    const text = await textOf(notice);
    expect(text).toContain('Held back');
    expect(text).toContain('residence');
    expect(text).toContain('street addresses');
    expect(text).toContain('ineligible_reason');
    expect(text).toContain('free-text case notes');
    expect(text).toContain('never loaded');
    // The raw values are not shown in the message.
    expect(text).not.toMatch(/\d+ (Elm Street|Main St)/);
    expect(await card.getAttribute('class')).toContain('needs-attention');
    expect(await card.getByRole('button', { name: 'Load this file' }).isDisabled()).toBe(true);
    const loads = await textOf(page.getByTestId('loaded-files'));
    expect(loads).not.toContain('identifiers.csv');
    await page.screenshot({ path: `${ARTIFACTS}/personal-data-held.png`, fullPage: true });
  });

  it('drops the columns and loads the file without them', async () => {
    const card = page.locator('[data-testid=upload]', { hasText: 'identifiers.csv' });
    await card.getByTestId('drop-personal').click();
    await waitUntil(async () => (await page.locator('[data-testid=upload].loaded', { hasText: 'identifiers.csv' }).count()) === 1, 60_000);
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('40');
    const report = await textOf(card.getByTestId('load-report'));
    const ignored = report.slice(report.indexOf('Columns ignored:'));
    for (const c of ['client_name', 'date_of_birth', 'residence', 'phone', 'email', 'ssn', 'ineligible_reason', 'case_notes']) {
      expect(ignored).toContain(c);
    }
    const understood = report.slice(report.indexOf('Columns understood:'), report.indexOf('Columns ignored:'));
    expect(understood).not.toContain('residence');
    expect(understood).toContain('encounter_id');
    await waitUntil(async () => (await textOf(page.getByTestId('loaded-files'))).includes('identifiers.csv'), 15_000);
    expect(b.errors).toEqual([]);
  });

  it('a column that only looks like names can be vouched for, in two deliberate steps, and the report says so', async () => {
    await page.getByTestId('file-input').setInputFiles(PROVIDERS);
    const card = page.locator('[data-testid=upload]', { hasText: 'provider-names.csv' });
    const notice = card.getByTestId('personal-data');
    await notice.waitFor({ timeout: 30_000 });
    expect(await textOf(notice)).toContain('provider: This column looks like person names');
    expect(await textOf(page.getByTestId('loaded-files'))).not.toContain('provider-names.csv');
    const vouch = notice.getByRole('button', { name: '"provider" is not personal data: load it…' });
    expect(await vouch.getAttribute('aria-expanded')).toBe('false');
    await vouch.click();
    expect(await vouch.getAttribute('aria-expanded')).toBe('true');
    const confirm = notice.getByRole('button', { name: 'Load "provider" as not personal data' });
    expect(await confirm.isDisabled()).toBe(true);
    await notice.getByLabel('I checked the values in column "provider" of provider-names.csv: they are not about a person.').check();
    await card.screenshot({ path: `${ARTIFACTS}/personal-data-vouch.png` });
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Element, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const r = await axe.run(document.querySelector('[data-testid=vouch-confirm]')!.closest('[data-testid=personal-data]')!, { resultTypes: ['violations'] });
      return r.violations.map((v) => v.id);
    })).toEqual([]);
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.locator('[data-testid=upload].loaded', { hasText: 'provider-names.csv' }).waitFor({ timeout: 60_000 });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('12');
    const report = await textOf(card.getByTestId('load-report'));
    expect(report).toContain('provider-names.csv, column "provider": You vouched that this column is not personal data, so it is loaded as '
      + '"Provider (pseudonym)" although 10 of 12 values in the first rows look like person names');
    expect(report).toContain('provider → Provider (pseudonym)');
    await waitUntil(async () => (await textOf(page.getByTestId('loaded-files'))).includes('provider-names.csv'), 15_000);
    expect(b.errors).toEqual([]);
  });

  it('after a reload, both kept files load again with the choices made (dropped, vouched for) without holding back', async () => {
    await waitUntil(async () => (await keptNames(page)).length === 2, 10_000);
    await page.reload();
    const status = page.getByTestId('restore-status');
    await status.filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    expect(await textOf(status)).toBe('Restored 2 of 2 files saved in this browser.');
    expect(await page.locator('[data-testid=upload]').count()).toBe(0);
    const loads = await textOf(page.getByTestId('loaded-files'));
    expect(loads).toContain('identifiers.csv');
    expect(loads).toContain('provider-names.csv');
    expect(b.errors).toEqual([]);
  });
});
