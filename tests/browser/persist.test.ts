import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, keptNames, openPage, quiet, textOf, waitUntil } from './setup/browser.ts';

const NAME = 'testville_naloxone.csv';
/** A naloxone log whose headers nothing recognises: the user picks the kind and every column. */
const CSV = 'when,unit,qty,result\n2010-03-02,Testville PD,1,survived\n2010-03-15,Testville PD,2,transported\n2010-04-01,Testville PD,1,survived\n';
const MAP = { date: 'when', agency: 'unit', doses: 'qty', outcome: 'result' };

/** The Loaded-in-this-browser row of one file, as cell texts. */
async function loadedRow(page: Page, name: string): Promise<string[]> {
  const row = page.getByTestId('loaded-files').locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${name}$`) }) });
  await row.first().waitFor({ timeout: 60_000 });
  return (await row.locator('td').allTextContents()).slice(0, 4);
}

/** The "Check the numbers" row of the naloxone log for one month. */
async function naloxoneMonth(page: Page, month: string): Promise<string[]> {
  await page.getByTestId('check-table').selectOption({ label: 'Naloxone log' });
  const row = page.locator('#check-result tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${month}$`) }) });
  await row.first().waitFor({ timeout: 30_000 });
  return row.locator('td').allTextContents();
}

/** The "Loaded in this browser" panel's text, once the workspace's files are all in. */
async function listed(page: Page): Promise<string> {
  const panel = page.getByRole('region', { name: 'Loaded in this browser' });
  await panel.waitFor({ timeout: 90_000 });
  await quiet(page);
  return panel.innerText();
}

