import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWithFiles, textOf } from './setup/browser.ts';
import { punctuatedEncounters, PUNCTUATED_RESIDENCES } from '../helpers/cp1252.ts';

/** Text encodings through the real file input in Chromium (the unit tests read the same fixtures
 *  in Node): a UTF-16 cost ledger (Excel "Unicode Text") and a Windows-1252 encounters export
 *  load, each with the warning that says how it was read, and the accents survive. So does a
 *  Windows-1252 file with ’ “ ” – — Ÿ € (bytes 0x80-0x9F, which DuckDB-wasm's latin-1 reader refuses). */
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

describe('text encodings in the browser', () => {
  let b: Awaited<ReturnType<typeof openWithFiles>>;
  let page: Page;
  beforeAll(async () => {
    const punctuated = join(mkdtempSync(join(tmpdir(), 'dd-cp1252-')), 'punctuation-1252.csv');
    writeFileSync(punctuated, punctuatedEncounters());
    b = await openWithFiles([`${BAD}utf-16.csv`, `${BAD}windows-1252.csv`, punctuated]);
    page = b.page;
  }, 120_000);
  afterAll(async () => { await b?.close(); });

  it('UTF-16 and Windows-1252 load, with the warning that says how they were read', async () => {
    const utf16 = page.locator('[data-testid=upload]', { hasText: 'utf-16.csv' });
    expect(await textOf(utf16.getByTestId('rows-loaded'))).toBe('3');
    expect(await textOf(utf16)).toContain('The file is saved as UTF-16 text (Excel "Unicode Text"); it was read as UTF-16.');
    const latin = page.locator('[data-testid=upload]', { hasText: 'windows-1252.csv' });
    expect(await textOf(latin.getByTestId('rows-loaded'))).toBe('2');
    expect(await textOf(latin)).toContain('The file is not UTF-8; it was read as Windows-1252 (Latin-1) text.');
    const punctuated = page.locator('[data-testid=upload]', { hasText: 'punctuation-1252.csv' });
    expect(await textOf(punctuated.getByTestId('rows-loaded'))).toBe('2');
    expect(await textOf(punctuated)).toContain('The file is not UTF-8; it was read as Windows-1252 (Latin-1) text.');
    expect(b.errors).toEqual([]);
  });

  it('the accents of the Windows-1252 file reach the pages', async () => {
    await page.getByRole('link', { name: 'Placements' }).click();
    await page.getByTestId('breakdown-by').waitFor({ timeout: 60_000 });
    await page.getByTestId('breakdown-by').selectOption('residence');
    await expect.poll(() => page.getByTestId('chart-by-residence').locator('tbody td:first-child').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['Peñasco', 'Élan Park', ...PUNCTUATED_RESIDENCES]));
  });
});
