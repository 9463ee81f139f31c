import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { launchOptions } from '../../../scripts/chromium.ts';

export const ARTIFACTS = 'tests/browser/.artifacts';

/** Chromium (the one scripts/chromium.ts picked) from an empty profile, with every request of the
 *  session recorded. */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; requests: string[]; base: string; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'dd-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions(inject('browser')),
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  context.on('request', (r: Request) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(ARTIFACTS, { recursive: true });
  return { context, page, requests, base: inject('baseUrl'), close: () => context.close() };
}

/** Requests that left the app's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: readonly string[], base: string): string[] {
  const origin = new URL(base).origin;
  return requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

/** Waits until the overview's KPI cards show numbers. */
export async function waitForOverview(page: Page): Promise<void> {
  await page.getByTestId('kpi-encounters').waitFor({ timeout: 60_000 });
}

/** The visible text of an element, whitespace collapsed. */
export async function textOf(l: import('playwright-core').Locator): Promise<string> {
  await l.first().waitFor({ state: 'attached', timeout: 30_000 });
  return ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls until `ok` is true (usable outside a test, unlike expect.poll). */
export async function waitUntil(ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A browser session on one page of the app, collecting page errors. */
export async function openPage(path: string) {
  const b = await openBrowser();
  const errors: string[] = [];
  b.page.on('pageerror', (e) => errors.push(e.message));
  await b.page.goto(b.base + path);
  return { ...b, errors };
}

/** Waits until nothing on the page is loading (no aria-busy or data-loading element). */
export async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], [data-loading=true]'), null, { timeout: 60_000 });
}

/** Opens the Data page, adds files through its file input as a user would, and (unless told not
 *  to) waits until every one of them is loaded. */
export async function openWithFiles(paths: readonly string[], { waitLoaded = true, timeout = 120_000 } = {}) {
  const b = await openPage('/data');
  await b.page.getByTestId('loaded-files').waitFor({ timeout: 90_000 });
  await b.page.getByTestId('file-input').setInputFiles([...paths]);
  if (waitLoaded) {
    for (const p of paths) {
      await b.page.locator('[data-testid=upload].loaded', { hasText: p.split('/').pop()! }).waitFor({ timeout });
    }
  }
  return b;
}

/** Names of the files kept in this browser's IndexedDB, read by the page itself. */
export function keptNames(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const req = indexedDB.open('deflection-dashboard');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kept')) { db.close(); resolve([]); return; }
      const keys = db.transaction('kept').objectStore('kept').getAllKeys();
      // Keyed by [workspace, name].
      keys.onsuccess = () => { db.close(); resolve(keys.result.map((k) => String((k as string[])[1]))); };
    };
  }));
}

/** Enters the program's launch date on the Data page (which must be open) and waits until it is saved. */
export async function enterLaunchDate(page: Page, date: string): Promise<void> {
  await page.getByLabel('Launch date').fill(date);
  await page.getByRole('button', { name: 'Save program details' }).click();
  await page.getByTestId('launch-source').filter({ hasText: 'entered on the Data page' }).waitFor();
}

/** A chart's data-table row for a month, as the cells' text. */
export async function tableRow(chart: import('playwright-core').Locator, month: string): Promise<string[]> {
  return chart.locator('table tbody tr', { hasText: month }).first().locator('td').allTextContents();
}
