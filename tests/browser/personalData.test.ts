import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openWithFiles, textOf, waitUntil } from './setup/browser.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/personal/identifiers.csv', import.meta.url));

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
});