describe('files the user added survive a reload', () => {
  let b: Awaited<ReturnType<typeof openPage>>;
  let page: Page;
  let file: string;
  let before: { row: string[]; march: string[] };
  beforeAll(async () => {
    b = await openPage('/data');
    page = b.page;
    file = join(mkdtempSync(join(tmpdir(), 'dd-persist-')), NAME);
    writeFileSync(file, CSV);
    // Every text any status line showed, from the start of each page load.
    await b.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role=status]')) {
          const t = (el.textContent ?? '').trim();
          if (t && !seen.includes(t)) seen.push(t);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await listed(page);
  });
  afterAll(async () => { await b?.close(); });

  it('says that files are kept in this browser', async () => {
    expect(await textOf(page.getByTestId('privacy-note'))).toContain('kept in this browser (IndexedDB) until you remove them or choose "Forget all data"');
  });

  it('loads a file with the kind and columns the user chose', async () => {
    await page.getByTestId('file-input').setInputFiles(file);
    const card = page.locator('[data-testid=upload]', { hasText: NAME });
    await page.locator('[data-testid=upload].needs-attention', { hasText: NAME }).waitFor({ timeout: 30_000 });
    await card.getByTestId('kind-select').selectOption('naloxone');
    for (const [field, column] of Object.entries(MAP)) await card.locator(`[id="map-${NAME}-${field}"]`).selectOption(column);
    await card.getByRole('button', { name: 'Load this file' }).click();
    await page.locator('[data-testid=upload].loaded', { hasText: NAME }).waitFor({ timeout: 30_000 });
    expect(await textOf(card.getByTestId('rows-loaded'))).toBe('3');
    before = { row: await loadedRow(page, NAME), march: await naloxoneMonth(page, 'Mar 2010') };
    expect(before.row.slice(0, 3)).toEqual([NAME, 'Naloxone log', '3']);
    expect(before.march).toEqual(['Mar 2010', '2', '3']);
    await waitUntil(async () => (await keptNames(page)).includes(NAME), 10_000);
    expect(await keptNames(page)).toEqual([NAME]);
    // Its rows are written beside it once the page is still.
    await page.waitForFunction((n) => performance.getEntriesByName(`kept:rows done ${n}`).length > 0, NAME, { timeout: 30_000 });
  });

  it('after a reload, restores it from its kept rows with the same choices and figures', async () => {
    await page.reload();
    const status = page.getByTestId('restore-status');
    await status.filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    expect(await textOf(status)).toBe('Restored 1 of 1 file saved in this browser.');
    const seen = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(seen.some((t) => t.startsWith('Restoring 1 of 1 file saved in this browser…'))).toBe(true);
    expect(await loadedRow(page, NAME)).toEqual(before.row);
    expect(await naloxoneMonth(page, 'Mar 2010')).toEqual(before.march);
    // Its rows were put back as kept, without reading the file again (ingest/restore.ts).
    expect(await page.evaluate(() => performance.getEntriesByName('kept:restored 1').length)).toBe(1);
    // Loaded again without asking: no card waits for the user.
    expect(await page.locator('[data-testid=upload]').count()).toBe(0);
    // The user's workspace: the sample is not loaded beside the file.
    expect(await listed(page)).not.toContain('sample/');
    await page.screenshot({ path: `${ARTIFACTS}/data-restored.png`, fullPage: true });
  });

  it('a removed file is gone from the store and stays gone after a reload', async () => {
    await page.getByRole('button', { name: `Remove ${NAME}` }).click();
    await waitUntil(async () => !(await listed(page)).includes(NAME), 15_000);
    await waitUntil(async () => (await keptNames(page)).length === 0, 10_000);
    await page.reload();
    // The workspace stays open, empty; the sample does not come back into it.
    expect(await listed(page)).toContain('Nothing is loaded yet.');
    expect(await listed(page)).not.toContain(NAME);
    expect(await page.getByTestId('restore-status').count()).toBe(0);
    expect(await keptNames(page)).toEqual([]);
  });

  it('a reload as soon as a file has loaded and is kept brings it back', async () => {
    const quick = join(mkdtempSync(join(tmpdir(), 'dd-persist-')), 'quick_naloxone.csv');
    writeFileSync(quick, 'date,agency,doses,outcome\n2010-05-02,Testville PD,1,survived\n2010-05-09,Testville PD,2,survived\n');
    await page.getByTestId('file-input').setInputFiles(quick);
    await page.locator('[data-testid=upload].loaded', { hasText: 'quick_naloxone.csv' }).waitFor({ timeout: 30_000 });
    await waitUntil(async () => (await keptNames(page)).includes('quick_naloxone.csv'), 10_000);
    await page.reload();
    await page.getByTestId('restore-status').filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    expect(await loadedRow(page, 'quick_naloxone.csv')).toEqual(['quick_naloxone.csv', 'Naloxone log', '2', expect.any(String)]);
    await page.getByRole('button', { name: 'Remove quick_naloxone.csv' }).click();
    await waitUntil(async () => (await keptNames(page)).length === 0, 10_000);
  });

  it('keeps the file as it was when kept, even if it changes on disk afterwards (its bytes are stored by reference, then copied by the browser)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dd-persist-')), 'moving_naloxone.csv');
    const original = 'date,agency,doses,outcome\n2010-06-02,Testville PD,1,survived\n';
    writeFileSync(path, original);
    await page.getByTestId('file-input').setInputFiles(path);
    await page.locator('[data-testid=upload].loaded', { hasText: 'moving_naloxone.csv' }).waitFor({ timeout: 30_000 });
    await waitUntil(async () => (await keptNames(page)).includes('moving_naloxone.csv'), 10_000);
    // The user exports the file again over the same path.
    writeFileSync(path, 'date,agency,doses,outcome\n2011-01-01,Elsewhere PD,9,transported\n2011-01-02,Elsewhere PD,9,transported\n');
    await page.reload();
    await page.getByTestId('restore-status').filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    const kept = await page.evaluate(() => new Promise<string>((resolve, reject) => {
      const req = indexedDB.open('deflection-dashboard');
      req.onsuccess = () => {
        const g = req.result.transaction('kept').objectStore('kept').get([localStorage.getItem('deflection.workspace') ?? '', 'moving_naloxone.csv']);
        g.onsuccess = () => { (g.result.bytes as Blob).text().then(resolve, reject); req.result.close(); };
        g.onerror = () => reject(g.error);
      };
      req.onerror = () => reject(req.error);
    }));
    expect(kept).toBe(original);
    expect(await loadedRow(page, 'moving_naloxone.csv')).toEqual(['moving_naloxone.csv', 'Naloxone log', '1', expect.any(String)]);
    await page.getByRole('button', { name: 'Remove moving_naloxone.csv' }).click();
    await waitUntil(async () => (await keptNames(page)).length === 0, 10_000);
  });

  it('a kept file that no longer loads is reported with its card and stays kept until the user forgets it', async () => {
    // As if the dashboard's rules changed since the file was kept: its kept mapping leaves out a required column.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('deflection-dashboard');
      req.onsuccess = () => {
        const t = req.result.transaction('kept', 'readwrite');
        t.objectStore('kept').put({ workspace: localStorage.getItem('deflection.workspace'), name: 'old_log.csv', type: 'text/csv', lastModified: 0, addedAt: '2024-01-01T00:00:00.000Z',
          bytes: new Blob(['date,agency,doses,outcome\n2010-05-01,Testville PD,1,survived\n'], { type: 'text/csv' }),
          kind: 'naloxone', mapping: { kind: 'naloxone', columns: { date: null, doses: 'doses' } } });
        t.oncomplete = () => { req.result.close(); resolve(); };
        t.onerror = () => reject(t.error);
      };
      req.onerror = () => reject(req.error);
    }));
    await page.reload();
    const status = page.getByTestId('restore-status');
    await status.filter({ hasText: 'Restored' }).waitFor({ timeout: 90_000 });
    expect(await textOf(status)).toBe('Restored 0 of 1 file saved in this browser. 1 file did not load again: see it below.');
    const card = page.locator('[data-testid=upload]', { hasText: 'old_log.csv' });
    expect(await textOf(card.getByTestId('restored-note'))).toContain('did not load again');
    expect(await textOf(card.getByTestId('problem-warning'))).toContain('no column was found for: Date');
    expect(await listed(page)).not.toContain('old_log.csv');
    expect(await keptNames(page)).toEqual(['old_log.csv']);
    await page.screenshot({ path: `${ARTIFACTS}/data-restore-failed.png`, fullPage: true });
    await card.getByRole('button', { name: 'Forget this kept file' }).click();
    await waitUntil(async () => (await keptNames(page)).length === 0, 10_000);
    expect(await page.locator('[data-testid=upload]').count()).toBe(0);
  });

  it('"Forget all data" asks first, then clears the kept files and saved settings and reloads', async () => {
    await page.getByTestId('file-input').setInputFiles(file);
    const card = page.locator('[data-testid=upload]', { hasText: NAME });
    await card.getByTestId('kind-select').selectOption('naloxone');
    for (const [field, column] of Object.entries(MAP)) await card.locator(`[id="map-${NAME}-${field}"]`).selectOption(column);
    await card.getByRole('button', { name: 'Load this file' }).click();
    await page.locator('[data-testid=upload].loaded', { hasText: NAME }).waitFor({ timeout: 30_000 });
    await waitUntil(async () => (await keptNames(page)).includes(NAME), 10_000);
    await page.getByTestId('workspace-name-input').fill('Testville deflection');
    await page.getByTestId('name-workspace').getByRole('button').first().click();
    expect(await page.evaluate(() => localStorage.getItem('deflection.workspaces'))).toContain('Testville deflection');

    const forget = page.getByRole('region', { name: 'Data kept in this browser' });
    await forget.getByRole('button', { name: 'Forget all data…' }).click();
    await forget.getByRole('button', { name: 'Cancel' }).click();
    expect(await keptNames(page)).toEqual([NAME]);
    await forget.getByRole('button', { name: 'Forget all data…' }).click();
    await Promise.all([page.waitForEvent('load'), forget.getByRole('button', { name: 'Yes, forget all data' }).click()]);

    expect(await listed(page)).not.toContain(NAME);
    expect(await page.getByTestId('restore-status').count()).toBe(0);
    expect(await keptNames(page)).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('deflection.')))).toEqual([]);
    // Back to the sample, as on a new profile.
    expect(await page.getByTestId('workspace-bar').getAttribute('data-workspace')).toBe('sample');
    expect(await page.getByTestId('synthetic-banner').count()).toBe(1);
  });

  it('a browser without IndexedDB keeps working and says files will not be kept', async () => {
    const p = await b.context.newPage();
    await p.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    await p.goto(b.base + '/data');
    await listed(p);
    expect(await textOf(p.getByTestId('keep-problem'))).toContain('This browser will not keep the files you add');
    await p.getByTestId('file-input').setInputFiles(file);
    const card = p.locator('[data-testid=upload]', { hasText: NAME });
    await card.getByTestId('kind-select').selectOption('naloxone');
    for (const [field, column] of Object.entries(MAP)) await card.locator(`[id="map-${NAME}-${field}"]`).selectOption(column);
    await card.getByRole('button', { name: 'Load this file' }).click();
    await p.locator('[data-testid=upload].loaded', { hasText: NAME }).waitFor({ timeout: 30_000 });
    expect(await loadedRow(p, NAME)).toEqual(before.row);
    expect(b.errors).toEqual([]);
    await p.close();
  });
});
